import { verifyNativeExport } from '../streaming/node/export/nativeExportVerify';
import type { ExportFinding } from '../streaming/node/export/nativeExportVerify';

const iso90k = (t: number) => new Date(Math.floor(t / 90)).toISOString();

/** One line per alteration: which file, recording and frames (with their wall times), or the manifest. */
export function describeFinding(f: ExportFinding): string {
  if (f.where === 'manifest') return `ALTERED manifest: ${f.detail}`;
  if (f.where === 'file') return `ALTERED file ${f.file}: ${f.detail}`;
  const when = f.time90k ? ` (${iso90k(f.time90k[0])} to ${iso90k(f.time90k[1])})` : '';
  return `ALTERED recording ${f.recordingId} of camera ${f.cameraId}${when} in ${f.file}: ${f.detail}`;
}

/**
 * `vms verify FILE [--password P]`: proves a native export untouched (GOOD, exit 0) or names
 * every alteration (exit 1). Errors opening it (not an export, wrong password) exit 2 via main.
 */
export async function runVerifyExport(file: string, o: { password?: string; log?: (line: string) => void } = {}): Promise<number> {
  const log = o.log ?? ((line: string) => console.log(line));
  const report = await verifyNativeExport(file, { password: o.password });
  for (const f of report.findings) log(describeFinding(f));
  if (report.good) {
    const m = report.manifest!;
    log(`GOOD: ${report.recordings} recordings, ${report.frames} frames of ${m.cameras.map((c) => c.cameraId).join(', ')} ` +
      `from ${m.range.from} to ${m.range.to}, exported ${m.createdAt} by ${m.creator.userId}`);
    log(`signed by site key sha256:${report.keyFingerprint} (compare with the site's key)`);
    return 0;
  }
  log(`${report.findings.length} alteration${report.findings.length === 1 ? '' : 's'} found`);
  return 1;
}
