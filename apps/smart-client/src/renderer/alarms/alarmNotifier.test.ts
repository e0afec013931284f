import { describe, expect, it } from 'vitest';
import type { AlarmSound, SiteUpdate } from '@nightjar/ui';
import type { PlayResult, SoundPlayer } from './alarmAudio';
import { AlarmNotifier, MUTE_STORAGE_KEY } from './alarmNotifier';
import { SOUND_GAP_MS } from './alarmSound';

class FakePlayer implements SoundPlayer {
  played: AlarmSound[] = [];
  answer: PlayResult = 'played';
  unlockAnswer = true;
  disposed = false;
  async play(sound: AlarmSound): Promise<PlayResult> {
    if (this.answer === 'played') this.played.push(sound);
    return this.answer;
  }
  async unlock(): Promise<boolean> {
    return this.unlockAnswer;
  }
  dispose(): void {
    this.disposed = true;
  }
}

function setup(sounds: Record<number, AlarmSound>, stored: Record<string, string> = {}) {
  const listeners = new Set<(u: SiteUpdate) => void>();
  const player = new FakePlayer();
  const storage = { getItem: (k: string) => stored[k] ?? null, setItem: (k: string, v: string) => { stored[k] = v; } };
  let now = 10_000;
  const asked: number[] = [];
  const notifier = new AlarmNotifier({
    onDidReceive: (l) => {
      listeners.add(l);
      return { dispose: () => listeners.delete(l) };
    },
    soundOf: async (id) => {
      asked.push(id);
      const s = sounds[id];
      if (!s) throw new Error('403');
      return s;
    },
    player, storage, now: () => now,
  });
  const push = async (u: SiteUpdate) => {
    for (const l of listeners) l(u);
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  const created = (alarmId: number): SiteUpdate => ({ type: 'alarm', action: 'created', alarmId, state: 'new', priority: 2 });
  return { notifier, player, stored, push, created, asked, listeners, advance: (ms: number) => { now += ms; } };
}

describe('AlarmNotifier', () => {
  it('plays the sound the new alarm\'s definition names, and only for new alarms', async () => {
    const t = setup({ 1: 'alert', 2: 'chime' });
    await t.push(t.created(1));
    await t.push({ type: 'alarm', action: 'updated', alarmId: 2, state: 'inProgress', priority: 2 });
    await t.push({ type: 'camerasChanged' });
    expect(t.player.played).toEqual(['alert']);
    expect(t.asked).toEqual([1]);
    expect(t.notifier.getSnapshot()).toMatchObject({ lastSound: 'alert', played: 1, blocked: false });
  });

  it('sounds once per burst unless a more urgent alarm comes', async () => {
    const t = setup({ 1: 'alert', 2: 'alert', 3: 'siren', 4: 'chime' });
    await t.push(t.created(1));
    await t.push(t.created(2));
    await t.push(t.created(3));
    t.advance(SOUND_GAP_MS);
    await t.push(t.created(4));
    expect(t.player.played).toEqual(['alert', 'siren', 'chime']);
  });

  it('stays quiet when muted, remembers the choice, and skips alarms it cannot read', async () => {
    const t = setup({ 1: 'siren' });
    const seen: boolean[] = [];
    t.notifier.subscribe(() => seen.push(t.notifier.getSnapshot().muted));
    t.notifier.setMuted(true);
    await t.push(t.created(1));
    await t.push(t.created(99));
    expect(t.player.played).toEqual([]);
    expect(t.stored[MUTE_STORAGE_KEY]).toBe('1');
    expect(seen).toEqual([true]);
    const again = setup({}, t.stored);
    expect(again.notifier.getSnapshot().muted).toBe(true);
  });

  it('reports a sound the browser blocked until a click unlocks it', async () => {
    const t = setup({ 1: 'chime' });
    t.player.answer = 'blocked';
    await t.push(t.created(1));
    expect(t.notifier.getSnapshot()).toMatchObject({ blocked: true, played: 0 });
    t.player.unlockAnswer = false;
    await t.notifier.unlock();
    expect(t.notifier.getSnapshot().blocked).toBe(true);
    t.player.unlockAnswer = true;
    await t.notifier.unlock();
    expect(t.notifier.getSnapshot().blocked).toBe(false);
  });

  it('lets go of the socket and the player on dispose', async () => {
    const t = setup({ 1: 'chime' });
    t.notifier.dispose();
    expect(t.listeners.size).toBe(0);
    expect(t.player.disposed).toBe(true);
  });
});
