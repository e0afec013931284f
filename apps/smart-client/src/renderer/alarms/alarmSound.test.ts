import { describe, expect, it } from 'vitest';
import { SOUND_GAP_MS, shouldPlay, soundLength, tonePlan } from './alarmSound';

describe('alarm sound choice', () => {
  it('plays a new alarm\'s sound unless muted or "none"', () => {
    expect(shouldPlay('chime', false, null, 0)).toBe(true);
    expect(shouldPlay('chime', true, null, 0)).toBe(false);
    expect(shouldPlay('none', false, null, 0)).toBe(false);
  });

  it('plays a burst once, but lets a more urgent sound interrupt', () => {
    const last = { sound: 'alert' as const, atMs: 1000 };
    expect(shouldPlay('alert', false, last, 1000 + SOUND_GAP_MS - 1)).toBe(false);
    expect(shouldPlay('chime', false, last, 1500)).toBe(false);
    expect(shouldPlay('siren', false, last, 1500)).toBe(true);
    expect(shouldPlay('chime', false, last, 1000 + SOUND_GAP_MS)).toBe(true);
  });
});

describe('alarm sounds', () => {
  it('draws each sound from oscillators within audible, safe levels', () => {
    for (const sound of ['chime', 'alert', 'siren'] as const) {
      const tones = tonePlan(sound);
      expect(tones.length, sound).toBeGreaterThan(0);
      for (const t of tones) {
        expect(t.fromHz).toBeGreaterThanOrEqual(200);
        expect(t.toHz).toBeLessThanOrEqual(2000);
        expect(t.gain).toBeGreaterThan(0);
        expect(t.gain).toBeLessThanOrEqual(0.4);
      }
    }
    expect(tonePlan('none')).toEqual([]);
  });

  it('tells the sounds apart by what they do: two notes, three beeps, a sweep', () => {
    expect(tonePlan('chime').map((t) => t.fromHz)).toEqual([880, 659.25]);
    expect(tonePlan('alert').map((t) => t.startS)).toEqual([0, 0.22, 0.44]);
    expect(tonePlan('siren').every((t) => t.fromHz !== t.toHz)).toBe(true);
    expect(soundLength(tonePlan('siren'))).toBeCloseTo(1.8);
    expect(soundLength([])).toBe(0);
  });
});
