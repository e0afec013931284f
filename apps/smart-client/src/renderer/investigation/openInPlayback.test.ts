import { describe, expect, it } from 'vitest';
import { createClientStore } from '@nightjar/ui';
import { openInPlayback, tileFor } from './openInPlayback';

describe('openInPlayback', () => {
  it('uses the tile that shows the camera, else an empty one, else the selected one', () => {
    expect(tileFor(['a', 'b', null, null], 3, 'b')).toBe(1);
    expect(tileFor(['a', null, 'c', null], 3, 'x')).toBe(1);
    expect(tileFor(['a', 'b', 'c', 'd'], 2, 'x')).toBe(2);
    expect(tileFor(['a', 'b', 'c', 'd'], null, 'x')).toBe(0);
  });

  it('puts the camera on screen and seeks playback there', () => {
    const store = createClientStore({ layoutId: '2x2' });
    store.getState().assignCamera(0, 'a');
    openInPlayback(store, ['z', 'y'], 12_345);
    expect(store.getState()).toMatchObject({ mode: 'playback', playbackTimeMs: 12_345, selectedTile: 1 });
    expect(store.getState().tileCameras).toEqual(['a', 'z', null, null]);
    openInPlayback(store, ['a'], 99);
    expect(store.getState()).toMatchObject({ selectedTile: 0, playbackTimeMs: 99 });
    expect(store.getState().tileCameras).toEqual(['a', 'z', null, null]);
  });
});
