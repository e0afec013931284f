import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { VmsError } from '../../base/common/errors';
import type { FileHeader } from '../../media-db/common/frameFile';
import { decodeFileHeader, FILE_FLAG_ENCRYPTED, FILE_HEADER_BYTES, FRAME_HEADER_BYTES, readFrameHeader } from '../../media-db/common/frameFile';
import { decodeFrameIndex } from '../../media-db/common/frameIndex';
import type { MediaDb, StoredParams } from '../../media-db/node/mediaDb';
import type { StorageHandle } from '../../media-db/node/storageHandle';
import type { Time90k } from '../../media/common/types';
import type { Gap, IndexedRecording, PlannedFrame, PlannedRecording, RangeSelection } from '../common/rangePlan';
import { planRange } from '../common/rangePlan';

export interface RangePlan extends RangeSelection {
  cameraId: string;
  /** Parameter sets by video_params id; one object per id, so consumers may compare with ===. */
  params: ReadonlyMap<number, StoredParams>;
  /**
   * Recordings still being written in the range that the plan leaves out (shown as gaps): with
   * `sealedOnly`, or when another process writes them. Otherwise their written frames are in.
   */
  openRecordingIds: number[];
}

export interface RecordedFrame {
  kind: 'frame';
  time90k: Time90k;
  duration90k: number;
  isKey: boolean;
  /** The decrypted MP4 sample (4-byte length-prefixed NAL units). */
  data: Uint8Array;
  params: StoredParams;
  videoParamsId: number;
  recordingId: number;
}

export type ReadItem = RecordedFrame | Gap;

export interface RangeOptions {
  /** Only this stream's recordings (a camera records one stream; set it if it records more). */
  streamKey?: string;
  /**
   * Only closed (sealed and signed) recordings; the one being written is a gap. For what must
   * carry the site's signature (native export); playback and plain exports read open ones too.
   */
  sealedOnly?: boolean;
}

/** Frames are read in runs of about this many bytes: one read per run, not one per frame. */
const READ_BATCH_BYTES = 1 << 20;

/**
 * Reads recorded video of one camera for any time range, from the media index and the frame
 * files as they are: only the byte ranges of the needed frames are read (one read per batch
 * of consecutive frames), frames on encrypted storages are decrypted one by one, and spans
 * without recording come out as gap items, never papered over.
 */
export class RecordingReader {
  private readonly paramsCache = new Map<number, StoredParams>();

  /** `storages` may be a function so storages added or re-keyed at run time are seen. */
  constructor(private readonly deps: { db: MediaDb; storages: readonly StorageHandle[] | (() => readonly StorageHandle[]) }) {}

  /** What [from, to) holds, from the index and each file's 32-byte header only. */
  async plan(cameraId: string, from90k: Time90k, to90k: Time90k, o: RangeOptions = {}): Promise<RangePlan> {
    if (!(to90k > from90k)) throw new VmsError('VMS_ERR_BAD_INPUT', 'time range is empty');
    const rows = this.deps.db.listRecordings(cameraId, from90k, to90k)
      .filter((r) => o.streamKey === undefined || r.streamKey === o.streamKey);
    const indexed: IndexedRecording[] = [];
    const openRecordingIds: number[] = [];
    for (const r of rows) {
      const found = this.indexOf(r, o.sealedOnly === true);
      if (!found) {
        openRecordingIds.push(r.id);
        continue;
      }
      const header = await this.readHeader(this.storage(r.storageId), r.path);
      const encrypted = (header.flags & FILE_FLAG_ENCRYPTED) !== 0;
      indexed.push({ ...r, end90k: found.end90k, encrypted, noncePrefix: header.noncePrefix, frames: decodeFrameIndex(found.frameIndex) });
    }
    const selection = planRange(indexed, from90k, to90k);
    const params = new Map<number, StoredParams>();
    for (const item of selection.items) {
      if (item.kind === 'recording' && !params.has(item.videoParamsId)) params.set(item.videoParamsId, this.params(item.videoParamsId));
    }
    return { ...selection, cameraId, params, openRecordingIds };
  }

  /** Frames and gaps of a plan, in time order. Closes its file handle when the caller stops early. */
  async *read(plan: RangePlan, o: { signal?: AbortSignal } = {}): AsyncGenerator<ReadItem> {
    for (const item of plan.items) {
      o.signal?.throwIfAborted();
      if (item.kind === 'gap') {
        yield item;
        continue;
      }
      yield* this.readRecording(item, plan.params, o.signal);
    }
  }

  async *readRange(cameraId: string, from90k: Time90k, to90k: Time90k, o: RangeOptions & { signal?: AbortSignal } = {}): AsyncGenerator<ReadItem> {
    yield* this.read(await this.plan(cameraId, from90k, to90k, o), o);
  }

  /**
   * What a decoder needs to show the picture at t exactly: the key frame at or before t and
   * every frame after it up to the one shown at t. Empty when nothing was recorded at t.
   */
  async frameAt(cameraId: string, t90k: Time90k, o: RangeOptions = {}): Promise<RecordedFrame[]> {
    const out: RecordedFrame[] = [];
    for await (const item of this.readRange(cameraId, t90k, t90k + 1, o)) {
      if (item.kind === 'frame') out.push(item);
    }
    return out;
  }

  private async *readRecording(r: PlannedRecording, params: ReadonlyMap<number, StoredParams>, signal?: AbortSignal): AsyncGenerator<RecordedFrame> {
    const storage = this.storage(r.storageId);
    if (r.encrypted && !storage.cipher) {
      throw new VmsError('VMS_ERR_STORAGE_IO', `storage ${r.storageId} has no key for encrypted recording ${r.recordingId}`);
    }
    const p = params.get(r.videoParamsId) ?? this.params(r.videoParamsId);
    const fh = await openFrameFile(storage, r.path);
    try {
      for (const batch of batches(r.frames)) {
        signal?.throwIfAborted();
        const first = batch[0]!;
        const last = batch.at(-1)!;
        const start = first.fileOffset - FRAME_HEADER_BYTES;
        const bytes = await readExactly(fh, start, last.fileOffset + last.storedBytes - start, r);
        for (const f of batch) {
          const at = f.fileOffset - start;
          const h = readFrameHeader(bytes, at - FRAME_HEADER_BYTES);
          if (!h || h.length !== f.storedBytes || h.isKey !== f.isKey) {
            throw new VmsError('VMS_ERR_DATA_CORRUPT', `recording ${r.recordingId}: frame ${f.frameNumber} does not match the index`);
          }
          const stored = bytes.subarray(at, at + f.storedBytes);
          const data = r.encrypted ? storage.cipher!.decrypt(r.noncePrefix, f.frameNumber, stored) : stored;
          yield {
            kind: 'frame', time90k: f.time90k, duration90k: f.duration90k, isKey: f.isKey, data, params: p,
            videoParamsId: r.videoParamsId, recordingId: r.recordingId,
          };
        }
      }
    } finally {
      await fh.close();
    }
  }

  /** A closed recording's stored index, or the written part of an open one (its writer's). */
  private indexOf(r: { id: number; end90k: Time90k | null }, sealedOnly: boolean): { frameIndex: Uint8Array; end90k: Time90k } | undefined {
    if (r.end90k !== null) {
      const frameIndex = this.deps.db.frameIndex(r.id);
      return frameIndex ? { frameIndex, end90k: r.end90k } : undefined;
    }
    if (sealedOnly) return undefined;
    const open = this.deps.db.writing.index(r.id);
    if (open) return open;
    // Closed since the rows were listed (the plan awaits file headers between rows)?
    const now = this.deps.db.getRecording(r.id);
    return now && now.end90k !== null ? this.indexOf(now, false) : undefined;
  }

  private params(id: number): StoredParams {
    let p = this.paramsCache.get(id);
    if (!p) {
      p = this.deps.db.getParams(id);
      if (!p) throw new VmsError('VMS_ERR_DATA_CORRUPT', `video parameters ${id} are missing`);
      this.paramsCache.set(id, p);
    }
    return p;
  }

  private storage(id: string): StorageHandle {
    const { storages } = this.deps;
    const s = (typeof storages === 'function' ? storages() : storages).find((x) => x.id === id);
    if (!s) throw new VmsError('VMS_ERR_NOT_FOUND', `storage ${id} is not configured`);
    return s;
  }

  private async readHeader(storage: StorageHandle, path: string): Promise<FileHeader> {
    const fh = await openFrameFile(storage, path);
    try {
      const b = Buffer.alloc(FILE_HEADER_BYTES);
      const { bytesRead } = await fh.read(b, 0, b.length, 0);
      const h = bytesRead === b.length ? decodeFileHeader(b) : undefined;
      if (!h) throw new VmsError('VMS_ERR_DATA_CORRUPT', `${storage.id}/${path}: not a frame file`);
      return h;
    } finally {
      await fh.close();
    }
  }
}

async function openFrameFile(storage: StorageHandle, path: string): Promise<FileHandle> {
  try {
    return await open(join(storage.root, path), 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // Retention or archiving may have moved the file since the plan was made: plan again.
    if (code === 'ENOENT') throw new VmsError('VMS_ERR_NOT_FOUND', `${storage.id}/${path} no longer exists`, { cause: e });
    throw new VmsError('VMS_ERR_STORAGE_IO', `${storage.id}/${path}: ${code ?? (e as Error).message}`, { cause: e });
  }
}

async function readExactly(fh: FileHandle, position: number, length: number, r: PlannedRecording): Promise<Buffer> {
  const b = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await fh.read(b, done, length - done, position + done);
    if (bytesRead === 0) throw new VmsError('VMS_ERR_DATA_CORRUPT', `recording ${r.recordingId}: file is shorter than its index`);
    done += bytesRead;
  }
  return b;
}

/** Consecutive frames (adjacent in the file) grouped into reads of about READ_BATCH_BYTES. */
function* batches(frames: readonly PlannedFrame[]): Generator<PlannedFrame[]> {
  let batch: PlannedFrame[] = [];
  let bytes = 0;
  for (const f of frames) {
    const adjacent = batch.length === 0 || batch.at(-1)!.frameNumber + 1 === f.frameNumber;
    if (batch.length > 0 && (!adjacent || bytes + f.storedBytes > READ_BATCH_BYTES)) {
      yield batch;
      batch = [];
      bytes = 0;
    }
    batch.push(f);
    bytes += f.storedBytes + FRAME_HEADER_BYTES;
  }
  if (batch.length > 0) yield batch;
}
