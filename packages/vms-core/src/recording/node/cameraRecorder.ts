import type { Clock } from '../../base/common/clock';
import { Emitter } from '../../base/common/event';
import { VmsError } from '../../base/common/errors';
import { releaseFrame } from '../../media/common/framePool';
import type { VideoFrame } from '../../media/common/types';
import type { MediaDb } from '../../media-db/node/mediaDb';
import { RecordingWriter } from '../../media-db/node/recordingWriter';
import type { WriterIo, WriterOptions } from '../../media-db/node/recordingWriter';
import type { StorageHandle } from '../../media-db/node/storageHandle';
import type { SiteKeys } from '../../security/node/siteKeys';
import { FrameFilter } from '../common/frameFilter';
import { PreBuffer } from '../common/preBuffer';
import type { RecordingPolicy } from '../common/recordingPolicy';
import type { RecordingHolds } from '../common/recordingHolds';

/** Recordings are cut at the first key frame after this long (about a minute, as Moonfire). */
const ROLLOVER_90K = 60 * 90_000;
/** A time jump larger than this (or backwards) ends the run: the timeline shows a gap. */
const MAX_FRAME_GAP_90K = 5 * 90_000;
/** After a storage failure, how long before trying to record again. */
const RETRY_AFTER_FAILURE_MS = 10_000;

export interface RecorderDeps {
  db: MediaDb;
  keys: SiteKeys;
  clock: Clock;
  writerOptions?: WriterOptions;
  io?: WriterIo;
  /**
   * Requests to record this camera (RecordingServer.holdRecording), in any mode but 'never':
   * rules, including the default ones that record on motion and on request.
   */
  holds?: RecordingHolds;
}

export interface RecorderStatus {
  recording: boolean;
  /** Set by the recording server, which keeps manual recording requests (the recorder only sees holds). */
  manualUntil: number | null;
  motion: boolean;
  framesWritten: number;
  framesLost: number;
  /** Bytes written to recording files by this recorder (the system monitor's write rate). */
  bytesWritten: number;
  /** Bytes in its recordings not yet sealed into the index (the system monitor adds them to what the index holds). */
  openBytes: number;
  lastError?: { code: string; message: string; at: number };
}

/**
 * Decides, frame by frame, whether a camera stream is being recorded, and feeds the frames to
 * RecordingWriters: one recording a minute, a new run after a gap, a new recording when the
 * parameters change. It records in mode 'always', and in every mode but 'never' while a hold
 * asks: motion, manual recording and recording events reach it as holds of the default rules
 * ("Record on motion", "Record on request"), with the pre-buffer they ask for. Never decodes;
 * dropping for keyframes-only and the frame-rate limit is done on NAL headers.
 */
export class CameraRecorder {
  private readonly onDidChangeRecordingEmitter = new Emitter<{ cameraId: string; recording: boolean }>();
  readonly onDidChangeRecording = this.onDidChangeRecordingEmitter.event;
  private readonly onDidFailEmitter = new Emitter<{ cameraId: string; error: VmsError }>();
  readonly onDidFail = this.onDidFailEmitter.event;

  private readonly preBuffer: PreBuffer;
  private filter: FrameFilter;
  private writer: RecordingWriter | undefined;
  private lastSeen90k: number | undefined;
  /** Writers being sealed: their frames still count as written until they are added below. */
  private readonly sealing = new Set<RecordingWriter>();
  private closing: Promise<unknown> = Promise.resolve();
  private runId = 0;
  private waitForKey = false;
  private recording = false;
  private motionActive = false;
  private blockedUntil = 0;
  private framesWritten = 0;
  private framesLost = 0;
  private bytesWritten = 0;
  private lastError: RecorderStatus['lastError'];

  constructor(
    private readonly deps: RecorderDeps,
    readonly cameraId: string,
    readonly streamKey: string,
    private policy: RecordingPolicy,
    private readonly storage: () => StorageHandle | undefined,
  ) {
    this.preBuffer = new PreBuffer(policy.preBufferSeconds);
    this.filter = new FrameFilter(policy);
  }

  setPolicy(policy: RecordingPolicy): void {
    this.policy = policy;
    this.preBuffer.setSeconds(policy.preBufferSeconds);
    this.filter = new FrameFilter(policy);
  }

  /** Whether motion is seen now, for the status; recording on motion is the rules' (a hold). */
  setMotion(active: boolean): void {
    this.motionActive = active;
  }

  get status(): RecorderStatus {
    const openBytes = this.openBytes();
    return {
      recording: this.recording,
      manualUntil: null,
      motion: this.motionActive,
      framesWritten: this.framesWritten + [...this.sealing, ...(this.writer ? [this.writer] : [])].reduce((n, w) => n + w.writtenFrames, 0),
      framesLost: this.framesLost + [...this.sealing, ...(this.writer ? [this.writer] : [])].reduce((n, w) => n + w.lostFrames, 0),
      bytesWritten: this.bytesWritten + openBytes,
      openBytes,
      ...(this.lastError ? { lastError: this.lastError } : {}),
    };
  }

  private openBytes(): number {
    return [...this.sealing, ...(this.writer ? [this.writer] : [])].reduce((n, w) => n + w.writtenBytes, 0);
  }

  private wantsRecording(now: number): boolean {
    const { mode } = this.policy;
    if (mode === 'never' || now < this.blockedUntil) return false;
    return this.policyWantsRecording() || (this.deps.holds?.active(now) ?? false);
  }

  /** Recording the mode asks for by itself, without a hold: continuous recording. */
  private policyWantsRecording(): boolean {
    return this.policy.mode === 'always';
  }

  /**
   * When only rules want recording, starts it as far back as their pre time asks (within what
   * the pre-buffer holds), at the last key frame before that point.
   */
  private preRecorded(frames: VideoFrame[], now: number): VideoFrame[] {
    const holds = this.deps.holds;
    if (!holds || this.policyWantsRecording() || frames.length === 0) return frames;
    const from90k = frames.at(-1)!.time90k - holds.preSeconds(now) * 90_000;
    let start = 0;
    for (const [i, f] of frames.entries()) if (f.isKey && f.time90k <= from90k) start = i;
    return frames.slice(start);
  }

  onFrame(frame: VideoFrame): void {
    if (!this.wantsRecording(this.deps.clock.now())) {
      if (this.recording) this.stopRecording(frame.time90k);
      this.preBuffer.push(frame);
      return;
    }
    if (!this.recording) {
      this.preBuffer.push(frame);
      const drained = this.preBuffer.drain();
      try {
        this.startRecording(this.preRecorded(drained, this.deps.clock.now()));
      } finally {
        drained.forEach(releaseFrame); // the writer retained what it keeps
      }
      return;
    }
    this.write(frame);
  }

  private startRecording(frames: VideoFrame[]): void {
    if (frames.length === 0) return; // no key frame yet
    this.recording = true;
    this.onDidChangeRecordingEmitter.fire({ cameraId: this.cameraId, recording: true });
    this.runId = this.deps.db.newRunId();
    this.filter = new FrameFilter(this.policy);
    this.lastSeen90k = undefined;
    for (const f of frames) this.write(f);
  }

  private write(frame: VideoFrame): void {
    const w = this.writer;
    // Gaps are judged on frames received, not frames kept: keyframes-only or a low frame-rate
    // limit keeps frames seconds apart without the stream having stopped.
    const last = this.lastSeen90k;
    this.lastSeen90k = frame.time90k;
    if (w && last !== undefined && (frame.time90k < last || frame.time90k - last > MAX_FRAME_GAP_90K)) {
      this.closeWriter(); // gap: this run ends, the next starts at a key frame
      this.runId = this.deps.db.newRunId();
      this.waitForKey = true;
    }
    if (this.waitForKey && !frame.isKey) return;
    this.waitForKey = false;
    if (!this.filter.accept(frame)) return;
    if (w && frame.isKey && (frame.time90k - w.start90k >= ROLLOVER_90K || frame.params !== w.params)) {
      this.closeWriter(frame.time90k);
    } else if (w && frame.params !== w.params) {
      this.waitForKey = true; // new parameters must start at a key frame
      return;
    }
    if (this.writer) {
      this.writer.append(frame);
      return;
    }
    if (!frame.isKey) return;
    this.openWriter(frame);
  }

  private openWriter(first: VideoFrame): void {
    const storage = this.storage();
    if (!storage) {
      this.framesLost++;
      this.fail(new VmsError('VMS_ERR_STORAGE_FULL', 'no storage can take recordings for this camera now'));
      return;
    }
    try {
      const w = RecordingWriter.create(
        { db: this.deps.db, keys: this.deps.keys, clock: this.deps.clock, options: this.deps.writerOptions, io: this.deps.io },
        { storage, cameraId: this.cameraId, streamKey: this.streamKey, runId: this.runId, params: first.params, start90k: first.time90k },
      );
      w.onDidFail((e) => this.fail(e));
      w.append(first);
      this.writer = w;
    } catch (e) {
      this.framesLost++;
      this.fail(e instanceof VmsError ? e : new VmsError('VMS_ERR_STORAGE_IO', String(e)));
    }
  }

  private fail(error: VmsError): void {
    this.lastError = { code: error.code, message: error.message, at: this.deps.clock.now() };
    this.blockedUntil = this.deps.clock.now() + RETRY_AFTER_FAILURE_MS;
    this.onDidFailEmitter.fire({ cameraId: this.cameraId, error });
    if (this.recording) this.stopRecording();
  }

  private closeWriter(end90k?: number): void {
    const w = this.writer;
    this.writer = undefined;
    if (!w) return;
    this.sealing.add(w);
    this.closing = this.closing.then(async () => {
      await w.close(end90k).catch((e: unknown) => this.fail(e instanceof VmsError ? e : new VmsError('VMS_ERR_STORAGE_IO', String(e))));
      this.sealing.delete(w);
      this.framesWritten += w.writtenFrames;
      this.framesLost += w.lostFrames;
      this.bytesWritten += w.writtenBytes;
    });
  }

  private stopRecording(end90k?: number): void {
    this.recording = false;
    this.closeWriter(end90k);
    this.onDidChangeRecordingEmitter.fire({ cameraId: this.cameraId, recording: false });
  }

  /** The stream went away: seal what is being written; the next frames start a new run. */
  endRun(): void {
    if (this.recording) this.stopRecording();
    this.preBuffer.clear();
  }

  /** Seals everything; resolves when the index is up to date. */
  async close(): Promise<void> {
    if (this.recording) this.stopRecording();
    await this.closing;
    this.onDidChangeRecordingEmitter.dispose();
    this.onDidFailEmitter.dispose();
  }
}
