import { describe, expect, it } from 'vitest';
import { LoopPacer } from './loopPacer';

/** A pacer on a fake clock: sleeps advance it, deferred rests run when the test says. */
function fakePacer(quantumMs: number) {
  let now = 0;
  const sleeps: number[] = [];
  const deferred: (() => void)[] = [];
  const pacer = new LoopPacer(quantumMs, {
    now: () => now,
    sleep: (ms) => {
      sleeps.push(ms);
      now += ms;
    },
    afterIo: (fn) => deferred.push(fn),
  });
  return {
    pacer,
    sleeps,
    advance: (ms: number) => (now += ms),
    /** The end of a loop iteration: runs the rests scheduled in it. */
    endIteration: () => deferred.splice(0).forEach((fn) => fn()),
    pendingRests: () => deferred.length,
  };
}

describe('LoopPacer', () => {
  /** A busy loop: the last burst began 1 ms ago. */
  const busy = (p: ReturnType<typeof fakePacer>) => {
    p.pacer.touch();
    p.endIteration();
    p.sleeps.length = 0;
    p.advance(1);
  };

  it('rests once per burst, until a quantum after the burst began', () => {
    const p = fakePacer(10);
    busy(p);
    p.pacer.touch();
    p.advance(2); // reading and handling the data
    p.pacer.touch(); // another socket in the same iteration
    p.pacer.touch();
    expect(p.pendingRests()).toBe(1);
    p.endIteration();
    expect(p.sleeps).toEqual([8]);
  });

  it.each([
    { burstMs: 12, when: 'the burst itself took a quantum or more' },
    { burstMs: 9.5, when: 'the rest would be under a millisecond' },
  ])('does not rest when $when', ({ burstMs }) => {
    const p = fakePacer(10);
    busy(p);
    p.pacer.touch();
    p.advance(burstMs);
    p.endIteration();
    expect(p.sleeps).toEqual([]);
  });

  it('never rests a loop that wakes for reads less often than once a quantum', () => {
    const p = fakePacer(10);
    for (let i = 0; i < 5; i++) {
      p.pacer.touch();
      p.advance(1);
      p.endIteration();
      p.advance(39); // one camera at 25 fps: the loop sleeps in its poll between frames
    }
    expect(p.sleeps).toEqual([]);
  });

  it('rests a loop whose bursts come closer than a quantum, one rest per burst', () => {
    const p = fakePacer(10);
    p.pacer.touch();
    p.advance(1);
    p.endIteration(); // first burst: nothing to compare with
    p.advance(1);
    for (let i = 0; i < 3; i++) {
      p.pacer.touch();
      p.advance(2);
      p.endIteration();
    }
    expect(p.sleeps).toEqual([8, 8, 8]);
  });
});
