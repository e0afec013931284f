import type { Time90k, VideoParameters } from '../../../media/common/types';
import { ByteWriter, mdatHeader } from './boxes';
import { writeFtyp, writeMoov, writeStartDate } from './movie';

export interface ProgressiveSample {
  duration90k: number;
  /** Bytes of the sample as it will be written into the mdat. */
  size: number;
  isKey: boolean;
  /** 1-based index into the descriptions. */
  descriptionIndex: number;
  /** Starts a new chunk (e.g. at each recording); a description change always does. */
  newChunk?: boolean;
}

export interface ProgressiveMp4Plan {
  /** ftyp + moov + mdat header: write this, then every sample's bytes in order. */
  header: Uint8Array;
  payloadBytes: number;
  totalBytes: number;
  duration90k: number;
}

/**
 * Plans a non-fragmented MP4 (ftyp, moov, mdat) from sample sizes known in advance — the
 * media index gives them without reading a frame — so the moov comes first and the frames
 * can then be streamed straight from the frame files, never holding the file in memory.
 * Chunk offsets switch to co64 only when the file passes 4 GiB.
 */
export function planProgressiveMp4(o: {
  samples: readonly ProgressiveSample[];
  descriptions: readonly VideoParameters[];
  creationTime90k?: Time90k;
}): ProgressiveMp4Plan {
  if (o.samples.length === 0) throw new RangeError('an MP4 needs at least one sample');
  const chunks = chunkLayout(o.samples);
  const payloadBytes = o.samples.reduce((n, s) => n + s.size, 0);
  const duration90k = o.samples.reduce((n, s) => n + s.duration90k, 0);
  const build = (base: number, co64: boolean) => buildHeader(o, chunks, duration90k, payloadBytes, base, co64);
  // The header's size does not depend on the offsets' values, only on their width.
  let co64 = false;
  let header = build(0, co64);
  if (header.length + payloadBytes > 0xffffffff) {
    co64 = true;
    header = build(0, co64);
  }
  header = build(header.length, co64);
  return { header, payloadBytes, totalBytes: header.length + payloadBytes, duration90k };
}

interface Chunk {
  /** Offset of the chunk's first sample from the start of the mdat payload. */
  offset: number;
  samples: number;
  descriptionIndex: number;
}

function chunkLayout(samples: readonly ProgressiveSample[]): Chunk[] {
  const chunks: Chunk[] = [];
  let offset = 0;
  for (const s of samples) {
    const last = chunks.at(-1);
    if (!last || s.newChunk || s.descriptionIndex !== last.descriptionIndex) {
      chunks.push({ offset, samples: 1, descriptionIndex: s.descriptionIndex });
    } else {
      last.samples++;
    }
    offset += s.size;
  }
  return chunks;
}

function buildHeader(
  o: Parameters<typeof planProgressiveMp4>[0],
  chunks: readonly Chunk[],
  duration90k: number,
  payloadBytes: number,
  /** Offset of the first payload byte: the header's own length (mdat header included). */
  payloadStart: number,
  co64: boolean,
): Uint8Array {
  const w = new ByteWriter(1024 + o.samples.length * 12 + chunks.length * 20);
  writeFtyp(w, 'isom', ['isom', 'iso2', o.descriptions[0]?.codec === 'h265' ? 'hvc1' : 'avc1', 'mp41']);
  writeMoov(w, {
    descriptions: o.descriptions,
    duration90k,
    creationTime90k: o.creationTime90k,
    trailer: () => writeStartDate(w, o.creationTime90k),
    sampleTables: () => {
      const stts = runLengths(o.samples.map((s) => s.duration90k));
      w.fullBox('stts', 0, 0, () => {
        w.u32(stts.length);
        for (const [count, delta] of stts) w.u32(count).u32(delta);
      });
      // Without stss every sample is a sync sample, so it is written only when some are not.
      if (o.samples.some((s) => !s.isKey)) {
        const keys: number[] = [];
        o.samples.forEach((s, i) => s.isKey && keys.push(i + 1));
        w.fullBox('stss', 0, 0, () => {
          w.u32(keys.length);
          for (const k of keys) w.u32(k);
        });
      }
      w.fullBox('stsz', 0, 0, () => {
        w.u32(0).u32(o.samples.length);
        for (const s of o.samples) w.u32(s.size);
      });
      w.fullBox('stsc', 0, 0, () => {
        const entries = chunks
          .map((c, i) => ({ first: i + 1, samples: c.samples, description: c.descriptionIndex }))
          .filter((e, i, all) => i === 0 || e.samples !== all[i - 1]!.samples || e.description !== all[i - 1]!.description);
        w.u32(entries.length);
        for (const e of entries) w.u32(e.first).u32(e.samples).u32(e.description);
      });
      w.fullBox(co64 ? 'co64' : 'stco', 0, 0, () => {
        w.u32(chunks.length);
        for (const c of chunks) {
          if (co64) w.u64(payloadStart + c.offset);
          else w.u32(payloadStart + c.offset);
        }
      });
    },
  });
  w.bytes(mdatHeader(payloadBytes));
  return w.finish();
}

function runLengths(values: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const v of values) {
    const last = out.at(-1);
    if (last && last[1] === v) last[0]++;
    else out.push([1, v]);
  }
  return out;
}
