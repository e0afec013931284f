/**
 * IPv4 address ranges for the hardware scan. Pure, so a client can check a range as it is typed
 * and name the field at fault exactly as the server would.
 */

export const MAX_SCAN_ADDRESSES = 256;

export type RangeResult = { addresses: string[] } | { field: 'start' | 'end'; problem: string };

/** The address as a 32-bit number, or undefined when it is not dotted-quad IPv4. */
export function parseIPv4(s: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s.trim());
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p, i) => p > 255 || (m[i + 1]!.length > 1 && m[i + 1]!.startsWith('0')))) return undefined;
  return ((parts[0]! << 24) >>> 0) + (parts[1]! << 16) + (parts[2]! << 8) + parts[3]!;
}

export function formatIPv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** Why an address may not be scanned: "this network", multicast and reserved space reach no camera. */
function unscannable(n: number): string | undefined {
  const first = n >>> 24;
  if (first === 0) return 'is in 0.0.0.0/8 ("this network")';
  if (first >= 224 && first < 240) return 'is a multicast address';
  if (first >= 240) return 'is reserved or broadcast';
  return undefined;
}

/** Every address from start to end, inclusive; at most MAX_SCAN_ADDRESSES. */
export function expandRange(start: string, end: string): RangeResult {
  const a = parseIPv4(start);
  if (a === undefined) return { field: 'start', problem: `"${start}" is not an IPv4 address` };
  const b = parseIPv4(end);
  if (b === undefined) return { field: 'end', problem: `"${end}" is not an IPv4 address` };
  if (b < a) return { field: 'end', problem: `${end} comes before ${start}` };
  if (b - a + 1 > MAX_SCAN_ADDRESSES) return { field: 'end', problem: `${b - a + 1} addresses; a scan covers at most ${MAX_SCAN_ADDRESSES}` };
  // Checking the ends is enough: the excluded blocks lie at the bottom and the top of the space.
  for (const [field, n] of [['start', a], ['end', b]] as const) {
    const why = unscannable(n);
    if (why) return { field, problem: `${formatIPv4(n)} ${why}` };
  }
  const addresses: string[] = [];
  for (let n = a; n <= b; n++) addresses.push(formatIPv4(n));
  return { addresses };
}
