import type { Time90k } from '../../media/common/types';

export interface RecordingRow {
  id: number;
  cameraId: string;
  streamKey: string;
  storageId: string;
  path: string;
  runId: number;
  start90k: Time90k;
  end90k: Time90k | null;
  videoParamsId: number;
  frames: number;
  keyFrames: number;
  fileBytes: number;
}

/** A span of continuous recording, as the timeline shows it. */
export interface Sequence {
  start90k: Time90k;
  end90k: Time90k;
}

export interface SequenceList {
  cameraId: string;
  recordings: Sequence[];
  motion: Sequence[];
}

/** Merges time-ordered spans that touch or overlap within `tolerance90k`. */
export function mergeSpans(spans: Sequence[], tolerance90k: number): Sequence[] {
  const out: Sequence[] = [];
  for (const s of spans) {
    const last = out.at(-1);
    if (last && s.start90k <= last.end90k + tolerance90k) {
      last.end90k = Math.max(last.end90k, s.end90k);
    } else {
      out.push({ ...s });
    }
  }
  return out;
}
