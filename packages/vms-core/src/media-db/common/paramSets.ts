import type { VideoParameters } from '../../media/common/types';

/** Serializes parameter sets for the video_params table: three u8 counts, then u16-length NALs. */
export function encodeParamSets(p: VideoParameters): Uint8Array {
  const groups = [p.vps ?? [], p.sps, p.pps];
  let size = 3;
  for (const g of groups) for (const n of g) size += 2 + n.length;
  const out = new Uint8Array(size);
  let o = 3;
  groups.forEach((g, i) => {
    out[i] = g.length;
    for (const n of g) {
      out[o++] = n.length >> 8;
      out[o++] = n.length & 0xff;
      out.set(n, o);
      o += n.length;
    }
  });
  return out;
}

export function decodeParamSets(b: Uint8Array): { vps: Uint8Array[]; sps: Uint8Array[]; pps: Uint8Array[] } {
  const groups: Uint8Array[][] = [[], [], []];
  let o = 3;
  for (let g = 0; g < 3; g++) {
    for (let i = 0; i < (b[g] ?? 0); i++) {
      const len = ((b[o] ?? 0) << 8) | (b[o + 1] ?? 0);
      groups[g]!.push(b.slice(o + 2, o + 2 + len));
      o += 2 + len;
    }
  }
  return { vps: groups[0]!, sps: groups[1]!, pps: groups[2]! };
}
