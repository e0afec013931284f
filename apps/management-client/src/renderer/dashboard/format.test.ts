import { describe, expect, it } from 'vitest';
import { formatBitrate, formatByteRate, formatBytes, formatDuration, formatFps, formatPercent, formatRange, formatRetention, percentOf } from './format';

describe('dashboard formatting', () => {
  it('writes bytes in binary units, one decimal below ten', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(135_276_587_008)).toBe('126 GiB');
    expect(formatBytes(-1)).toBe('—');
    expect(formatByteRate(861_557)).toBe('841 KiB/s');
  });

  it('writes bit rates in decimal units', () => {
    expect(formatBitrate(6_971_435)).toBe('7.0 Mbit/s');
    expect(formatBitrate(512_000)).toBe('512 kbit/s');
    expect(formatBitrate(0)).toBe('0 bit/s');
  });

  it('never divides by nothing and caps shares at 100', () => {
    expect(percentOf(5, 0)).toBe(0);
    expect(percentOf(50, 200)).toBe(25);
    expect(percentOf(300, 200)).toBe(100);
    expect(formatPercent(0.2)).toBe('<1%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(41.6)).toBe('42%');
  });

  it('writes durations with their two largest units', () => {
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(42)).toBe('42 s');
    expect(formatDuration(312)).toBe('5 min 12 s');
    expect(formatDuration(3 * 86400 + 4 * 3600 + 59)).toBe('3 d 4 h');
    expect(formatDuration(86400 + 30)).toBe('1 d');
    expect(formatFps(25.65)).toBe('26');
    expect(formatFps(7.46)).toBe('7.5');
  });

  it('writes whole days as days', () => {
    expect(formatRetention(168)).toBe('7 days');
    expect(formatRetention(24)).toBe('1 day');
    expect(formatRetention(36)).toBe('36 hours');
    expect(formatRetention(0.5)).toBe('0.5 hours');
  });

  it('writes a range within one day with its date once', () => {
    const from = '2026-03-04T10:00:00';
    const sameDay = formatRange(from, '2026-03-04T10:05:00');
    expect(sameDay.split(new Date(from).toLocaleDateString()).length - 1).toBe(1);
    expect(sameDay).toContain('–');
    const twoDays = formatRange(from, '2026-03-06T10:05:00');
    expect(twoDays).toContain(new Date('2026-03-06T10:05:00').toLocaleDateString());
    expect(formatRange('nonsense', from)).toBe('—');
  });
});
