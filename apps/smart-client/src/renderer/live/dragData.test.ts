import { describe, expect, it } from 'vitest';
import { CAMERA_MIME, TILE_MIME, acceptsDrag, readDrag, writeCameraDrag, writeTileDrag } from './dragData';

function transfer(): { types: string[]; getData(t: string): string; setData(t: string, v: string): void } {
  const items = new Map<string, string>();
  return {
    get types() {
      return [...items.keys()];
    },
    getData: (t) => items.get(t) ?? '',
    setData: (t, v) => void items.set(t, v),
  };
}

describe('drag data', () => {
  it('round-trips a camera and a tile', () => {
    const a = transfer();
    writeCameraDrag(a, 'cam-1', 'Lobby');
    expect(a.getData('text/plain')).toBe('Lobby');
    expect(acceptsDrag(a)).toBe(true);
    expect(readDrag(a)).toEqual({ kind: 'camera', cameraId: 'cam-1' });
    const b = transfer();
    writeTileDrag(b, 3);
    expect(readDrag(b)).toEqual({ kind: 'tile', tile: 3 });
  });

  it('ignores drags from outside the app and malformed tiles', () => {
    const text = transfer();
    text.setData('text/plain', 'cam-1');
    expect(acceptsDrag(text)).toBe(false);
    expect(readDrag(text)).toBeUndefined();
    const bad = transfer();
    bad.setData(TILE_MIME, '-1');
    expect(readDrag(bad)).toBeUndefined();
    const empty = transfer();
    empty.setData(CAMERA_MIME, '');
    expect(readDrag(empty)).toBeUndefined();
  });
});
