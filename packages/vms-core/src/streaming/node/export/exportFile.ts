import { rename, rm } from 'node:fs/promises';
import { VmsError } from '../../../base/common/errors';
import type { Time90k } from '../../../media/common/types';
import type { Gap } from '../../common/rangePlan';
import type { RangePlan } from '../recordingReader';

/** Progress against totals known from the index before a byte is read. */
export interface ExportProgress {
  frames: number;
  totalFrames: number;
  /** Sample bytes written (frame payloads, not container overhead). */
  bytes: number;
  totalBytes: number;
}

export interface ExportOptions {
  onProgress?: (p: ExportProgress) => void;
  /** Cancels the export; the partial file is removed and the promise rejects with the reason. */
  signal?: AbortSignal;
  /** Only this stream's recordings (see RangeOptions). */
  streamKey?: string;
}

export interface ExportRequest {
  cameraId: string;
  from90k: Time90k;
  to90k: Time90k;
}

export interface ExportResult {
  path: string;
  cameraId: string;
  frames: number;
  /** Size of the file written. */
  bytes: number;
  /** Wall time of the first frame: the key frame at or before the requested start. */
  start90k: Time90k;
  end90k: Time90k;
  /** Spans of the range with no recording; the file's timeline jumps over them. */
  gaps: Gap[];
}

export function requireFrames(plan: RangePlan): { start90k: Time90k; end90k: Time90k } {
  if (plan.frames === 0 || plan.start90k === undefined || plan.end90k === undefined) {
    throw new VmsError('VMS_ERR_NOT_FOUND', `camera ${plan.cameraId} has no recording in the range`);
  }
  return { start90k: plan.start90k, end90k: plan.end90k };
}

/**
 * Writes to `path.part` and renames when complete, so a cancelled or failed export never
 * leaves a file that looks finished; the partial file is removed on any failure.
 */
export async function writeAtomically(path: string, write: (partPath: string) => Promise<void>): Promise<void> {
  const part = `${path}.part`;
  try {
    await write(part);
    await rename(part, path);
  } catch (e) {
    await rm(part, { force: true });
    throw e;
  }
}

/** Counts frames and sample bytes and reports at most every `everyBytes` (and at the end). */
export class ProgressCounter {
  frames = 0;
  bytes = 0;
  private lastReported = 0;

  constructor(
    private readonly totals: { totalFrames: number; totalBytes: number },
    private readonly onProgress: ((p: ExportProgress) => void) | undefined,
    private readonly everyBytes = 1 << 20,
  ) {}

  add(frames: number, bytes: number): void {
    this.frames += frames;
    this.bytes += bytes;
    if (this.bytes - this.lastReported >= this.everyBytes || this.frames === this.totals.totalFrames) {
      this.lastReported = this.bytes;
      this.onProgress?.({ frames: this.frames, bytes: this.bytes, ...this.totals });
    }
  }
}

export function checkSample(plan: RangePlan, expectedBytes: number | undefined, actualBytes: number): void {
  // The moov was computed from the index; a frame of another size would corrupt the file.
  if (expectedBytes !== actualBytes) {
    throw new VmsError('VMS_ERR_DATA_CORRUPT', `camera ${plan.cameraId}: a frame's size differs from the index`);
  }
}
