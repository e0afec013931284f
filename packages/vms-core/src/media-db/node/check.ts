import { stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { bytesEqual } from '../../media/common/types';
import type { SiteKeys } from '../../security/node/siteKeys';
import { sha256 } from '../../security/node/siteKeys';
import { decodeFrameIndex } from '../common/frameIndex';
import { scanFrameFile } from './frameFileScan';
import type { MediaDb } from './mediaDb';
import { chainMetadata } from './signatureChain';
import type { StorageHandle } from './storageHandle';
import { listFrameFiles } from './recovery';
import { verifyGroomed } from './archiver';
import type { GroomedInfo } from './archiver';

export interface CheckProblem {
  recordingId?: number;
  path?: string;
  invariant: string;
  detail: string;
}

export interface CheckReport {
  recordings: number;
  frames: number;
  problems: CheckProblem[];
  /** Recordings still open: normal while the site runs, a crash leftover otherwise. */
  open: number[];
}

/**
 * Verifies the media database invariants listed in docs/design/media-database.md against
 * the files on disk. Read-only: it reports, recovery repairs.
 */
export interface CheckScope {
  cameraId?: string;
  from90k?: number;
  to90k?: number;
}

export async function checkMediaDb(db: MediaDb, keys: SiteKeys, storages: StorageHandle[], scope: CheckScope = {}): Promise<CheckReport> {
  const scoped = scope.cameraId !== undefined || scope.from90k !== undefined || scope.to90k !== undefined;
  const inScope = (r: { cameraId: string; start90k: number; end90k: number | null }) =>
    (scope.cameraId === undefined || r.cameraId === scope.cameraId) &&
    (scope.to90k === undefined || r.start90k < scope.to90k) &&
    (scope.from90k === undefined || r.end90k === null || r.end90k > scope.from90k);
  const report: CheckReport = { recordings: 0, frames: 0, problems: [], open: [] };
  const byId = new Map(storages.map((s) => [s.id, s]));
  const add = (p: CheckProblem) => report.problems.push(p);
  const lastOfStream = new Map<string, { id: number; end90k: number; chainHash: Uint8Array | null }>();

  for (const r of db.allRecordings()) {
    if (!inScope(r)) continue;
    report.recordings++;
    if (r.end90k === null) {
      report.open.push(r.id);
      continue;
    }
    const at = { recordingId: r.id, path: r.path };
    const s = byId.get(r.storageId);
    if (!s) {
      add({ ...at, invariant: 'storage-known', detail: `storage ${r.storageId} is not configured` });
      continue;
    }
    if (!db.getParams(r.videoParamsId)) add({ ...at, invariant: 'params-exist', detail: `video_params ${r.videoParamsId} missing` });
    if (!(r.end90k > r.start90k)) add({ ...at, invariant: 'positive-duration', detail: `end ${r.end90k} <= start ${r.start90k}` });

    const key = `${r.cameraId}\0${r.streamKey}`;
    const prevRec = lastOfStream.get(key);
    if (prevRec && r.start90k < prevRec.end90k) {
      add({ ...at, invariant: 'no-overlap', detail: `starts before recording ${prevRec.id} ends` });
    }

    const seal = db.sealFields(r.id)!;
    const file = join(s.root, r.path);
    const st = await stat(file).catch(() => undefined);
    if (!st) {
      add({ ...at, invariant: 'file-exists', detail: `${file} is missing` });
      lastOfStream.set(key, { id: r.id, end90k: r.end90k, chainHash: seal.chainHash });
      continue;
    }
    if (st.size !== r.fileBytes) add({ ...at, invariant: 'file-size', detail: `file has ${st.size} bytes, index says ${r.fileBytes}` });

    const scan = await scanFrameFile(file);
    if (!scan.header) add({ ...at, invariant: 'file-header', detail: 'bad or missing file header' });
    else if (scan.header.start90k !== r.start90k) add({ ...at, invariant: 'file-header', detail: 'file start time differs from the index' });
    const index = seal.frameIndex ? decodeFrameIndex(seal.frameIndex) : [];
    report.frames += index.length;
    if (index.length !== r.frames) add({ ...at, invariant: 'frame-count', detail: `index holds ${index.length} frames, row says ${r.frames}` });
    if (index[0] && !index[0].isKey) add({ ...at, invariant: 'starts-with-key', detail: 'first frame is not a key frame' });
    const firstBad = index.findIndex((f, i) => {
      const g = scan.frames[i];
      return !g || g.length !== f.length || g.ptsOffset !== f.ptsOffset || g.isKey !== f.isKey || g.fileOffset !== f.fileOffset;
    });
    if (firstBad >= 0 || scan.frames.length !== index.length) {
      const n = firstBad >= 0 ? firstBad : Math.min(index.length, scan.frames.length);
      add({ ...at, invariant: 'index-matches-file', detail: `frame ${n} in the file differs from the index` });
    } else if (seal.groomed) {
      const info = JSON.parse(seal.groomed) as GroomedInfo;
      if (!bytesEqual(scan.contentSha256, Buffer.from(info.contentSha256, 'hex'))) {
        add({ ...at, invariant: 'content-hash', detail: 'frame payloads differ from the archived (groomed) content hash' });
      } else if (!seal.chainHash || !verifyGroomed(keys, seal.chainHash, info)) {
        add({ ...at, invariant: 'groomed-signature', detail: 'archived copy is not signed as derived from its original' });
      }
    } else if (seal.contentSha256 && !bytesEqual(scan.contentSha256, seal.contentSha256)) {
      add({ ...at, invariant: 'content-hash', detail: 'frame payloads differ from the signed content hash' });
    }
    if (!seal.chainHash || !seal.signature || !seal.prevChainHash || !seal.contentSha256) {
      add({ ...at, invariant: 'sealed', detail: 'closed recording lacks its hash, chain link or signature' });
    } else {
      const expect = sha256(seal.prevChainHash, chainMetadata({ ...r, end90k: r.end90k, frames: seal.groomed ? (JSON.parse(seal.groomed) as { originalFrames: number }).originalFrames : r.frames }), seal.contentSha256);
      if (!bytesEqual(expect, seal.chainHash)) add({ ...at, invariant: 'chain-link', detail: 'chain hash does not match the recording' });
      if (!keys.verify(seal.chainHash, seal.signature)) add({ ...at, invariant: 'signature', detail: 'signature does not verify with the site key' });
      if (prevRec?.chainHash && !bytesEqual(prevRec.chainHash, seal.prevChainHash)) {
        add({ ...at, invariant: 'chain-continuity', detail: `does not follow recording ${prevRec.id} in the chain` });
      }
    }
    lastOfStream.set(key, { id: r.id, end90k: r.end90k, chainHash: seal.chainHash });
  }

  for (const g of db.motionGrids.problems(scope)) {
    add({ invariant: 'motion-grid-shape', detail: `motion grid of camera ${g.cameraId} at ${g.start90k}: ${g.detail}` });
  }

  if (scoped) return report;
  const known = new Set(db.allRecordings().map((r) => `${r.storageId}\0${r.path}`));
  for (const s of storages) {
    for (const file of await listFrameFiles(s.root)) {
      if (!known.has(`${s.id}\0${relative(s.root, file)}`)) {
        add({ path: file, invariant: 'no-orphans', detail: 'frame file has no recording row' });
      }
    }
  }
  return report;
}
