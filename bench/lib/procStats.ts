import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { loadavg } from 'node:os';

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ, almost always 100). */
const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

interface StatFields {
  ppid: number;
  /** utime + stime of the process itself, seconds */
  self: number;
  /** cutime + cstime: children it has already reaped, seconds */
  reaped: number;
}

function readStat(pid: number): StatFields | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name is in parentheses and may contain spaces: split after the last ')'.
  const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // f[0] is field 3 (state): utime is field 14, so f[11]; stime f[12]; cutime f[13]; cstime f[14].
  return {
    ppid: Number(f[1]),
    self: (Number(f[11]) + Number(f[12])) / CLOCK_TICKS,
    reaped: (Number(f[13]) + Number(f[14])) / CLOCK_TICKS,
  };
}

/** Live descendants of pid (children, grandchildren...), from one pass over /proc. */
function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const s = readStat(Number(name));
    if (!s) continue;
    const list = children.get(s.ppid) ?? [];
    list.push(Number(name));
    children.set(s.ppid, list);
  }
  const out: number[] = [];
  const queue = [...(children.get(pid) ?? [])];
  while (queue.length) {
    const p = queue.shift()!;
    out.push(p);
    queue.push(...(children.get(p) ?? []));
  }
  return out;
}

/**
 * CPU seconds (user + system) used so far by each process and everything it started:
 * its own time, its reaped children's, and its live descendants'.
 */
export function cpuSeconds(pids: number[]): number {
  let total = 0;
  for (const pid of pids) {
    const s = readStat(pid);
    if (!s) continue;
    total += s.self + s.reaped;
    for (const d of descendants(pid)) total += readStat(d)?.self ?? 0;
  }
  return total;
}

/** Resident memory (VmRSS) of the processes, bytes; processes that are gone count 0. */
export function rssBytes(pids: number[]): number {
  let total = 0;
  for (const pid of pids) {
    try {
      const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) total += Number(m[1]) * 1024;
    } catch {
      // exited
    }
  }
  return total;
}

/**
 * Proportional set size (Pss from smaps_rollup), bytes: shared pages (the same libraries in
 * many ffmpeg processes) are divided among the processes that map them, so sums are fair.
 */
export function pssBytes(pids: number[]): number {
  let total = 0;
  for (const pid of pids) {
    try {
      const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
      if (m) total += Number(m[1]) * 1024;
    } catch {
      // exited
    }
  }
  return total;
}

/** Whole-machine CPU time counters from /proc/stat, for telling how loaded the machine was. */
function machineTicks(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
  const v = line.trim().split(/\s+/).slice(1).map(Number);
  const idle = (v[3] ?? 0) + (v[4] ?? 0);
  const total = v.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

/** Starts watching the whole machine; the returned function says how busy it was since (0..1) and the load average. */
export function machineMeter(): () => { machineBusy: number; loadAverage: number } {
  const m0 = machineTicks();
  return () => {
    const m1 = machineTicks();
    return { machineBusy: (m1.busy - m0.busy) / Math.max(1, m1.total - m0.total), loadAverage: loadavg()[0]! };
  };
}

export interface MeasureResult {
  seconds: number;
  cpuSeconds: number;
  rssMeanBytes: number;
  rssMaxBytes: number;
  pssMeanBytes: number;
  /** Share of all cores busy during the window (every process on the machine), 0..1. */
  machineBusy: number;
  loadAverage: number;
}

/**
 * Measures a set of processes over a window: CPU seconds between its start and end, and the
 * summed RSS sampled every second. `pids` is read at every sample so processes may be listed
 * lazily.
 */
export async function measureWindow(pids: () => number[], seconds: number, signal?: AbortSignal): Promise<MeasureResult> {
  const samples: number[] = [];
  const pss: number[] = [];
  const m0 = machineTicks();
  const cpu0 = cpuSeconds(pids());
  const t0 = performance.now();
  samples.push(rssBytes(pids()));
  pss.push(pssBytes(pids()));
  while (performance.now() - t0 < seconds * 1000) {
    await sleep(Math.min(1000, seconds * 1000 - (performance.now() - t0)), signal);
    samples.push(rssBytes(pids()));
    pss.push(pssBytes(pids()));
  }
  const cpu1 = cpuSeconds(pids());
  const elapsed = (performance.now() - t0) / 1000;
  const m1 = machineTicks();
  return {
    seconds: elapsed,
    cpuSeconds: cpu1 - cpu0,
    rssMeanBytes: samples.reduce((a, b) => a + b, 0) / samples.length,
    rssMaxBytes: Math.max(...samples),
    pssMeanBytes: pss.reduce((a, b) => a + b, 0) / pss.length,
    machineBusy: (m1.busy - m0.busy) / Math.max(1, m1.total - m0.total),
    loadAverage: loadavg()[0]!,
  };
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, ms));
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason as Error);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
