import { describe, expect, it } from 'vitest';
import { createClientStore } from '@nightjar/ui';
import { PlaybackStoreSync } from './playbackStoreSync';
import type { SyncedPlayer } from './playbackStoreSync';

const T0 = Date.parse('2026-03-01T10:00:00Z');

class FakePlayer implements SyncedPlayer {
  positionMs = T0;
  session = { playing: false, speed: 1 };
  calls: string[] = [];
  private ended: (() => void)[] = [];
  seek(atMs: number) {
    this.positionMs = atMs;
    this.calls.push(`seek ${atMs - T0}`);
  }
  play(speed: number) {
    this.session = { playing: true, speed };
    this.calls.push(`play ${speed}`);
  }
  pause() {
    this.session = { ...this.session, playing: false };
    this.calls.push('pause');
  }
  step(direction: 1 | -1) {
    this.calls.push(`step ${direction}`);
  }
  onDidEnd(listener: () => void) {
    this.ended.push(listener);
    return { dispose: () => { this.ended = this.ended.filter((l) => l !== listener); } };
  }
  end() {
    this.session = { ...this.session, playing: false };
    for (const l of this.ended) l();
  }
}

function setup(playing: boolean) {
  const store = createClientStore({ playbackTimeMs: T0 });
  store.getState().seek(T0);
  if (!playing) store.getState().pause();
  const player = new FakePlayer();
  const sync = new PlaybackStoreSync(store, player, () => T0 + 3_600_000);
  return { store, player, sync };
}

describe('PlaybackStoreSync', () => {
  it('starts the player the way the store says', () => {
    expect(setup(true).player.calls).toEqual(['play 1']);
    expect(setup(false).player.calls).toEqual(['pause']);
  });

  it('turns store seeks, play, pause and speed into player calls', () => {
    const { store, player } = setup(false);
    store.getState().seek(T0 + 5000);
    store.getState().setSpeed(4);
    store.getState().play();
    store.getState().pause();
    expect(player.calls).toEqual(['pause', 'seek 5000', 'pause', 'play 4', 'pause']);
  });

  it('steps once per step request, after pausing', () => {
    const { store, player } = setup(true);
    store.getState().stepFrame(1);
    store.getState().stepFrame(1);
    store.getState().stepFrame(-1);
    expect(player.calls).toEqual(['play 1', 'pause', 'step 1', 'step 1', 'step -1']);
  });

  it('copies the playing session clock into the store without seeking back', () => {
    const { store, player, sync } = setup(true);
    player.positionMs = T0 + 1234;
    sync.tick();
    expect(store.getState().playbackTimeMs).toBe(T0 + 1234);
    expect(player.calls).toEqual(['play 1']);
    store.getState().seek(T0 + 99_000);
    expect(player.calls.at(-1)).toBe('seek 99000');
  });

  it('leaves the store alone while paused', () => {
    const { store, player, sync } = setup(false);
    player.positionMs = T0 + 50;
    sync.tick();
    expect(store.getState().playbackTimeMs).toBe(T0);
  });

  it('pauses at the end of recordings, and goes live when that end is the present', () => {
    const far = setup(true);
    far.player.end();
    expect(far.store.getState()).toMatchObject({ mode: 'playback', playing: false });

    const near = setup(true);
    near.player.positionMs = T0 + 3_600_000 - 2000;
    near.player.end();
    expect(near.store.getState().mode).toBe('live');
  });

  it('stops following once disposed', () => {
    const { store, player, sync } = setup(false);
    sync.dispose();
    store.getState().seek(T0 + 1);
    expect(player.calls).toEqual(['pause']);
  });
});
