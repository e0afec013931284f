import type { Time90k } from '../../media/common/types';
import { buildInitSegment } from '../common/mp4/initSegment';
import { buildMediaSegment } from '../common/mp4/mediaSegment';
import type { RangePlan, RecordedFrame, RecordingReader } from './recordingReader';

export interface FragmentedChunk {
  kind: 'init' | 'media';
  /** Bytes to send in order (frame payloads are not copied into one buffer). */
  parts: Uint8Array[];
  frames: number;
  sampleBytes: number;
}

/** A segment never holds more than this many frames, even with a very long GOP. */
const MAX_SEGMENT_FRAMES = 300;

/**
 * A planned range as a fragmented MP4 stream: an init segment, then one media segment per
 * GOP. Decode times are wall time minus `origin90k` (the first frame by default), so a gap
 * shows as a jump of the next segment's tfdt. When the parameter sets change, a new init
 * segment comes before the segment that needs it (MSE accepts that; a file demuxer may not).
 */
export async function* fragmentedMp4(
  reader: RecordingReader,
  plan: RangePlan,
  o: { signal?: AbortSignal; origin90k?: Time90k } = {},
): AsyncGenerator<FragmentedChunk> {
  const origin = o.origin90k ?? plan.start90k ?? plan.from90k;
  let sequenceNumber = 1;
  let paramsId: number | undefined;
  let pending: RecordedFrame[] = [];
  const segment = (): FragmentedChunk => {
    const frames = pending;
    pending = [];
    return {
      kind: 'media',
      parts: buildMediaSegment({ sequenceNumber: sequenceNumber++, baseMediaDecodeTime90k: frames[0]!.time90k - origin, samples: frames }),
      frames: frames.length,
      sampleBytes: frames.reduce((n, f) => n + f.data.length, 0),
    };
  };
  for await (const item of reader.read(plan, { signal: o.signal })) {
    if (item.kind !== 'frame') continue;
    const paramsChange = item.videoParamsId !== paramsId;
    if (pending.length > 0 && (item.isKey || paramsChange || pending.length >= MAX_SEGMENT_FRAMES)) yield segment();
    if (paramsChange) {
      paramsId = item.videoParamsId;
      yield { kind: 'init', parts: [buildInitSegment(item.params, { creationTime90k: origin })], frames: 0, sampleBytes: 0 };
    }
    pending.push(item);
  }
  if (pending.length > 0) yield segment();
}
