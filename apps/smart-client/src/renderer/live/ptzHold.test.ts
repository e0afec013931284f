import { describe, expect, it } from 'vitest';
import { PtzHold } from './ptzHold';

function setup(failMove = false) {
  const log: string[] = [];
  const errors: unknown[] = [];
  let tick: (() => void) | undefined;
  let cleared = 0;
  const hold = new PtzHold({
    move: async (v) => {
      log.push(`move ${v.pan},${v.tilt},${v.zoom} ${v.timeoutMs}`);
      if (failMove) throw new Error('403');
    },
    stop: async () => {
      log.push('stop');
    },
    onError: (e) => errors.push(e),
    moveTimeoutMs: 1000,
    setInterval: (fn, ms) => {
      log.push(`every ${ms}`);
      tick = fn;
      return 1;
    },
    clearInterval: () => {
      cleared++;
      tick = undefined;
    },
  });
  return { hold, log, errors, tick: () => tick?.(), cleared: () => cleared };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('PtzHold', () => {
  it('moves at once with a device timeout, repeats while held and stops on release', async () => {
    const t = setup();
    t.hold.press({ pan: 1, tilt: 0, zoom: 0 });
    t.tick();
    t.tick();
    expect(t.hold.active).toBe(true);
    t.hold.release();
    t.hold.release();
    await settle();
    expect(t.log).toEqual(['move 1,0,0 1000', 'every 500', 'move 1,0,0 1000', 'move 1,0,0 1000', 'stop']);
    expect(t.hold.active).toBe(false);
    expect(t.cleared()).toBe(1);
  });

  it('changes direction without a stop in between', () => {
    const t = setup();
    t.hold.press({ pan: 1, tilt: 0, zoom: 0 });
    t.hold.press({ pan: 0, tilt: -1, zoom: 0 });
    expect(t.log).toEqual(['move 1,0,0 1000', 'every 500', 'move 0,-1,0 1000', 'every 500']);
  });

  it('stops repeating after a refused move and reports it once', async () => {
    const t = setup(true);
    t.hold.press({ pan: 0, tilt: 0, zoom: 1 });
    await settle();
    expect(t.errors).toHaveLength(1);
    expect(t.hold.active).toBe(false);
    t.tick();
    t.hold.release();
    expect(t.log).toEqual(['move 0,0,1 1000', 'every 500']);
  });

  it('does nothing on release when nothing moves', () => {
    const t = setup();
    t.hold.dispose();
    expect(t.log).toEqual([]);
  });
});
