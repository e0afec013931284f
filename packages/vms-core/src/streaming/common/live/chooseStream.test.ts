import { describe, expect, it } from 'vitest';
import { chooseStream } from './chooseStream';

const s = (key: string, width?: number, height?: number) => ({ key, ...(width ? { width } : {}), ...(height ? { height } : {}) });
const main = s('main', 1920, 1080);
const mid = s('mid', 1280, 720);
const sub = s('sub', 640, 360);
const streams = [main, sub, mid];

describe('chooseStream', () => {
  it('quality: the smallest stream at least as large as the view', () => {
    expect(chooseStream(streams, { width: 600, height: 300 }, 'quality')).toBe(sub);
    expect(chooseStream(streams, { width: 640, height: 360 }, 'quality')).toBe(sub);
    expect(chooseStream(streams, { width: 960, height: 540 }, 'quality')).toBe(mid);
    expect(chooseStream(streams, { width: 1920, height: 1080 }, 'quality')).toBe(main);
  });

  it('quality: the largest when none is large enough', () => {
    expect(chooseStream(streams, { width: 3840, height: 2160 }, 'quality')).toBe(main);
  });

  it('quality: both sides must fit, not just the area', () => {
    const wide = s('wide', 1920, 200);
    expect(chooseStream([wide, mid], { width: 800, height: 600 }, 'quality')).toBe(mid);
  });

  it('performance: halves each side of the request first', () => {
    expect(chooseStream(streams, { width: 1920, height: 1080 }, 'performance')).toBe(mid);
    expect(chooseStream(streams, { width: 1280, height: 720 }, 'performance')).toBe(sub);
    expect(chooseStream(streams, { width: 3840, height: 2160 }, 'performance')).toBe(main);
  });

  it('lowBandwidth: always the smallest', () => {
    expect(chooseStream(streams, { width: 3840, height: 2160 }, 'lowBandwidth')).toBe(sub);
  });

  it('zoomed tiles get the largest stream in any mode', () => {
    expect(chooseStream(streams, { width: 320, height: 180 }, 'lowBandwidth', true)).toBe(main);
    expect(chooseStream(streams, { width: 320, height: 180 }, 'quality', true)).toBe(main);
  });

  it('streams of unknown size count as the largest', () => {
    const unknown = s('unknown');
    expect(chooseStream([unknown, sub], { width: 1920, height: 1080 }, 'quality')).toBe(unknown);
    expect(chooseStream([unknown, sub], { width: 100, height: 100 }, 'lowBandwidth')).toBe(sub);
  });

  it('undefined only for no streams', () => {
    expect(chooseStream([], { width: 1, height: 1 }, 'quality')).toBeUndefined();
  });
});
