import { describe, expect, it } from 'vitest';
import { isFinalClose, nextState } from './playerState';
import type { PlayerInput, PlayerState } from './playerState';
import { backoff } from './reconnectPolicy';

const fixed = backoff({ initialMs: 100, maxMs: 1_000, jitter: 0 });
const run = (inputs: PlayerInput[], retry = fixed): PlayerState[] => {
  let state: PlayerState = { kind: 'connecting', attempt: 0 };
  return inputs.map((input) => (state = nextState(state, input, retry)));
};
const close = (code: number): PlayerInput => ({ type: 'close', code, reason: `code ${code}` });

describe('player state machine', () => {
  it('connecting → playing → stalled → playing', () => {
    expect(run([{ type: 'media' }, { type: 'stall' }, { type: 'media' }]).map((s) => s.kind)).toEqual(['playing', 'stalled', 'playing']);
  });

  it('a stall before any picture stays connecting (the spinner, not "stalled")', () => {
    expect(run([{ type: 'stall' }])).toEqual([{ kind: 'connecting', attempt: 0 }]);
  });

  it('an abnormal close schedules a retry with growing delays while nothing plays', () => {
    const states = run([close(1006), { type: 'connect' }, close(1006), { type: 'connect' }, close(1006)]);
    expect(states[0]).toMatchObject({ kind: 'closed', code: 1006, retryInMs: 100, attempt: 1 });
    expect(states[1]).toEqual({ kind: 'connecting', attempt: 1 });
    expect(states[2]).toMatchObject({ retryInMs: 200, attempt: 2 });
    expect(states[4]).toMatchObject({ retryInMs: 400, attempt: 3 });
  });

  it('media resets the backoff: losing a running stream retries quickly', () => {
    const states = run([close(1006), { type: 'connect' }, { type: 'media' }, close(1011)]);
    expect(states[3]).toMatchObject({ kind: 'closed', code: 1011, retryInMs: 100, attempt: 1 });
  });

  it.each([4401, 4403, 4404])('close code %i is final: no retry', (code) => {
    const [state] = run([close(code)]);
    expect(state).toEqual({ kind: 'closed', code, reason: `code ${code}` });
    expect(isFinalClose(code)).toBe(true);
  });

  it('4409 (too many transcodes) and 1006 are retried', () => {
    expect(isFinalClose(4409)).toBe(false);
    expect(run([close(4409)])[0]).toMatchObject({ retryInMs: 100 });
  });

  it('a final close is not overwritten by a later close or media', () => {
    const states = run([close(4403), close(1006), { type: 'media' }]);
    expect(states.every((s) => s.kind === 'closed' && s.code === 4403)).toBe(true);
  });

  it('gives up when the policy says so', () => {
    const states = run([close(1006), { type: 'connect' }, close(1006)], backoff({ maxAttempts: 1, jitter: 0 }));
    expect(states[0]).toMatchObject({ retryInMs: 500 });
    expect(states[2]).toEqual({ kind: 'closed', code: 1006, reason: 'code 1006' });
  });

  it('dispose closes with 1000', () => {
    expect(run([{ type: 'media' }, { type: 'dispose' }])[1]).toEqual({ kind: 'closed', code: 1000, reason: 'disposed' });
  });
});

describe('reconnect backoff', () => {
  it('doubles from the initial delay up to the cap', () => {
    const delays = [0, 1, 2, 3, 4, 5, 40].map(fixed);
    expect(delays).toEqual([100, 200, 400, 800, 1_000, 1_000, 1_000]);
  });

  it('jitter only shortens the delay, within its fraction', () => {
    expect(backoff({ initialMs: 1_000, jitter: 0.2 }, () => 0)(0)).toBe(1_000);
    expect(backoff({ initialMs: 1_000, jitter: 0.2 }, () => 0.999)(0)).toBe(800);
  });

  it('the default never gives up', () => {
    expect(backoff()(1_000)).toBeGreaterThan(0);
  });
});
