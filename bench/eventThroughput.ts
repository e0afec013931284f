/**
 * Event throughput (issue 6): 10,000 events a second into the event server with 1,000 rules,
 * for 10 minutes (60 s with --quick). Each event is a user-defined event; rule i fires on event
 * i, so every event fires one rule, which runs one action and writes its start and its action
 * to the rule log (two rows in config.db per event, as the engine always does). The action is
 * an in-process counter that records the time from when the event was due (its place in the
 * 10,000/s schedule, so a late generator counts against the result) to the action. Targets:
 * p99 ≤ 50 ms, and memory flat: RSS sampled every 10 s from a collected heap, its slope fitted
 * after a warm-up (60 s; 20 s with --quick). Baseline in the same run: the same events and
 * rate with 1 rule (firing on one event in 1,000), which isolates what the 1,000 rules cost.
 * The site's three default rules run in both (no event here fires them).
 */
import { cpuUsage, memoryUsage } from 'node:process';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { BenchContext } from './lib/context';
import { openEventRig } from './lib/eventRig';
import { machineInfo } from './lib/machineInfo';
import { machineMeter } from './lib/procStats';
import { fixed, formatTable, machineNote, mib, tempDir, writeResult } from './lib/report';

const RATE = 10_000;
const DEFINITIONS = 1000;
const TARGET_P99_MS = 50;
const SAMPLE_EVERY_MS = 10_000;
/**
 * A slope within this (MiB per minute, fitted after the warm-up) reads as flat. Keeping even
 * 100 bytes per event would grow 57 MiB a minute at this rate; the garbage collector's own
 * swings are a few MiB either way, which over 10 minutes fit to well under this.
 */
const FLAT_MIB_PER_MINUTE = 2;

/** The garbage collector, to start each run from a collected heap (setup leaves garbage that would read as a falling slope). */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** One sampling point; the window figures cover the 10 s before it (absent for the first). */
interface Sample { atS: number; rssMiB: number; heapMiB: number; windowP99Ms?: number; windowMachineBusy?: number }

interface Phase {
  label: string;
  rules: number;
  seconds: number;
  events: number;
  ratePerSecond: number;
  actions: number;
  p50: number;
  p99: number;
  p999: number;
  max: number;
  cpuPercent: number;
  ruleLogRows: number;
  samples: Sample[];
  rssSlopeMiBPerMinute: number;
  heapSlopeMiBPerMinute: number;
}

/** Least-squares slope of y over x (per unit of x). */
function slope(points: [number, number][]): number {
  if (points.length < 2) return Number.NaN;
  const n = points.length;
  const mx = points.reduce((s, p) => s + p[0], 0) / n;
  const my = points.reduce((s, p) => s + p[1], 0) / n;
  const num = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const den = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return den === 0 ? Number.NaN : num / den;
}

async function runPhase(ctx: BenchContext, label: string, rules: number, seconds: number, warmUpSeconds: number): Promise<Phase> {
  const tmp = tempDir(ctx.cleanup, 'events');
  const rig = await openEventRig(tmp.dir, { definitions: DEFINITIONS, rules });
  try {
    collector()();
    const samples: Sample[] = [];
    const start = performance.now();
    let windowMeter = machineMeter();
    const sample = () => {
      const m = memoryUsage();
      const first = samples.length === 0;
      samples.push({
        atS: (performance.now() - start) / 1000, rssMiB: mib(m.rss), heapMiB: mib(m.heapUsed),
        ...(first ? {} : { windowP99Ms: rig.window.percentile(99), windowMachineBusy: windowMeter().machineBusy }),
      });
      rig.window.reset();
      windowMeter = machineMeter();
    };
    sample();
    const sampler = setInterval(sample, SAMPLE_EVERY_MS);
    const cpu0 = cpuUsage();
    let sent = 0;
    const total = RATE * seconds;
    let nextLog = start + 10_000;
    while (sent < total) {
      const now = performance.now();
      // Catch up to the schedule: event k is due at start + k / RATE.
      const due = Math.min(total, Math.floor(((now - start) * RATE) / 1000) + 1);
      for (; sent < due; sent++) rig.raise(sent, start + (sent * 1000) / RATE);
      if (now >= nextLog) {
        ctx.log(`  ${label}: ${Math.round((now - start) / 1000)} s, ${sent} events, p99 so far ${fixed(rig.latency.percentile(99))} ms, RSS ${fixed(samples.at(-1)!.rssMiB, 0)} MiB`);
        nextLog += 10_000;
      }
      await new Promise((r) => setTimeout(r, 1));
    }
    const elapsedS = (performance.now() - start) / 1000;
    const cpu = cpuUsage(cpu0);
    clearInterval(sampler);
    sample();
    const fit = (pick: (s: Sample) => number) => slope(samples.filter((s) => s.atS >= warmUpSeconds - 0.5).map((s) => [s.atS / 60, pick(s)]));
    const l = rig.latency;
    return {
      label, rules, seconds, events: sent, ratePerSecond: sent / elapsedS, actions: l.count,
      p50: l.percentile(50), p99: l.percentile(99), p999: l.percentile(99.9), max: l.max,
      cpuPercent: ((cpu.user + cpu.system) / 1000 / (elapsedS * 1000)) * 100, ruleLogRows: rig.ruleLogRows(), samples,
      rssSlopeMiBPerMinute: fit((s) => s.rssMiB), heapSlopeMiBPerMinute: fit((s) => s.heapMiB),
    };
  } finally {
    await rig.close();
    await tmp.remove();
  }
}

export async function eventThroughput(ctx: BenchContext): Promise<void> {
  const mainSeconds = ctx.quick ? 60 : 600;
  const baselineSeconds = ctx.quick ? 30 : 120;
  // The first samples still hold the setup (1,000 rules created) being handed back to the system
  // (RSS falls by ~70 MiB over the first 20 s): the slope is fitted after them.
  const warmUp = ctx.quick ? 20 : 60;
  const meter = machineMeter();
  ctx.log(`eventThroughput: baseline, 1 rule, ${baselineSeconds} s at ${RATE}/s`);
  const baseline = await runPhase(ctx, 'baseline', 1, baselineSeconds, warmUp);
  ctx.log(`eventThroughput: ${DEFINITIONS} rules, ${mainSeconds} s at ${RATE}/s`);
  const full = await runPhase(ctx, 'rules', DEFINITIONS, mainSeconds, warmUp);
  const load = meter();

  console.log(`\nEvent throughput: ${RATE} user-defined events/s into the event server, ${DEFINITIONS} event kinds, one action per firing ` +
    `(an in-process counter) plus the engine's two rule-log rows; latency from the event's due time to its action ` +
    `(${machineNote(load.machineBusy, load.loadAverage)})\n`);
  console.log(formatTable(
    ['run', 'rules', 's', 'events', 'events/s', 'actions', 'p50 ms', 'p99 ms', 'p99.9 ms', 'max ms', 'CPU %', 'RSS MiB start→end', 'RSS MiB/min', 'heap MiB/min'],
    [baseline, full].map((p) => [
      p.label, p.rules, p.seconds, p.events, fixed(p.ratePerSecond, 0), p.actions, fixed(p.p50), fixed(p.p99), fixed(p.p999), fixed(p.max), fixed(p.cpuPercent, 0),
      `${fixed(p.samples[0]!.rssMiB, 0)}→${fixed(p.samples.at(-1)!.rssMiB, 0)}`, fixed(p.rssSlopeMiBPerMinute), fixed(p.heapSlopeMiBPerMinute),
    ]),
  ));
  console.log(`\nRSS every ${SAMPLE_EVERY_MS / 1000} s with ${DEFINITIONS} rules (MiB): ${full.samples.map((s) => fixed(s.rssMiB, 0)).join(' ')}`);
  console.log(`p99 of each ${SAMPLE_EVERY_MS / 1000} s (ms): ${full.samples.slice(1).map((s) => fixed(s.windowP99Ms ?? Number.NaN, 0)).join(' ')}`);
  console.log(`machine busy in each (%): ${full.samples.slice(1).map((s) => fixed((s.windowMachineBusy ?? Number.NaN) * 100, 0)).join(' ')}`);
  const worst = full.samples.slice(1).filter((s) => (s.windowP99Ms ?? 0) > TARGET_P99_MS).length;
  console.log(`${worst} of ${full.samples.length - 1} windows over ${TARGET_P99_MS} ms.`);
  const p99Met = full.p99 <= TARGET_P99_MS;
  const flat = Math.abs(full.rssSlopeMiBPerMinute) <= FLAT_MIB_PER_MINUTE;
  console.log(`${p99Met ? 'Target met' : 'Target MISSED'}: p99 ${fixed(full.p99)} ms (≤ ${TARGET_P99_MS} ms) with ${DEFINITIONS} rules.`);
  console.log(`${flat ? 'Memory flat' : 'Memory NOT flat'}: RSS slope ${fixed(full.rssSlopeMiBPerMinute)} MiB/min from ${warmUp} s to ${mainSeconds} s (flat: within ±${FLAT_MIB_PER_MINUTE}).`);
  ctx.log(`wrote ${writeResult('eventThroughput', {
    date: new Date().toISOString(), quick: ctx.quick, machine: machineInfo(), machineBusy: load.machineBusy, loadAverage: load.loadAverage,
    ratePerSecond: RATE, definitions: DEFINITIONS, targetP99Ms: TARGET_P99_MS, flatMiBPerMinute: FLAT_MIB_PER_MINUTE, warmUpSeconds: warmUp, p99Met, flat, baseline, full,
  })}`);
}
