import { ByteWriter, mdatHeader } from './boxes';
import { TRACK_ID } from './movie';

export interface SegmentSample {
  /** 90 kHz ticks until the next sample. */
  duration90k: number;
  isKey: boolean;
  /** The MP4 sample: 4-byte length-prefixed NAL units. */
  data: Uint8Array;
}

/** sample_depends_on = 2 (depends on no other sample). */
const SYNC_SAMPLE_FLAGS = 0x02000000;
/** sample_depends_on = 1 and sample_is_non_sync_sample. */
const NON_SYNC_SAMPLE_FLAGS = 0x01010000;

const TFHD_DEFAULT_BASE_IS_MOOF = 0x020000;
const TRUN_DATA_OFFSET = 0x000001;
const TRUN_SAMPLE_DURATION = 0x000100;
const TRUN_SAMPLE_SIZE = 0x000200;
const TRUN_SAMPLE_FLAGS = 0x000400;

/**
 * One media segment (moof + mdat) of the single video track. Returned as parts to write in
 * order — the moof with the mdat header, then the samples as they came — so frame payloads
 * are never copied. `baseMediaDecodeTime90k` is the first sample's time on the stream's
 * timeline (usually wall time minus the stream's origin), which is how gaps show: the
 * timeline of the next segment simply starts later.
 */
export function buildMediaSegment(o: {
  sequenceNumber: number;
  baseMediaDecodeTime90k: number;
  samples: readonly SegmentSample[];
}): Uint8Array[] {
  if (o.samples.length === 0) throw new RangeError('a media segment needs at least one sample');
  const w = new ByteWriter(64 + o.samples.length * 12);
  let dataOffsetAt = 0;
  w.box('moof', () => {
    w.fullBox('mfhd', 0, 0, () => w.u32(o.sequenceNumber));
    w.box('traf', () => {
      w.fullBox('tfhd', 0, TFHD_DEFAULT_BASE_IS_MOOF, () => w.u32(TRACK_ID));
      w.fullBox('tfdt', 1, 0, () => w.u64(o.baseMediaDecodeTime90k));
      const flags = TRUN_DATA_OFFSET | TRUN_SAMPLE_DURATION | TRUN_SAMPLE_SIZE | TRUN_SAMPLE_FLAGS;
      w.fullBox('trun', 0, flags, () => {
        w.u32(o.samples.length);
        dataOffsetAt = w.length;
        w.i32(0); // patched below, once the moof size is known
        for (const s of o.samples) {
          w.u32(s.duration90k).u32(s.data.length).u32(s.isKey ? SYNC_SAMPLE_FLAGS : NON_SYNC_SAMPLE_FLAGS);
        }
      });
    });
  });
  const payloadBytes = o.samples.reduce((n, s) => n + s.data.length, 0);
  const mdat = mdatHeader(payloadBytes);
  // The data offset is relative to the moof's first byte (default-base-is-moof).
  w.patchU32(dataOffsetAt, w.length + mdat.length);
  w.bytes(mdat);
  return [w.finish(), ...o.samples.map((s) => s.data)];
}
