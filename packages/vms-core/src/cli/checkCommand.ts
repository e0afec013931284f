import { checkMediaDb } from '../media-db/node/check';
import { openSiteData } from './openSiteData';

export async function runCheck(dataDir: string): Promise<number> {
  const site = openSiteData(dataDir);
  try {
    const report = await checkMediaDb(site.media, site.keys, site.storages);
    console.log(`checked ${report.recordings} recordings, ${report.frames} frames`);
    if (report.open.length) {
      console.log(`${report.open.length} recordings are open (being written, or left by an unclean stop: the next start seals them)`);
    }
    for (const p of report.problems) {
      console.log(`BROKEN ${p.invariant}: ${p.recordingId !== undefined ? `recording ${p.recordingId} ` : ''}${p.path ?? ''}: ${p.detail}`);
    }
    console.log(report.problems.length ? `${report.problems.length} problems` : 'all invariants hold');
    return report.problems.length ? 1 : 0;
  } finally {
    site.close();
  }
}
