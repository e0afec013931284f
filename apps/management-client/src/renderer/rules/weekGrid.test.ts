import { describe, expect, it } from 'vitest';
import {
  cellState, describeDays, emptyWeek, formatClock, paintWeek, parseClock, weekHours, weekToWindows, windowsToWeek,
} from './weekGrid';

describe('clock text', () => {
  it('reads HH:MM from 00:00 to 24:00 and nothing else', () => {
    expect(parseClock('08:30')).toBe(510);
    expect(parseClock('24:00')).toBe(1440);
    expect(parseClock('24:01')).toBeUndefined();
    expect(parseClock('8:30')).toBeUndefined();
    expect(parseClock('12:60')).toBeUndefined();
    expect(formatClock(1440)).toBe('24:00');
    expect(formatClock(65)).toBe('01:05');
  });
});

describe('windows to week and back', () => {
  it('puts the morning part of a night window on the next day, Saturday on Sunday', () => {
    const week = windowsToWeek([{ days: [5, 6], from: '22:00', to: '06:00' }]);
    expect(week[5]).toEqual([[1320, 1440]]);
    expect(week[6]).toEqual([[0, 360], [1320, 1440]]);
    expect(week[0]).toEqual([[0, 360]]);
    expect(week[1]).toEqual([]);
  });

  it('merges overlapping windows in the picture and skips ones that do not parse', () => {
    const week = windowsToWeek([
      { days: [1], from: '08:00', to: '12:00' },
      { days: [1], from: '11:00', to: '13:00' },
      { days: [2], from: '8', to: '12:00' },
      { days: [3], from: '10:00', to: '10:00' },
    ]);
    expect(week[1]).toEqual([[480, 780]]);
    expect(week[2]).toEqual([]);
    expect(week[3]).toEqual([]);
  });

  it('groups days with the same hours into one window, in working-week order', () => {
    const windows = [{ days: [0, 1, 2, 3, 4, 5, 6], from: '00:00', to: '24:00' }];
    expect(weekToWindows(windowsToWeek(windows))).toEqual([{ days: [1, 2, 3, 4, 5, 6, 0], from: '00:00', to: '24:00' }]);
    const office = windowsToWeek([
      { days: [1, 2, 3, 4, 5], from: '08:00', to: '12:00' },
      { days: [1, 2, 3, 4, 5], from: '13:00', to: '17:30' },
      { days: [6], from: '09:00', to: '12:00' },
    ]);
    expect(weekToWindows(office)).toEqual([
      { days: [1, 2, 3, 4, 5], from: '08:00', to: '12:00' },
      { days: [1, 2, 3, 4, 5], from: '13:00', to: '17:30' },
      { days: [6], from: '09:00', to: '12:00' },
    ]);
  });

  it('writes a night window as two that cover the same minutes', () => {
    const night = windowsToWeek([{ days: [1], from: '22:00', to: '06:00' }]);
    const windows = weekToWindows(night);
    expect(windows).toEqual([{ days: [1], from: '22:00', to: '24:00' }, { days: [2], from: '00:00', to: '06:00' }]);
    expect(windowsToWeek(windows)).toEqual(night);
  });
});

describe('painting', () => {
  it('switches a rectangle on across days and merges with what is there', () => {
    let week = windowsToWeek([{ days: [1], from: '08:00', to: '10:00' }]);
    week = paintWeek(week, { days: [1, 2], from: 540, to: 720 }, true);
    expect(week[1]).toEqual([[480, 720]]);
    expect(week[2]).toEqual([[540, 720]]);
    expect(week[3]).toEqual([]);
  });

  it('cuts a hole out of a span when switching off', () => {
    const week = paintWeek(windowsToWeek([{ days: [4], from: '08:00', to: '18:00' }]), { days: [4], from: 720, to: 780 }, false);
    expect(week[4]).toEqual([[480, 720], [780, 1080]]);
    expect(weekHours(week)).toBe(9);
  });

  it('tells full, partial and empty cells apart', () => {
    const spans = windowsToWeek([{ days: [1], from: '08:15', to: '09:00' }])[1]!;
    expect(cellState(spans, 480, 510)).toBe('partial');
    expect(cellState(spans, 510, 540)).toBe('on');
    expect(cellState(spans, 540, 570)).toBe('off');
    expect(cellState(emptyWeek()[0]!, 0, 30)).toBe('off');
  });
});

describe('day names', () => {
  it('shortens runs of three or more days', () => {
    expect(describeDays([1, 2, 3, 4, 5])).toBe('Mon–Fri');
    expect(describeDays([6, 0])).toBe('Sat, Sun');
    expect(describeDays([1, 3, 4, 5, 0])).toBe('Mon, Wed–Fri, Sun');
    expect(describeDays([0, 1, 2, 3, 4, 5, 6])).toBe('Every day');
  });
});
