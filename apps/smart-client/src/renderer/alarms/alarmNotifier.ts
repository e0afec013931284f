/**
 * Tells the operator a new alarm arrived, wherever they are in the window: the sound its
 * definition names (unless muted), at most once per burst. It listens to the updates socket,
 * learns each new alarm's sound from the site (the push carries only id, state and priority),
 * and keeps what the sound toggle shows: muted (remembered in localStorage), blocked by the
 * browser's autoplay policy, and the last sound played. Owns its player and subscription.
 */
import type { AlarmSound, SiteUpdate } from '@nightjar/ui';
import type { SoundPlayer } from './alarmAudio';
import { shouldPlay } from './alarmSound';
import type { LastSound } from './alarmSound';

export const MUTE_STORAGE_KEY = 'nightjar.alarms.soundMuted';

export interface AlarmNotifierSnapshot {
  muted: boolean;
  /** The browser refused to play without a click on the page first. */
  blocked: boolean;
  lastSound: AlarmSound | null;
  /** Sounds played since sign-in. */
  played: number;
}

export interface AlarmNotifierOptions {
  onDidReceive: (listener: (update: SiteUpdate) => void) => { dispose(): void };
  /** The new alarm's sound (getAlarm through the query cache). */
  soundOf: (alarmId: number) => Promise<AlarmSound>;
  player: SoundPlayer;
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
  now?: () => number;
}

export class AlarmNotifier {
  private snapshot: AlarmNotifierSnapshot;
  private last: LastSound | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly subscription: { dispose(): void };
  private disposed = false;
  private readonly now: () => number;

  constructor(private readonly options: AlarmNotifierOptions) {
    this.now = options.now ?? Date.now;
    this.snapshot = { muted: readMuted(options.storage), blocked: false, lastSound: null, played: 0 };
    this.subscription = options.onDidReceive((u) => {
      if (u.type === 'alarm' && u.action === 'created' && u.state === 'new') void this.onNewAlarm(u.alarmId);
    });
  }

  /** For useSyncExternalStore: the same object until something changes. */
  readonly getSnapshot = (): AlarmNotifierSnapshot => this.snapshot;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  setMuted(muted: boolean): void {
    try {
      this.options.storage?.setItem(MUTE_STORAGE_KEY, muted ? '1' : '0');
    } catch {
      // Storage full or denied: the choice still holds for this window.
    }
    this.update({ muted });
  }

  /** From a click: lets sound play from now on (clears "blocked" when the browser agrees). */
  async unlock(): Promise<void> {
    const ok = await this.options.player.unlock();
    if (ok && !this.disposed) this.update({ blocked: false });
  }

  dispose(): void {
    this.disposed = true;
    this.subscription.dispose();
    this.options.player.dispose();
    this.listeners.clear();
  }

  private async onNewAlarm(alarmId: number): Promise<void> {
    let sound: AlarmSound;
    try {
      sound = await this.options.soundOf(alarmId);
    } catch {
      // Not readable (closed meanwhile, rights changed, site away): the list still shows what it can.
      return;
    }
    const now = this.now();
    if (this.disposed || !shouldPlay(sound, this.snapshot.muted, this.last, now)) return;
    // Taken before playing, so alarms arriving while this one starts do not all sound.
    this.last = { sound, atMs: now };
    const result = await this.options.player.play(sound);
    if (this.disposed) return;
    if (result === 'played') this.update({ blocked: false, lastSound: sound, played: this.snapshot.played + 1 });
    else if (result === 'blocked') this.update({ blocked: true });
  }

  private update(patch: Partial<AlarmNotifierSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of [...this.listeners]) listener();
  }
}

function readMuted(storage: Pick<Storage, 'getItem'> | null): boolean {
  try {
    return storage?.getItem(MUTE_STORAGE_KEY) === '1';
  } catch {
    return false;
  }
}
