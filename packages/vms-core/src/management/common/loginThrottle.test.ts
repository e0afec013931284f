import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../base/common/clock';
import { LoginThrottle } from './loginThrottle';

const policy = { freeFailures: 2, baseDelayMs: 1000, maxFailures: 5, lockMs: 300_000, forgetMs: 900_000, resetOnSuccess: true };

function fail(t: LoginThrottle, clock: ManualClock, key = 'alice'): void {
  expect(t.begin(key, clock.now())).toEqual({ allowed: true });
  t.finish(key, false, clock.now());
}

describe('LoginThrottle', () => {
  it('allows a few failures, then asks for doubling waits, then locks', () => {
    const clock = new ManualClock();
    const t = new LoginThrottle(policy);
    fail(t, clock);
    fail(t, clock);
    expect(t.begin('alice', clock.now())).toEqual({ allowed: false, reason: 'tooSoon', retryAfterMs: 1000 });
    clock.advance(1000);
    fail(t, clock);
    expect(t.begin('alice', clock.now() + 1999)).toMatchObject({ allowed: false, reason: 'tooSoon', retryAfterMs: 1 });
    clock.advance(2000);
    fail(t, clock);
    clock.advance(4000);
    fail(t, clock);
    expect(t.begin('alice', clock.now())).toEqual({ allowed: false, reason: 'lockedOut', retryAfterMs: 300_000 });
    expect(t.lockedUntil('alice', clock.now())).toBe(clock.now() + 300_000);
    clock.advance(299_999);
    expect(t.begin('alice', clock.now())).toMatchObject({ allowed: false, reason: 'lockedOut', retryAfterMs: 1 });
  });

  it('forgets failures and the lock when cleared, for that key only', () => {
    const clock = new ManualClock();
    const t = new LoginThrottle(policy);
    for (let i = 0; i < 5; i++) {
      fail(t, clock);
      fail(t, clock, 'bob');
      clock.advance(8000);
    }
    expect(t.lockedUntil('alice', clock.now())).toBeDefined();
    t.clear('alice');
    expect(t.lockedUntil('alice', clock.now())).toBeUndefined();
    // A fresh count: the free failures apply again, not the one-failure relock.
    fail(t, clock);
    expect(t.begin('alice', clock.now())).toEqual({ allowed: true });
    expect(t.begin('bob', clock.now())).toMatchObject({ allowed: false, reason: 'lockedOut' });
  });

  it('locks again at the first failure after a lock ends', () => {
    const clock = new ManualClock();
    const t = new LoginThrottle({ ...policy, freeFailures: 5 });
    for (let i = 0; i < 5; i++) fail(t, clock);
    clock.advance(300_000);
    fail(t, clock);
    expect(t.begin('alice', clock.now())).toMatchObject({ allowed: false, reason: 'lockedOut' });
  });

  it('forgets failures after a success or a quiet period', () => {
    const clock = new ManualClock();
    const t = new LoginThrottle(policy);
    fail(t, clock);
    fail(t, clock);
    clock.advance(1000);
    expect(t.begin('alice', clock.now()).allowed).toBe(true);
    t.finish('alice', true, clock.now());
    fail(t, clock);
    fail(t, clock);
    clock.advance(900_000);
    expect(t.begin('alice', clock.now())).toEqual({ allowed: true });
  });

  it('keeps keys apart', () => {
    const clock = new ManualClock();
    const t = new LoginThrottle(policy);
    for (let i = 0; i < 2; i++) fail(t, clock, 'alice');
    expect(t.begin('bob', clock.now())).toEqual({ allowed: true });
  });

  it('counts attempts still in flight, so parallel guesses cannot pass the limit', () => {
    const clock = new ManualClock();
    const t = new LoginThrottle(policy);
    expect(t.begin('alice', clock.now()).allowed).toBe(true);
    expect(t.begin('alice', clock.now()).allowed).toBe(true);
    expect(t.begin('alice', clock.now())).toMatchObject({ allowed: false, reason: 'tooSoon' });
    t.cancel('alice');
    t.finish('alice', false, clock.now());
    expect(t.begin('alice', clock.now())).toEqual({ allowed: true });
  });

  it('keeps counting failures across successes when resetOnSuccess is off (per source address)', () => {
    const run = (resetOnSuccess: boolean) => {
      const clock = new ManualClock();
      const t = new LoginThrottle({ ...policy, resetOnSuccess });
      fail(t, clock, 'addr');
      fail(t, clock, 'addr');
      clock.advance(10_000);
      expect(t.begin('addr', clock.now())).toEqual({ allowed: true });
      t.finish('addr', true, clock.now()); // a valid account signs in between the guesses
      for (let i = 0; i < 3; i++) {
        clock.advance(10_000);
        fail(t, clock, 'addr');
      }
      clock.advance(10_000);
      return t.begin('addr', clock.now());
    };
    expect(run(false)).toMatchObject({ allowed: false, reason: 'lockedOut' });
    expect(run(true)).toEqual({ allowed: true });
  });
});
