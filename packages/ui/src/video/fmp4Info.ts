/**
 * What a playback client needs to know about fMP4 bytes without decoding them: whether they
 * start an init segment (after a seek, the first one marks the new position's data) and the MSE
 * type it declares (the playback socket sends no mime type, unlike the live one).
 * Box layout per ISO 14496-12; codec strings per ISO 14496-15 Annex E (RFC 6381).
 */

interface Box {
  type: string;
  /** Payload, after the size/type header. */
  body: DataView;
}

function* boxes(view: DataView): Generator<Box> {
  let at = 0;
  while (at + 8 <= view.byteLength) {
    let size = view.getUint32(at);
    const type = String.fromCharCode(view.getUint8(at + 4), view.getUint8(at + 5), view.getUint8(at + 6), view.getUint8(at + 7));
    let header = 8;
    if (size === 1) {
      if (at + 16 > view.byteLength) return;
      size = Number(view.getBigUint64(at + 8));
      header = 16;
    } else if (size === 0) {
      size = view.byteLength - at;
    }
    if (size < header || at + size > view.byteLength) return;
    yield { type, body: new DataView(view.buffer, view.byteOffset + at + header, size - header) };
    at += size;
  }
}

function child(view: DataView, type: string): DataView | undefined {
  for (const b of boxes(view)) if (b.type === type) return b.body;
  return undefined;
}

function path(view: DataView | undefined, ...types: string[]): DataView | undefined {
  let v = view;
  for (const t of types) v = v && child(v, t);
  return v;
}

function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

const hex2 = (n: number) => n.toString(16).padStart(2, '0');

/** Fixed part of a VisualSampleEntry before its child boxes (SampleEntry 8 + visual fields 70). */
const VISUAL_SAMPLE_ENTRY_BYTES = 78;

/** `video/mp4; codecs="avc1.64001f"` for an init segment's first video track, or undefined. */
export function mimeTypeOfInit(bytes: Uint8Array): string | undefined {
  const stsd = path(viewOf(bytes), 'moov', 'trak', 'mdia', 'minf', 'stbl', 'stsd');
  if (!stsd || stsd.byteLength < 8) return undefined;
  // stsd is a full box (4 bytes) with an entry count (4 bytes) before its entries.
  const entries = new DataView(stsd.buffer, stsd.byteOffset + 8, stsd.byteLength - 8);
  for (const entry of boxes(entries)) {
    if (entry.body.byteLength < VISUAL_SAMPLE_ENTRY_BYTES) continue;
    const children = new DataView(entry.body.buffer, entry.body.byteOffset + VISUAL_SAMPLE_ENTRY_BYTES, entry.body.byteLength - VISUAL_SAMPLE_ENTRY_BYTES);
    const codec = entry.type === 'avc1' || entry.type === 'avc3' ? avcCodec(entry.type, child(children, 'avcC'))
      : entry.type === 'hvc1' || entry.type === 'hev1' ? hevcCodec(entry.type, child(children, 'hvcC'))
        : undefined;
    if (codec) return `video/mp4; codecs="${codec}"`;
  }
  return undefined;
}

function avcCodec(type: string, avcC: DataView | undefined): string | undefined {
  if (!avcC || avcC.byteLength < 4) return undefined;
  return `${type}.${hex2(avcC.getUint8(1))}${hex2(avcC.getUint8(2))}${hex2(avcC.getUint8(3))}`;
}

function hevcCodec(type: string, hvcC: DataView | undefined): string | undefined {
  if (!hvcC || hvcC.byteLength < 13) return undefined;
  const b1 = hvcC.getUint8(1);
  const space = ['', 'A', 'B', 'C'][b1 >> 6]!;
  const tier = b1 & 0x20 ? 'H' : 'L';
  const profile = b1 & 0x1f;
  // The compatibility flags are written in reverse bit order, in hex without leading zeros.
  let compat = hvcC.getUint32(2);
  let reversed = 0;
  for (let i = 0; i < 32; i++) {
    reversed = (reversed << 1) | (compat & 1);
    compat >>>= 1;
  }
  const constraints: string[] = [];
  for (let i = 6; i < 12; i++) constraints.push(hvcC.getUint8(i).toString(16).toUpperCase());
  while (constraints.at(-1) === '0') constraints.pop();
  const level = hvcC.getUint8(12);
  return [`${type}.${space}${profile}`, (reversed >>> 0).toString(16), `${tier}${level}`, ...constraints].join('.');
}

/** Whether bytes start an init segment (ftyp or moov first) rather than a media segment (moof). */
export function isInitSegment(bytes: Uint8Array): boolean {
  if (bytes.byteLength < 8) return false;
  const type = String.fromCharCode(bytes[4]!, bytes[5]!, bytes[6]!, bytes[7]!);
  return type === 'ftyp' || type === 'moov';
}
