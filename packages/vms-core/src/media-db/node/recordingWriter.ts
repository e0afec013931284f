import { createHash, randomBytes } from 'node:crypto';
import type { Hash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Emitter } from '../../base/common/event';
import { AppendFile, nodeAppendFileIo } from '../../base/node/appendFile';
import type { AppendFileIo } from '../../base/node/appendFile';
import { VmsError } from '../../base/common/errors';
import type { Clock } from '../../base/common/clock';
import type { FrameMemory, Time90k, VideoFrame, VideoParameters } from '../../media/common/types';
import type { SiteKeys } from '../../security/node/siteKeys';
import { encodeFileHeader, FILE_FLAG_ENCRYPTED, FILE_VERSION, FRAME_HEADER_BYTES, writeFrameHeader } from '../common/frameFile';
import { FrameIndexBuilder } from '../common/frameIndex';
import type { MediaDb } from './mediaDb';
import type { OpenRecordingIndex } from './openRecordings';
import { CHAIN_GENESIS, linkRecording } from './signatureChain';
import type { StorageHandle } from './storageHandle';

/** The file operations the writer uses; tests inject faults (disk full, I/O errors) here. */
export type WriterIo = AppendFileIo;

export const nodeWriterIo: WriterIo = nodeAppendFileIo;

export interface WriterOptions {
  /** How long a frame may wait in memory before it is written (bounds crash loss). */
  flushIntervalMs: number;
  /** How often written data is forced to the disk (bounds loss on power cut). */
  syncIntervalMs: number;
  /** Write frame files with O_DIRECT where the file system allows it (see AppendFile). */
  directIo: boolean;
}

export const defaultWriterOptions: WriterOptions = { flushIntervalMs: 250, syncIntervalMs: 1000, directIo: true };

interface Pending {
  header: Uint8Array;
  payload: Uint8Array;
  ptsOffset: number;
  isKey: boolean;
  /** Held until the payload is written, when the payload is the frame's recycled memory. */
  memory: FrameMemory | undefined;
}

export interface ClosedRecording {
  id: number;
  start90k: Time90k;
  end90k: Time90k;
  frames: number;
}

/**
 * Writes one recording: commits its row, creates its file, appends frames in batches (at most
 * flushIntervalMs in memory), syncs periodically, and on close stores the frame index, the
 * content hash and the signed chain link. Only frames whose bytes reached the file are indexed.
 * A write error (disk full, read-only, I/O) fails the writer once through onDidFail; close()
 * then seals what was written.
 */
export class RecordingWriter {
  private readonly onDidFailEmitter = new Emitter<VmsError>();
  readonly onDidFail = this.onDidFailEmitter.event;

  private pending: Pending[] = [];
  private flushTimer: { cancel(): void } | undefined;
  private inflight: Promise<void> = Promise.resolve();
  /**
   * The file header, written with the first batch rather than at creation: a synchronous direct
   * write would hold the event loop for a disk round trip, at every camera's rollover. A crash
   * before the first batch leaves an empty file, which recovery drops like a file with no frame.
   */
  private header: Uint8Array | undefined;
  private lastSync = 0;
  private readonly index = new FrameIndexBuilder();
  /**
   * Frames are hashed as they are appended, while their bytes are still in the CPU's cache (a
   * batch later, after the other cameras' frames went through it, the 64-camera profile showed
   * SHA-256 at about 1.2 GB/s against 1.7 GB/s on hot data). The content hash
   * must cover only what reached the file, so each batch carries a copy of the hash as it stood
   * after its last frame, and a written batch's copy becomes `writtenHash`.
   */
  private readonly hash: Hash = createHash('sha256');
  private writtenHash: Hash | undefined;
  private frameNumber = 0;
  private lastPts = 0;
  private lastDelta = 0;
  /** pts offsets of the last two frames in the file (the open index's end). */
  private writtenPts = { last: 0, delta: 0 };
  private unregisterOpen: () => void = () => undefined;
  private failure: VmsError | undefined;
  private closed = false;
  /** Frames appended but never written because the writer had failed. */
  lostFrames = 0;

  private constructor(
    private readonly deps: { db: MediaDb; keys: SiteKeys; clock: Clock; options: WriterOptions; io: WriterIo },
    readonly id: number,
    readonly cameraId: string,
    readonly streamKey: string,
    readonly storage: StorageHandle,
    readonly params: VideoParameters,
    readonly start90k: Time90k,
    private readonly file: AppendFile,
    private readonly noncePrefix: Uint8Array,
  ) {
    this.unregisterOpen = deps.db.writing.add(id, () => this.openIndex());
    this.header = encodeFileHeader({ version: FILE_VERSION, flags: storage.cipher ? FILE_FLAG_ENCRYPTED : 0, start90k, noncePrefix });
  }

  /**
   * Synchronous on purpose: one row and one small file a minute per camera, and the recorder
   * can then cut recordings exactly at the frame it decides on, with nothing queued meanwhile.
   */
  static create(
    deps: { db: MediaDb; keys: SiteKeys; clock: Clock; options?: WriterOptions; io?: WriterIo },
    o: { storage: StorageHandle; cameraId: string; streamKey: string; runId: number; params: VideoParameters; start90k: Time90k },
  ): RecordingWriter {
    const { id, path } = deps.db.insertOpenRecording({
      cameraId: o.cameraId, streamKey: o.streamKey, storageId: o.storage.id, runId: o.runId,
      start90k: o.start90k, videoParamsId: deps.db.paramsId(o.params), now: deps.clock.now(),
    });
    const file = join(o.storage.root, path);
    const noncePrefix = o.storage.cipher ? randomBytes(8) : new Uint8Array(8);
    const options = deps.options ?? defaultWriterOptions;
    let frameFile: AppendFile | undefined;
    try {
      mkdirSync(dirname(file), { recursive: true });
      frameFile = AppendFile.openSync(file, { exclusive: true, direct: options.directIo, io: deps.io ?? nodeWriterIo });
    } catch (e) {
      void frameFile?.close().catch(() => undefined);
      deps.db.forgetRecordings([id]);
      deps.db.removeGarbage(o.storage.id, path);
      throw storageError(e, o.storage.id);
    }
    return new RecordingWriter(
      { ...deps, options, io: deps.io ?? nodeWriterIo },
      id, o.cameraId, o.streamKey, o.storage, o.params, o.start90k, frameFile, noncePrefix,
    );
  }

  get failed(): VmsError | undefined {
    return this.failure;
  }

  /** Frames appended so far. */
  get frames(): number {
    return this.frameNumber;
  }

  /** Frames whose bytes are in the file (what a crash now would keep). */
  get writtenFrames(): number {
    return this.index.count;
  }

  /** Bytes in the file so far, header included (the system monitor's write rate). */
  get writtenBytes(): number {
    return this.file.size;
  }

  get lastTime90k(): Time90k {
    return this.start90k + this.lastPts;
  }

  /** The frames in the file so far, for readers of the open recording (see OpenRecordings). */
  private openIndex(): OpenRecordingIndex | undefined {
    if (this.index.count === 0) return undefined;
    return { frameIndex: this.index.toBytes(), end90k: this.start90k + this.writtenPts.last + (this.writtenPts.delta || 3600) };
  }

  append(frame: VideoFrame): void {
    if (this.closed) throw new Error('append after close');
    if (this.failure) {
      this.lostFrames++;
      return;
    }
    // Timestamps never go backwards inside a recording; the recorder starts a new one on jumps.
    const ptsOffset = Math.max(this.lastPts, Math.round(frame.time90k - this.start90k));
    if (this.frameNumber > 0) this.lastDelta = ptsOffset - this.lastPts;
    this.lastPts = ptsOffset;
    const payload = this.storage.cipher
      ? this.storage.cipher.encrypt(this.noncePrefix, this.frameNumber, frame.data)
      : frame.data;
    this.frameNumber++;
    const header = new Uint8Array(FRAME_HEADER_BYTES);
    writeFrameHeader(header, 0, { length: payload.length, ptsOffset, isKey: frame.isKey });
    this.hash.update(payload);
    const memory = payload === frame.data ? frame.memory : undefined;
    memory?.retain();
    this.pending.push({ header, payload, ptsOffset, isKey: frame.isKey, memory });
    this.flushTimer ??= this.deps.clock.setTimeout(() => this.flush(), this.untilNextFlush());
  }

  /**
   * Every writer flushes on the same grid of flushIntervalMs (monotonic time), so a site's
   * cameras write in one burst per interval: one event-loop wake-up instead of one per camera,
   * and the file writes queue together. A frame still waits at most one interval.
   */
  private untilNextFlush(): number {
    const interval = this.deps.options.flushIntervalMs;
    return interval - (this.deps.clock.monotonic() % interval);
  }

  /** Writes what is pending now; resolves when it is in the file (or the writer failed). */
  flush(): Promise<void> {
    this.flushTimer?.cancel();
    this.flushTimer = undefined;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return this.inflight;
    const hashed = this.hash.copy();
    this.inflight = this.inflight.then(() => this.writeBatch(batch, hashed));
    return this.inflight;
  }

  private async writeBatch(batch: Pending[], hashed: Hash): Promise<void> {
    try {
      await this.writeFrames(batch, hashed);
    } finally {
      for (const p of batch) p.memory?.release();
    }
  }

  private async writeFrames(batch: Pending[], hashed: Hash): Promise<void> {
    if (this.failure) {
      this.lostFrames += batch.length;
      return;
    }
    const buffers: Uint8Array[] = this.header ? [this.header] : [];
    for (const p of batch) buffers.push(p.header, p.payload);
    try {
      await this.file.append(buffers);
      this.header = undefined;
      for (const p of batch) {
        if (this.index.count > 0) this.writtenPts.delta = p.ptsOffset - this.writtenPts.last;
        this.writtenPts.last = p.ptsOffset;
        this.index.add(p.ptsOffset, p.payload.length, p.isKey);
      }
      this.writtenHash = hashed;
      const now = this.deps.clock.monotonic();
      if (now - this.lastSync >= this.deps.options.syncIntervalMs) {
        this.lastSync = now;
        await this.file.sync();
      }
    } catch (e) {
      this.lostFrames += batch.length;
      this.failure = storageError(e, this.storage.id);
      // A write that failed part-way (disk full) may have left a partial batch past the last
      // indexed frame: cut it, so the file ends where the index does.
      await this.file.discardFailed().catch(() => undefined);
      this.onDidFailEmitter.fire(this.failure);
    }
  }

  /**
   * Seals the recording. `end90k` is where the next recording of the run starts, so a run
   * has no gaps; by default the last frame lasts as long as the one before it.
   */
  async close(end90k?: Time90k): Promise<ClosedRecording | undefined> {
    if (this.closed) throw new Error('closed twice');
    this.closed = true;
    await this.flush();
    try {
      await this.file.sync();
    } catch {
      // A failed sync on a failing disk changes nothing below: the indexed frames are written.
    }
    await this.file.close().catch(() => undefined);
    this.onDidFailEmitter.dispose();
    try {
      return this.seal(end90k);
    } finally {
      // Only now: readers find the closed row's index before the open one disappears.
      this.unregisterOpen();
    }
  }

  private seal(end90k: Time90k | undefined): ClosedRecording | undefined {
    if (this.index.count === 0) {
      this.deps.db.forgetRecordings([this.id]);
      return undefined;
    }
    const lastEnd = this.start90k + this.lastPts + (this.lastDelta || 3600);
    const end = Math.max(end90k ?? lastEnd, this.start90k + this.lastPts + 1);
    // Indexed frames mean a batch was written, and with it the hash of everything up to it.
    const contentSha256 = this.writtenHash!.digest();
    const prev = this.deps.db.chainHead(this.cameraId, this.streamKey) ?? CHAIN_GENESIS;
    const fields = { id: this.id, cameraId: this.cameraId, streamKey: this.streamKey, start90k: this.start90k,
      end90k: end, frames: this.index.count };
    const { chainHash, signature } = linkRecording(this.deps.keys, prev, fields, contentSha256);
    this.deps.db.closeRecording(this.id, {
      end90k: end, frames: this.index.count, keyFrames: this.index.keyCount, fileBytes: this.file.size,
      frameIndex: this.index.toBytes(), contentSha256, prevChainHash: prev, chainHash, signature,
    });
    return { id: this.id, start90k: this.start90k, end90k: end, frames: this.index.count };
  }
}

export function storageError(e: unknown, storageId: string): VmsError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new VmsError('VMS_ERR_STORAGE_FULL', `storage ${storageId} is full`, { cause: e });
  }
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
    return new VmsError('VMS_ERR_STORAGE_READ_ONLY', `storage ${storageId} is not writable (${code})`, { cause: e });
  }
  return new VmsError('VMS_ERR_STORAGE_IO', `storage ${storageId}: ${(e as Error).message}`, { cause: e });
}
