/**
 * `pnpm bench [--only NAME] [--quick]`: runs the benchmarks in order, prints a table for each
 * and writes bench/results/<name>.json. Scripts, not timed tests: see docs/benchmarks.md.
 */
import { parseArgs } from 'node:util';
import { ensureServerBuilt } from '../packages/desktop/src/build/serverBuilder';
import { Cleanup } from './lib/cleanup';
import { REPO_ROOT } from './lib/siteProcess';
import type { BenchContext } from './lib/context';
import { crashLoss } from './crashLoss';
import { indexQuery } from './indexQuery';
import { recordingCost } from './recordingCost';
import { liveLatency } from './liveLatency';
import { fanOut } from './fanOut';
import { seek } from './seek';
import { exportSpeed } from './exportSpeed';
import { clientFirstFrame } from './clientFirstFrame';
import { clientWall } from './clientWall';
import { clientScrub } from './clientScrub';
import { adminConfig } from './adminConfig';
import { alarmList } from './alarmList';
import { eventThroughput } from './eventThroughput';

const benchmarks: Record<string, (ctx: BenchContext) => Promise<void>> = {
  recordingCost, crashLoss, indexQuery,
  // issue 3: streaming
  liveLatency, fanOut, seek, exportSpeed,
  // issue 4: Smart Client
  clientFirstFrame, clientWall, clientScrub,
  // issue 5: Management Client
  adminConfig,
  // issue 6: events, rules and alarms
  alarmList, eventThroughput,
};

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { only: { type: 'string', multiple: true }, quick: { type: 'boolean' }, help: { type: 'boolean' } },
    strict: true,
  });
  if (values.help) {
    console.log(`usage: pnpm bench [--only NAME]... [--quick]\n  benchmarks: ${Object.keys(benchmarks).join(', ')}`);
    return 0;
  }
  const names = values.only ?? Object.keys(benchmarks);
  const unknown = names.filter((n) => !(n in benchmarks));
  if (unknown.length) {
    console.error(`unknown benchmark ${unknown.join(', ')}; known: ${Object.keys(benchmarks).join(', ')}`);
    return 2;
  }

  // One scope per benchmark, so each one's cameras and folders are gone before the next starts.
  let cleanup = new Cleanup();
  const onSignal = (signal: NodeJS.Signals) => {
    console.error(`\n${signal}: stopping child processes and removing temp folders`);
    void cleanup.dispose().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const start = Date.now();
  const quick = values.quick ?? false;
  const log = (m: string) => console.error(`[${((Date.now() - start) / 1000).toFixed(0).padStart(4)} s] ${m}`);
  if (process.env.BENCH_SITE !== 'source') await ensureServerBuilt(REPO_ROOT, log);
  for (const name of names) {
    log(`=== ${name}${quick ? ' (quick)' : ''}`);
    cleanup = new Cleanup();
    try {
      await benchmarks[name]!({ cleanup, quick, log });
    } finally {
      await cleanup.dispose();
    }
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exit(1);
  },
);
