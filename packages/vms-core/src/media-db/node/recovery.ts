import { readdir, truncate, unlink } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { SiteKeys } from '../../security/node/siteKeys';
import { scanFrameFile } from './frameFileScan';
import type { MediaDb } from './mediaDb';
import { CHAIN_GENESIS, linkRecording } from './signatureChain';
import type { StorageHandle } from './storageHandle';

export interface RecoveryReport {
  /** Recordings that were open at the crash and are now sealed. */
  sealed: { id: number; frames: number; truncatedBytes: number }[];
  /** Open recordings with no complete frame: forgotten. */
  dropped: number[];
  garbageRemoved: number;
  orphansRemoved: string[];
  /** Motion spans left open by the crash, now ended. */
  motionClosed: number;
}

/**
 * Start-up repair after a crash, before any recording starts. Steps, in order:
 * 1. finish the garbage list (files already forgotten by the index);
 * 2. seal each open recording from its file's own frame headers: cut a torn last frame,
 *    rebuild the index, hash and chain link; forget one that holds no complete frame;
 * 3. end motion spans the crash left open;
 * 4. remove frame files that no row references (orphans).
 */
export async function recoverMediaDb(db: MediaDb, keys: SiteKeys, storages: StorageHandle[]): Promise<RecoveryReport> {
  const report: RecoveryReport = { sealed: [], dropped: [], garbageRemoved: 0, orphansRemoved: [], motionClosed: 0 };
  const byId = new Map(storages.map((s) => [s.id, s]));

  for (const g of db.garbage()) {
    const s = byId.get(g.storageId);
    if (!s) continue;
    await unlinkIfExists(join(s.root, g.path));
    db.removeGarbage(g.storageId, g.path);
    report.garbageRemoved++;
  }

  for (const r of db.openRecordings()) {
    const s = byId.get(r.storageId);
    if (!s) continue;
    const file = join(s.root, r.path);
    const scan = await scanFrameFile(file).catch(() => undefined);
    if (!scan || scan.frames.length === 0) {
      db.forgetRecordings([r.id]);
      await unlinkIfExists(file);
      db.removeGarbage(r.storageId, r.path);
      report.dropped.push(r.id);
      continue;
    }
    if (scan.validBytes < scan.fileBytes) await truncate(file, scan.validBytes);
    const last = scan.frames.at(-1)!;
    const prevFrame = scan.frames.at(-2);
    const lastDuration = prevFrame ? last.ptsOffset - prevFrame.ptsOffset : 3600;
    const end90k = r.start90k + last.ptsOffset + Math.max(1, lastDuration);
    const prev = db.chainHead(r.cameraId, r.streamKey) ?? CHAIN_GENESIS;
    const fields = { id: r.id, cameraId: r.cameraId, streamKey: r.streamKey, start90k: r.start90k, end90k,
      frames: scan.frames.length };
    const { chainHash, signature } = linkRecording(keys, prev, fields, scan.contentSha256);
    db.closeRecording(r.id, {
      end90k, frames: scan.frames.length, keyFrames: scan.index.keyCount, fileBytes: scan.validBytes,
      frameIndex: scan.index.toBytes(), contentSha256: scan.contentSha256, prevChainHash: prev, chainHash, signature,
    });
    report.sealed.push({ id: r.id, frames: scan.frames.length, truncatedBytes: scan.fileBytes - scan.validBytes });
  }

  report.motionClosed = db.closeOpenMotion();

  const known = new Set(db.allRecordings().map((r) => `${r.storageId}\0${r.path}`));
  for (const s of storages) {
    for (const file of await listFrameFiles(s.root)) {
      const rel = relative(s.root, file);
      if (known.has(`${s.id}\0${rel}`)) continue;
      await unlinkIfExists(file);
      report.orphansRemoved.push(join(s.id, rel));
    }
  }
  return report;
}

/** Every `.njf` file under a storage folder (camera folders are one level deep). */
export async function listFrameFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  const dirs = await readdir(root, { withFileTypes: true }).catch(() => []);
  for (const d of dirs) {
    if (!d.isDirectory()) continue;
    for (const f of await readdir(join(root, d.name)).catch(() => [] as string[])) {
      if (f.endsWith('.njf')) out.push(join(root, d.name, f));
    }
  }
  return out;
}

async function unlinkIfExists(path: string): Promise<void> {
  await unlink(path).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== 'ENOENT') throw e;
  });
}
