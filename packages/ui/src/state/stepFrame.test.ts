import { describe, expect, it } from 'vitest';
import { createClientStore } from './clientStore';

describe('playbackSlice stepFrame', () => {
  it('pauses and records each step request, repeats included', () => {
    const store = createClientStore({ playbackTimeMs: 1000 });
    store.getState().seek(500);
    store.getState().stepFrame(1);
    expect(store.getState()).toMatchObject({ playing: false, stepRequest: { direction: 1, seq: 1 } });
    store.getState().stepFrame(1);
    store.getState().stepFrame(-1);
    expect(store.getState().stepRequest).toEqual({ direction: -1, seq: 3 });
    // Stepping never moves the time itself: the playback view knows where the frames are.
    expect(store.getState().playbackTimeMs).toBe(500);
  });

  it('does nothing in live mode', () => {
    const store = createClientStore();
    store.getState().stepFrame(1);
    expect(store.getState()).toMatchObject({ mode: 'live', playing: true, stepRequest: null });
  });
});
