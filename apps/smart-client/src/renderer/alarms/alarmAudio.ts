/**
 * Plays the alarm sounds of alarmSound.ts through WebAudio. One AudioContext, made at the first
 * sound and closed on dispose. Browsers start a context "suspended" until the page has had a
 * user gesture (autoplay policy); then resume() neither plays nor fails, it just waits, so it is
 * given a moment and the sound is reported "blocked" for the UI to ask for a click. Nothing here
 * throws: a window without audio still shows its alarms.
 */
import type { AlarmSound } from '@nightjar/ui';
import { tonePlan } from './alarmSound';

export type PlayResult = 'played' | 'blocked' | 'unavailable';

/** What the notifier needs of a player (tests pass a fake). */
export interface SoundPlayer {
  play(sound: AlarmSound): Promise<PlayResult>;
  /** Called from a user gesture: lets sound play from now on. True when it may. */
  unlock(): Promise<boolean>;
  dispose(): void;
}

/** How long to wait for a suspended context before calling it blocked. */
const RESUME_WAIT_MS = 300;

export class WebAudioSoundPlayer implements SoundPlayer {
  private context: AudioContext | null = null;
  private failed = false;

  constructor(private readonly createContext: () => AudioContext = () => new AudioContext()) {}

  async play(sound: AlarmSound): Promise<PlayResult> {
    const ctx = this.ensureContext();
    if (!ctx) return 'unavailable';
    if (!(await this.running(ctx))) return 'blocked';
    try {
      const t0 = ctx.currentTime + 0.02;
      for (const tone of tonePlan(sound)) {
        const start = t0 + tone.startS;
        const end = start + tone.durationS;
        const osc = ctx.createOscillator();
        const gain = ctx.createGain();
        osc.type = tone.wave;
        osc.frequency.setValueAtTime(tone.fromHz, start);
        if (tone.toHz !== tone.fromHz) osc.frequency.linearRampToValueAtTime(tone.toHz, end);
        // Short ramps in and out: an oscillator switched on or off at full level clicks.
        gain.gain.setValueAtTime(0.0001, start);
        gain.gain.exponentialRampToValueAtTime(tone.gain, start + 0.015);
        gain.gain.exponentialRampToValueAtTime(0.0001, end);
        osc.connect(gain).connect(ctx.destination);
        osc.start(start);
        osc.stop(end + 0.02);
      }
      return 'played';
    } catch {
      return 'unavailable';
    }
  }

  async unlock(): Promise<boolean> {
    const ctx = this.ensureContext();
    return ctx ? this.running(ctx) : false;
  }

  dispose(): void {
    const ctx = this.context;
    this.context = null;
    if (ctx) void ctx.close().catch(() => undefined);
  }

  private ensureContext(): AudioContext | null {
    if (this.context || this.failed) return this.context;
    try {
      this.context = this.createContext();
    } catch {
      // No audio device or no WebAudio: stay silent rather than fail the alarm list.
      this.failed = true;
    }
    return this.context;
  }

  private async running(ctx: AudioContext): Promise<boolean> {
    if (ctx.state === 'running') return true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      await Promise.race([ctx.resume(), new Promise((resolve) => { timer = setTimeout(resolve, RESUME_WAIT_MS); })]);
    } catch {
      // A refused resume is "blocked" like a pending one.
    } finally {
      clearTimeout(timer);
    }
    return (ctx.state as string) === 'running';
  }
}
