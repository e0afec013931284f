import type { IndexedFrame } from '../../media-db/common/frameIndex';
import type { Time90k } from '../../media/common/types';

/** A recording with its decoded per-frame index, as the planner needs it. */
export interface IndexedRecording {
  id: number;
  start90k: Time90k;
  end90k: Time90k;
  videoParamsId: number;
  storageId: string;
  path: string;
  /** From the file header: payloads are AES-GCM ciphertext + 16-byte tag. */
  encrypted: boolean;
  /** From the file header: the first 8 bytes of every frame's nonce. */
  noncePrefix: Uint8Array;
  frames: readonly IndexedFrame[];
}

export interface PlannedFrame {
  time90k: Time90k;
  /**
   * Ticks until the next planned frame, so a gap is absorbed by the frame before it (how an
   * MP4 timeline jumps without fake frames); the last frame lasts until the next frame of its
   * recording, or the recording's end.
   */
  duration90k: number;
  isKey: boolean;
  /** Number of the frame in its file (the AES-GCM nonce counter). */
  frameNumber: number;
  fileOffset: number;
  storedBytes: number;
  /** Bytes of the decrypted MP4 sample. */
  sampleBytes: number;
}

export interface PlannedRecording {
  kind: 'recording';
  recordingId: number;
  videoParamsId: number;
  storageId: string;
  path: string;
  encrypted: boolean;
  noncePrefix: Uint8Array;
  frames: PlannedFrame[];
}

/** A span inside the requested range with nothing recorded. */
export interface Gap {
  kind: 'gap';
  start90k: Time90k;
  end90k: Time90k;
}

export interface RangeSelection {
  from90k: Time90k;
  to90k: Time90k;
  /** Recordings and gaps in time order. */
  items: (PlannedRecording | Gap)[];
  gaps: Gap[];
  frames: number;
  sampleBytes: number;
  /** Time of the first frame (the key frame at or before `from`), if any frame is planned. */
  start90k: Time90k | undefined;
  /** End of the last planned frame. */
  end90k: Time90k | undefined;
}

export const GCM_TAG_BYTES = 16;

/**
 * Chooses the frames that show [from, to): from the key frame at or before `from` (so a
 * decoder can show `from` itself) to the last frame before `to`, and the gaps between
 * recordings. Pure: the per-frame index alone decides, no frame file is read.
 */
export function planRange(recordings: readonly IndexedRecording[], from90k: Time90k, to90k: Time90k): RangeSelection {
  const items: (PlannedRecording | Gap)[] = [];
  const gaps: Gap[] = [];
  const addGap = (start90k: Time90k, end90k: Time90k) => {
    const gap: Gap = { kind: 'gap', start90k, end90k };
    items.push(gap);
    gaps.push(gap);
  };
  let covered = from90k;
  let lastTime = -Infinity;
  let previous: PlannedFrame | undefined;
  let frames = 0;
  let sampleBytes = 0;
  const sorted = [...recordings].sort((a, b) => a.start90k - b.start90k || a.id - b.id);
  for (const r of sorted) {
    if (r.end90k <= from90k || r.start90k >= to90k) continue;
    if (r.start90k > covered) addGap(covered, r.start90k);
    covered = Math.max(covered, r.end90k);
    let first = 0;
    if (r.start90k <= from90k) {
      for (let i = 0; i < r.frames.length; i++) {
        const f = r.frames[i]!;
        if (r.start90k + f.ptsOffset > from90k) break;
        if (f.isKey) first = i;
      }
    }
    const planned: PlannedFrame[] = [];
    for (let i = first; i < r.frames.length; i++) {
      const f = r.frames[i]!;
      const time90k = r.start90k + f.ptsOffset;
      if (time90k >= to90k) break;
      // Recordings of one stream never overlap (a `check` invariant); if they did, keep time monotonic.
      if (time90k <= lastTime) continue;
      const next = r.frames[i + 1];
      const duration90k = (next ? r.start90k + next.ptsOffset : r.end90k) - time90k;
      const sample = r.encrypted ? f.length - GCM_TAG_BYTES : f.length;
      planned.push({ time90k, duration90k, isKey: f.isKey, frameNumber: i, fileOffset: f.fileOffset, storedBytes: f.length, sampleBytes: sample });
      lastTime = time90k;
    }
    if (planned.length === 0) continue;
    if (previous) previous.duration90k = planned[0]!.time90k - previous.time90k;
    previous = planned.at(-1);
    frames += planned.length;
    sampleBytes += planned.reduce((n, f) => n + f.sampleBytes, 0);
    items.push({
      kind: 'recording', recordingId: r.id, videoParamsId: r.videoParamsId, storageId: r.storageId, path: r.path,
      encrypted: r.encrypted, noncePrefix: r.noncePrefix, frames: planned,
    });
  }
  if (covered < to90k) addGap(covered, to90k);
  const firstRecording = items.find((i): i is PlannedRecording => i.kind === 'recording');
  const start90k = firstRecording?.frames[0]?.time90k;
  const end90k = previous ? previous.time90k + previous.duration90k : undefined;
  return { from90k, to90k, items, gaps, frames, sampleBytes, start90k, end90k };
}
