import { Site } from '../site/node/site';

/** Runs until SIGINT/SIGTERM; returns -1 so main leaves the process running. */
export async function runSite(o: { dataDir: string; port: number; host: string; adminPassword?: string; demoCamera: boolean }): Promise<number> {
  if (!Number.isInteger(o.port) || o.port < 0 || o.port > 65535) {
    console.error(`vms site: --port must be 0..65535`);
    return 2;
  }
  const site = await Site.open({ dataDir: o.dataDir, adminPassword: o.adminPassword, demoCamera: o.demoCamera });
  const r = site.recovery;
  if (r.sealed.length || r.dropped.length || r.orphansRemoved.length || r.garbageRemoved) {
    console.log(`recovered after an unclean stop: ${r.sealed.length} recordings sealed, ${r.dropped.length} empty dropped, ` +
      `${r.orphansRemoved.length} orphan files removed, ${r.garbageRemoved} pending deletions finished`);
  }
  if (site.generatedAdminPassword) {
    console.log(`administrator created: user "admin", password "${site.generatedAdminPassword}" (shown once)`);
  }
  const url = await site.listen(o.port, o.host);
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
