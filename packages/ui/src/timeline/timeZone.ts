/*
 * A time zone as the timeline needs it: the offset of local wall time from UTC at an instant.
 * Injected rather than read from the machine so labels are the same in tests on any host and
 * an operator can view a site in the site's own zone.
 */
export interface TimeZone {
  /** Local wall time minus UTC, in ms, at the given instant (e.g. +3_600_000 for CET). */
  offsetMs(utcMs: number): number;
}

export const utcTimeZone: TimeZone = { offsetMs: () => 0 };

/** An IANA zone through Intl, which browsers, Electron and Node all carry with their tz data. */
export function intlTimeZone(timeZone: string): TimeZone {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
  });
  return {
    offsetMs(utcMs) {
      const parts: Record<string, number> = {};
      for (const p of format.formatToParts(utcMs)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
      const wall = Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
      // Intl has whole seconds; the instant's own milliseconds are not part of the offset.
      return wall - (utcMs - (((utcMs % 1000) + 1000) % 1000));
    },
  };
}

const HALF_DAY_MS = 12 * 3600_000;

/**
 * The instant at which local wall time reads `wallMs`. Around a transition a wall time may exist
 * twice (fall back: the earlier instant is taken, as it comes first on the timeline) or not at
 * all (spring forward: the instant the same distance past the gap, as a clock jumping forward reads).
 */
export function wallToUtc(zone: TimeZone, wallMs: number): number {
  const near = wallMs - zone.offsetMs(wallMs);
  // Transitions are at least months apart, so half a day each side sees both offsets.
  const before = wallMs - zone.offsetMs(near - HALF_DAY_MS);
  const after = wallMs - zone.offsetMs(near + HALF_DAY_MS);
  const reads = (utc: number) => utc + zone.offsetMs(utc) === wallMs;
  const valid = [before, after].filter(reads);
  return valid.length > 0 ? Math.min(...valid) : before;
}
