/**
 * Plain JavaScript for the benchmark pages (run in Chromium, not compiled): fMP4 box parsing
 * and the payload hash the Node side computes too (fnv1aKey), so a frame can be recognised on
 * both sides of the wire without changing what the server sends.
 */
export const PAGE_HELPERS = String.raw`
const fnvKey = (u8) => {
  let h = 0x811c9dc5;
  for (let i = 0; i < u8.length; i++) { h ^= u8[i]; h = Math.imul(h, 0x01000193); }
  return (h >>> 0).toString(16) + ':' + u8.length;
};
/** Top-level and moof/traf boxes of an fMP4 message: tfdt (decode time) and the mdat payload. */
const parseFmp4 = (u8) => {
  const dv = new DataView(u8.buffer, u8.byteOffset, u8.byteLength);
  const out = { tfdt: undefined, payload: undefined, avcC: undefined };
  const walk = (start, end) => {
    for (let p = start; p + 8 <= end;) {
      let size = dv.getUint32(p);
      const type = String.fromCharCode(u8[p + 4], u8[p + 5], u8[p + 6], u8[p + 7]);
      let header = 8;
      if (size === 1) { size = Number(dv.getBigUint64(p + 8)); header = 16; } else if (size === 0) size = end - p;
      if (size < header) return;
      if (type === 'moof' || type === 'traf' || type === 'moov' || type === 'trak' || type === 'mdia' || type === 'minf' || type === 'stbl') walk(p + header, p + size);
      else if (type === 'stsd') walk(p + header + 8, p + size);
      else if (type === 'avc1') walk(p + header + 78, p + size);
      else if (type === 'avcC') out.avcC = u8.subarray(p + header, p + size);
      else if (type === 'tfdt') out.tfdt = u8[p + 8] === 1 ? Number(dv.getBigUint64(p + 12)) : dv.getUint32(p + 12);
      else if (type === 'mdat') out.payload = u8.subarray(p + header, p + size);
      p += size;
    }
  };
  walk(0, u8.length);
  return out;
};
const hex2 = (n) => n.toString(16).padStart(2, '0');
/** The MSE type of an init segment, from its avcC (profile, constraints, level). */
const mimeOfInit = (u8) => {
  const { avcC } = parseFmp4(u8);
  if (!avcC) return undefined;
  return 'video/mp4; codecs="avc1.' + hex2(avcC[1]) + hex2(avcC[2]) + hex2(avcC[3]) + '"';
};
/** Wall clock (ms since the epoch) minus performance.timeOrigin + performance.now(), sampled. */
const clockOffsets = [];
setInterval(() => clockOffsets.push(Date.now() - (performance.timeOrigin + performance.now())), 250);
`;

/** The same hash as the page's fnvKey. */
export function fnv1aKey(data: Uint8Array): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < data.length; i++) {
    h ^= data[i]!;
    h = Math.imul(h, 0x01000193);
  }
  return `${(h >>> 0).toString(16)}:${data.length}`;
}
