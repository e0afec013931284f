import { useEffect, useState } from 'react';

/**
 * The current time, re-read every `intervalMs` while `active`: the tiles' clocks, countdowns.
 * Aligned to whole intervals so clocks on different tiles change together.
 */
export function useNow(intervalMs = 1000, active = true): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      const t = Date.now();
      setNow(t);
      timer = setTimeout(tick, intervalMs - (t % intervalMs));
    };
    tick();
    return () => clearTimeout(timer);
  }, [intervalMs, active]);
  return now;
}
