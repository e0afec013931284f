/**
 * Crash loss: how much video a `kill -9` of a recording site loses. Four cameras record; 20
 * times the site is killed at a random moment, restarted (start-up recovery seals the open
 * recordings), stopped, checked with `vms check`, and started again. The loss of a camera is
 * the kill time minus the end of its last recording that started before the kill.
 */
import { randomInt } from 'node:crypto';
import { MediaDb } from '../packages/vms-core/src/media-db/node/mediaDb';
import { siteLayout } from '../packages/vms-core/src/site/node/site';
import { startCameraFarm } from './lib/cameraFarm';
import type { BenchContext } from './lib/context';
import { sleep } from './lib/procStats';
import { fixed, formatTable, percentile, tempDir, writeResult } from './lib/report';
import { SiteApi } from './lib/siteApi';
import { ADMIN_PASSWORD, runCheck, startSite } from './lib/siteProcess';
import type { SiteProcess } from './lib/siteProcess';

const CAMERAS = 4;
const MIN_WAIT_MS = 3_000;
const MAX_WAIT_MS = 15_000;

interface Round {
  round: number;
  waitMs: number;
  killedAt: string;
  /** Per camera: kill time − end of its last recording started before the kill, ms. */
  lossMs: number[];
  recovery: string;
  checkExitCode: number | null;
  checkOutput: string;
}

export async function crashLoss(ctx: BenchContext): Promise<void> {
  const rounds = ctx.quick ? 3 : 20;
  const farm = await startCameraFarm(ctx.cleanup, CAMERAS);
  const data = tempDir(ctx.cleanup, 'crash');
  const mediaDbPath = siteLayout(data.dir).mediaDb;

  let site = await startSite(ctx.cleanup, data.dir);
  let api = await SiteApi.login(site.url, 'admin', ADMIN_PASSWORD);
  const ids: string[] = [];
  for (const [i, url] of farm.urls.entries()) ids.push(...(await api.addRtspCamera(url, `crash ${i + 1}`)));
  await api.waitRecording(ids, 60_000);

  const results: Round[] = [];
  try {
    for (let round = 1; round <= rounds; round++) {
      const waitMs = randomInt(MIN_WAIT_MS, MAX_WAIT_MS + 1);
      await sleep(waitMs);
      const killedAt = await site.kill9();

      // Start-up recovery seals what the killed process left open; then stop cleanly so the
      // index can be read and checked with no writer running.
      const recovering: SiteProcess = await startSite(ctx.cleanup, data.dir);
      const recovery = /recovered after an unclean stop: [^\n]*/.exec(recovering.output())?.[0] ?? 'no recovery reported';
      await recovering.stop();
      const lossMs = lossPerCamera(mediaDbPath, ids, killedAt);
      const check = await runCheck(data.dir);
      results.push({ round, waitMs, killedAt: new Date(killedAt).toISOString(), lossMs, recovery, checkExitCode: check.code, checkOutput: check.output.trim() });
      ctx.log(`  kill ${round}/${rounds} after ${(waitMs / 1000).toFixed(1)} s: loss ${lossMs.map((l) => l.toFixed(0)).join(', ')} ms; ` +
        `check exit ${check.code}; ${recovery}`);
      if (check.code !== 0) ctx.log(`    vms check:\n${check.output}`);

      site = await startSite(ctx.cleanup, data.dir);
      api = await SiteApi.login(site.url, 'admin', ADMIN_PASSWORD);
      await api.waitRecording(ids, 60_000);
    }
  } finally {
    await site.stop();
    await data.remove();
  }

  const all = results.flatMap((r) => r.lossMs).sort((a, b) => a - b);
  const perKill = results.map((r) => Math.max(...r.lossMs)).sort((a, b) => a - b);
  const checksPassed = results.filter((r) => r.checkExitCode === 0).length;
  const summary = {
    kills: results.length,
    cameras: CAMERAS,
    maxLossMs: all.at(-1)!,
    meanLossMs: all.reduce((a, b) => a + b, 0) / all.length,
    p50LossMs: percentile(all, 50),
    meanWorstCameraLossMs: perKill.reduce((a, b) => a + b, 0) / perKill.length,
    checksPassed,
  };
  console.log(`\nCrash loss (${results.length} kills × ${CAMERAS} cameras; target: largest loss ≤ 1000 ms, vms check passes every time)\n`);
  console.log(formatTable(
    ['kills', 'largest loss ms', 'mean loss ms', 'median loss ms', 'mean of worst camera per kill ms', 'vms check passed'],
    [[summary.kills, fixed(summary.maxLossMs, 0), fixed(summary.meanLossMs, 0), fixed(summary.p50LossMs, 0),
      fixed(summary.meanWorstCameraLossMs, 0), `${checksPassed} / ${results.length}`]],
  ));
  console.log(`\nPer kill:\n`);
  console.log(formatTable(
    ['#', 'ran s', 'loss per camera ms', 'check exit'],
    results.map((r) => [r.round, fixed(r.waitMs / 1000, 1), r.lossMs.map((l) => l.toFixed(0)).join(', '), r.checkExitCode ?? 'signal']),
  ));
  console.log('\nLoss = wall-clock time the SIGKILL was sent − end of the last indexed frame (its start plus its\n' +
    'duration, 40 ms). It is slightly pessimistic: besides what was buffered in memory and never written,\n' +
    'it includes that last frame duration, frame assembly and camera→server latency (tens of ms on\n' +
    'loopback). Stored times are the camera\'s RTP clock anchored to the server\'s clock at the first\n' +
    'packet, so single values can be off by a few tens of ms either way (hence small negative values).');
  ctx.log(`wrote ${writeResult('crashLoss', { date: new Date().toISOString(), quick: ctx.quick, summary, rounds: results })}`);
}

function lossPerCamera(dbPath: string, cameraIds: string[], killedAtMs: number): number[] {
  const db = new MediaDb(dbPath);
  try {
    const kill90k = killedAtMs * 90;
    return cameraIds.map((id) => {
      const last = db.listRecordings(id, 0, kill90k).at(-1);
      if (!last) throw new Error(`camera ${id} has no recording before the kill`);
      if (last.end90k === null) throw new Error(`recording ${last.id} is still open after recovery`);
      return killedAtMs - last.end90k / 90;
    });
  } finally {
    db.close();
  }
}
