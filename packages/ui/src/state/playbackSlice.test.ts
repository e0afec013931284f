import { describe, expect, it } from 'vitest';
import { createClientStore } from './clientStore';

const T0 = Date.parse('2026-03-01T10:00:00Z');
const HOUR = 3600_000;

describe('playbackSlice', () => {
  it('starts live and enters playback on seek', () => {
    const store = createClientStore({ playbackTimeMs: T0 });
    expect(store.getState()).toMatchObject({ mode: 'live', playbackTimeMs: T0, speed: 1, playing: true });
    store.getState().seek(T0 - HOUR);
    expect(store.getState()).toMatchObject({ mode: 'playback', playbackTimeMs: T0 - HOUR });
    store.getState().seek(Number.NaN);
    expect(store.getState().playbackTimeMs).toBe(T0 - HOUR);
  });

  it('advances by elapsed time × speed only while playing in playback', () => {
    const store = createClientStore();
    store.getState().advance(1000, T0);
    expect(store.getState().playbackTimeMs).toBe(0);
    store.getState().seek(T0 - HOUR);
    store.getState().setSpeed(4);
    store.getState().advance(1000, T0);
    expect(store.getState().playbackTimeMs).toBe(T0 - HOUR + 4000);
    store.getState().pause();
    store.getState().advance(1000, T0);
    expect(store.getState().playbackTimeMs).toBe(T0 - HOUR + 4000);
    store.getState().play();
    store.getState().setSpeed(-2);
    store.getState().advance(500, T0);
    expect(store.getState().playbackTimeMs).toBe(T0 - HOUR + 3000);
  });

  it('goes live when forward playback reaches the present, but not backwards', () => {
    const store = createClientStore();
    store.getState().seek(T0 - 1000);
    store.getState().setSpeed(2);
    store.getState().advance(1000, T0);
    expect(store.getState()).toMatchObject({ mode: 'live', speed: 1, playbackTimeMs: T0 });
  });

  it('steps through the offered speeds and refuses others', () => {
    const store = createClientStore();
    store.getState().stepSpeed(1);
    expect(store.getState().speed).toBe(2);
    store.getState().setSpeed(16);
    store.getState().stepSpeed(1);
    expect(store.getState().speed).toBe(16);
    store.getState().setSpeed(-16);
    store.getState().stepSpeed(-1);
    expect(store.getState().speed).toBe(-16);
    store.getState().setSpeed(3 as never);
    expect(store.getState().speed).toBe(-16);
  });

  it('keeps the playback time when going live, so playback resumes there', () => {
    const store = createClientStore();
    store.getState().seek(T0);
    store.getState().setSpeed(8);
    store.getState().pause();
    store.getState().goLive();
    expect(store.getState()).toMatchObject({ mode: 'live', playbackTimeMs: T0, speed: 1, playing: true });
  });
});
