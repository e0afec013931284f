import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { setLoopPacing } from '../base/node/loopPacer';
import { Site } from '../site/node/site';
import { SiteLock } from '../site/node/siteLock';

/** At most this much latency added to a busy site, for fewer wake-ups (docs/design/frame-memory.md). */
export const DEFAULT_LOOP_PACING_MS = 10;

/** Runs until SIGINT/SIGTERM; returns -1 so main leaves the process running. */
export async function runSite(o: {
  dataDir: string; port: number; host: string; adminPassword?: string; demoCamera: boolean; clientDir?: string; adminDir?: string;
  loopPacingMs: number;
}): Promise<number> {
  if (!Number.isInteger(o.port) || o.port < 0 || o.port > 65535) {
    console.error(`vms site: --port must be 0..65535`);
    return 2;
  }
  if (!Number.isFinite(o.loopPacingMs) || o.loopPacingMs < 0 || o.loopPacingMs > 100) {
    console.error(`vms site: --loop-pacing-ms must be 0..100`);
    return 2;
  }
  setLoopPacing(o.loopPacingMs);
  // Taken before the databases open: a second site on the same folder stops here (VMS_ERR_CONFLICT).
  mkdirSync(o.dataDir, { recursive: true });
  const lock = SiteLock.acquire(o.dataDir, { host: o.host });
  process.on('exit', () => lock.release());
  const site = await Site.open({
    dataDir: o.dataDir, adminPassword: o.adminPassword, demoCamera: o.demoCamera, ...(o.clientDir ? { clientAppDir: resolve(o.clientDir) } : {}),
    ...(o.adminDir ? { adminAppDir: resolve(o.adminDir) } : {}),
  });
  const r = site.recovery;
  if (r.sealed.length || r.dropped.length || r.orphansRemoved.length || r.garbageRemoved) {
    console.log(`recovered after an unclean stop: ${r.sealed.length} recordings sealed, ${r.dropped.length} empty dropped, ` +
      `${r.orphansRemoved.length} orphan files removed, ${r.garbageRemoved} pending deletions finished`);
  }
  if (site.generatedAdminPassword) {
    console.log(`administrator created: user "admin", password "${site.generatedAdminPassword}" (shown once)`);
  }
  let url: string;
  try {
    url = await site.listen(o.port, o.host);
  } catch (e) {
    await site.close();
    throw e;
  }
  lock.markRunning(url, Number(new URL(url).port));
  console.log(`Nightjar site ready at ${url} (API reference: ${url}/api/openapi.json)`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    site.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return -1;
}
