/**
 * Which sound a new alarm makes, and what each sound is. The site names a sound per definition
 * (none, chime, alert, siren); the client draws them with WebAudio oscillators (alarmAudio.ts),
 * so it carries no audio files. Pure: the choice and the notes are tested here.
 */
import type { AlarmSound } from '@nightjar/ui';

/** How urgent each sound is: a louder one may interrupt a quieter one. */
export const SOUND_RANK: Record<AlarmSound, number> = { none: 0, chime: 1, alert: 2, siren: 3 };

/**
 * A burst of alarms (a flood, a bulk import) plays once: another sound starts only this long
 * after the last, unless it is more urgent than the one playing.
 */
export const SOUND_GAP_MS = 2500;

export interface LastSound {
  sound: AlarmSound;
  atMs: number;
}

export function shouldPlay(sound: AlarmSound, muted: boolean, last: LastSound | null, nowMs: number): boolean {
  if (muted || sound === 'none') return false;
  if (!last || nowMs - last.atMs >= SOUND_GAP_MS) return true;
  return SOUND_RANK[sound] > SOUND_RANK[last.sound];
}

/** One oscillator: a waveform gliding from one frequency to another, with a short fade in and out. */
export interface Tone {
  wave: 'sine' | 'triangle' | 'square' | 'sawtooth';
  fromHz: number;
  toHz: number;
  /** Seconds from the start of the sound. */
  startS: number;
  durationS: number;
  /** Peak gain, 0–1; square and sawtooth are kept lower as they sound louder. */
  gain: number;
}

/**
 * - chime: a soft two-note "ding-dong" (something to look at);
 * - alert: three short beeps (act now);
 * - siren: a rising and falling sweep, twice (an emergency).
 */
export function tonePlan(sound: AlarmSound): Tone[] {
  switch (sound) {
    case 'none':
      return [];
    case 'chime':
      return [
        { wave: 'sine', fromHz: 880, toHz: 880, startS: 0, durationS: 0.6, gain: 0.35 },
        { wave: 'sine', fromHz: 659.25, toHz: 659.25, startS: 0.3, durationS: 0.9, gain: 0.35 },
      ];
    case 'alert':
      return [0, 0.22, 0.44].map((startS) => ({ wave: 'square' as const, fromHz: 1046.5, toHz: 1046.5, startS, durationS: 0.14, gain: 0.12 }));
    case 'siren':
      return [0, 0.45, 0.9, 1.35].map((startS, i) => ({
        wave: 'sawtooth' as const, fromHz: i % 2 === 0 ? 600 : 1200, toHz: i % 2 === 0 ? 1200 : 600, startS, durationS: 0.45, gain: 0.1,
      }));
  }
}

/** How long a sound lasts, in seconds. */
export function soundLength(tones: readonly Tone[]): number {
  return tones.reduce((end, t) => Math.max(end, t.startS + t.durationS), 0);
}
