/**
 * Alarm list (issue 6): listAlarms over HTTP on a running `vms site` whose alarm database holds
 * 100,000 alarms, against the same queries on 1,000 alarms earlier in the same run. Queries: the
 * first page as the administrator sees it (every alarm, newest first), a filtered page (New or
 * In progress, priority 1–2, by priority), the operator's first page (the 5 of 20 definitions
 * shown to their role) and a text search. Target: ≤ 100 ms (p95) for the first page and filter.
 */
import path from 'node:path';
import type { AlarmListBody } from '../packages/vms-core/src/api/common/alarmSchemas';
import type { BenchContext } from './lib/context';
import { fillAlarms } from './lib/alarmFill';
import type { FillDefinition } from './lib/alarmFill';
import { machineInfo } from './lib/machineInfo';
import { machineMeter } from './lib/procStats';
import { fixed, formatTable, machineNote, percentile, tempDir, writeResult } from './lib/report';
import { request } from './lib/siteApi';
import { ADMIN_PASSWORD, startSite } from './lib/siteProcess';

const TARGET_MS = 100;
const DEFINITIONS = 20;
const SHOWN_TO_OPERATOR = 5;
const DAYS = 90;
/** Requests before timing a query: the site's JIT and SQLite's page cache warm up on the first few. */
const WARM_UPS = 5;

interface Query {
  label: string;
  who: 'admin' | 'operator';
  query: string;
  /** Counted against the target. */
  target: boolean;
}

const QUERIES: Query[] = [
  { label: 'first page (administrator)', who: 'admin', query: 'limit=50', target: true },
  { label: 'filter: New+In progress, priority 1–2, by priority', who: 'admin', query: 'state=new&state=inProgress&priority=1&priority=2&sort=priority&limit=50', target: true },
  { label: 'first page (operator: 5 of 20 definitions)', who: 'operator', query: 'limit=50', target: true },
  { label: 'text search "camera 3"', who: 'admin', query: 'text=camera%203&limit=50', target: false },
];

interface Timing {
  label: string;
  alarms: number;
  total: number;
  runs: number;
  p50: number;
  p95: number;
  max: number;
  target: boolean;
}

export async function alarmList(ctx: BenchContext): Promise<void> {
  const runs = ctx.quick ? 10 : 30;
  const full = ctx.quick ? 20_000 : 100_000;
  const baseline = 1_000;
  const tmp = tempDir(ctx.cleanup, 'alarms');
  const site = await startSite(ctx.cleanup, tmp.dir);
  try {
    const admin = (await request<{ token: string }>(site.url, 'POST', '/api/login', undefined, { username: 'admin', password: ADMIN_PASSWORD })).token;
    const api = <T>(method: string, p: string, body?: unknown, token = admin) => request<T>(site.url, method, p, token, body);
    const guards = await api<{ id: string }>('POST', '/api/roles', { name: 'Guards' });
    const operatorRole = await api<{ id: string }>('POST', '/api/roles', { name: 'Bench operators' });
    const operatorUser = await api<{ id: string }>('POST', '/api/users', { username: 'operator', password: 'operator-password', roleIds: [operatorRole.id] });
    const operator = (await request<{ token: string }>(site.url, 'POST', '/api/login', undefined, { username: 'operator', password: 'operator-password' })).token;
    const definitions: FillDefinition[] = [];
    for (let i = 0; i < DEFINITIONS; i++) {
      const event = await api<{ id: string }>('POST', '/api/user-defined-events', { name: `Bench event ${i}` });
      const category = ['Intrusion', 'Technical', 'Safety', 'Access'][i % 4]!;
      const def = await api<{ id: string; name: string }>('POST', '/api/alarm-definitions', {
        name: `Bench alarm ${i}`, trigger: { type: 'userDefined', definitionId: event.id }, category,
        roleIds: [i < SHOWN_TO_OPERATOR ? operatorRole.id : guards.id],
      });
      definitions.push({ id: def.id, name: def.name, category });
    }
    const dbPath = path.join(tmp.dir, 'alarms.db');
    const now = Date.now();
    const assignees = ['admin-id', operatorUser.id];

    const timings: Timing[] = [];
    const measure = async (alarms: number) => {
      for (const q of QUERIES) {
        const url = `/api/alarms?${q.query}`;
        const token = q.who === 'admin' ? admin : operator;
        for (let i = 0; i < WARM_UPS; i++) await api<AlarmListBody>('GET', url, undefined, token);
        const ms: number[] = [];
        let total = 0;
        for (let i = 0; i < runs; i++) {
          const t = performance.now();
          total = (await api<AlarmListBody>('GET', url, undefined, token)).total;
          ms.push(performance.now() - t);
        }
        ms.sort((a, b) => a - b);
        timings.push({ label: q.label, alarms, total, runs, p50: percentile(ms, 50), p95: percentile(ms, 95), max: ms.at(-1)!, target: q.target });
        ctx.log(`  ${alarms} alarms, ${q.label}: p95 ${fixed(percentile(ms, 95))} ms`);
      }
    };

    const meter = machineMeter();
    const fill1 = fillAlarms(dbPath, definitions, baseline, now, DAYS, assignees);
    ctx.log(`alarmList: ${baseline} alarms written in ${fixed(fill1 / 1000, 1)} s`);
    await measure(baseline);
    const fill2 = fillAlarms(dbPath, definitions, full - baseline, now, DAYS, assignees);
    ctx.log(`alarmList: ${full - baseline} more alarms written in ${fixed(fill2 / 1000, 1)} s`);
    await measure(full);
    const load = meter();

    const big = timings.filter((t) => t.alarms === full && t.target);
    const worst = Math.max(...big.map((t) => t.p95));
    console.log(`\nAlarm list over HTTP (listAlarms, 50 a page, total counted; ${runs} runs each after ${WARM_UPS} warm-ups; ` +
      `${DEFINITIONS} definitions over ${DAYS} days; ${machineNote(load.machineBusy, load.loadAverage)})\n`);
    console.log(formatTable(['query', 'alarms', 'matching', 'p50 ms', 'p95 ms', 'max ms'],
      timings.map((t) => [t.label, t.alarms, t.total, fixed(t.p50), fixed(t.p95), fixed(t.max)])));
    console.log(worst <= TARGET_MS ? `\nTarget met: p95 ≤ ${TARGET_MS} ms (worst ${fixed(worst)} ms at ${full} alarms).`
      : `\nTarget MISSED: p95 ${fixed(worst)} ms > ${TARGET_MS} ms at ${full} alarms.`);
    ctx.log(`wrote ${writeResult('alarmList', {
      date: new Date().toISOString(), quick: ctx.quick, machine: machineInfo(), machineBusy: load.machineBusy, loadAverage: load.loadAverage,
      alarms: { baseline, full }, definitions: DEFINITIONS, shownToOperator: SHOWN_TO_OPERATOR, days: DAYS, runs, warmUps: WARM_UPS,
      fillMs: { baseline: fill1, rest: fill2 }, targetMs: TARGET_MS, timings,
    })}`);
  } finally {
    await site.stop();
    await tmp.remove();
  }
}
