import { setTimeout as sleepTimeout } from 'node:timers/promises';
import type { Clock } from '../common/clock';

export const systemClock: Clock = {
  now: () => Date.now(),
  monotonic: () => performance.now(),
  setTimeout(fn, ms) {
    const t = setTimeout(fn, ms);
    return { cancel: () => clearTimeout(t) };
  },
  sleep: (ms, signal) => sleepTimeout(ms, undefined, { signal }),
};
