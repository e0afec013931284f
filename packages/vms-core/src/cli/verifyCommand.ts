import { VmsError } from '../base/common/errors';
import { checkMediaDb } from '../media-db/node/check';
import { openSiteData } from './openSiteData';
import { runVerifyExport } from './verifyExport';

const iso90k = (t: number) => new Date(Math.round(t / 90)).toISOString();

/**
 * Proves the recordings of a camera and time range untouched: every recording's content hash,
 * chain link and site signature. Names each recording (and its time range) that fails.
 */
export async function runVerify(dataDir: string, o: { cameraId?: string; from?: string; to?: string }): Promise<number> {
  const parse = (s: string | undefined, name: string) => {
    if (s === undefined) return undefined;
    const ms = Date.parse(s);
    if (Number.isNaN(ms)) throw new VmsError('VMS_ERR_BAD_INPUT', `--${name}: "${s}" is not a date-time`);
    return ms * 90;
  };
  const scope = { cameraId: o.cameraId, from90k: parse(o.from, 'from'), to90k: parse(o.to, 'to') };
  const site = openSiteData(dataDir);
  try {
    const report = await checkMediaDb(site.media, site.keys, site.storages, scope);
    const rows = new Map(site.media.allRecordings().map((r) => [r.id, r]));
    for (const p of report.problems) {
      const r = p.recordingId === undefined ? undefined : rows.get(p.recordingId);
      const where = r ? `camera ${r.cameraId}, ${iso90k(r.start90k)} to ${r.end90k === null ? 'open' : iso90k(r.end90k)} (recording ${r.id}, ${r.path})` : (p.path ?? '');
      console.log(`ALTERED ${where}: ${p.detail} [${p.invariant}]`);
    }
    if (report.problems.length === 0) {
      console.log(`GOOD: ${report.recordings} recordings, ${report.frames} frames verified against the site signature chain`);
      console.log(`site public key:\n${site.keys.publicKeyPem().trim()}`);
      return 0;
    }
    return 1;
  } finally {
    site.close();
  }
}

/** `vms verify FILE` checks a native export; `vms verify --data DIR` checks a site's recordings. */
export function runVerifyCommand(o: { file?: string; password?: string; dataDir?: string; cameraId?: string; from?: string; to?: string }): Promise<number> {
  if (o.file !== undefined) return runVerifyExport(o.file, { password: o.password });
  if (o.dataDir === undefined) throw new VmsError('VMS_ERR_BAD_INPUT', 'vms verify: give an export FILE or --data DIR');
  return runVerify(o.dataDir, { cameraId: o.cameraId, from: o.from, to: o.to });
}
