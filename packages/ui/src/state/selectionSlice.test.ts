import { describe, expect, it } from 'vitest';
import { createClientStore } from './clientStore';

describe('selectionSlice', () => {
  it('orders the ends of a range', () => {
    const store = createClientStore();
    store.getState().selectRange(5000, 2000);
    expect(store.getState().selection).toEqual({ startMs: 2000, endMs: 5000 });
    store.getState().selectRange(1000, 3000);
    expect(store.getState().selection).toEqual({ startMs: 1000, endMs: 3000 });
  });

  it('clears on an empty or invalid range and on request', () => {
    const store = createClientStore();
    store.getState().selectRange(1000, 3000);
    store.getState().selectRange(2000, 2000);
    expect(store.getState().selection).toBeNull();
    store.getState().selectRange(1000, 3000);
    store.getState().selectRange(Number.NaN, 3000);
    expect(store.getState().selection).toBeNull();
    store.getState().selectRange(1000, 3000);
    store.getState().clearSelection();
    expect(store.getState().selection).toBeNull();
  });

  it('leaves the other slices alone', () => {
    const store = createClientStore();
    store.getState().assignCamera(0, 'a');
    store.getState().selectRange(1, 2);
    expect(store.getState().tileCameras[0]).toBe('a');
    expect(store.getState().mode).toBe('live');
  });
});
