import { describe, expect, it } from 'vitest';
import { Emitter } from './event';
import { ManualClock } from './clock';

describe('Emitter', () => {
  it('delivers to listeners until they dispose', () => {
    const e = new Emitter<number>();
    const got: number[] = [];
    const sub = e.event((v) => got.push(v));
    e.fire(1);
    sub.dispose();
    e.fire(2);
    expect(got).toEqual([1]);
  });
});

describe('ManualClock', () => {
  it('fires timers in order as time advances', () => {
    const c = new ManualClock(1000);
    const order: string[] = [];
    c.setTimeout(() => order.push('b'), 20);
    c.setTimeout(() => order.push('a'), 10);
    c.advance(15);
    expect(order).toEqual(['a']);
    expect(c.now()).toBe(1015);
    c.advance(10);
    expect(order).toEqual(['a', 'b']);
  });
});
