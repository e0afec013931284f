import { describe, expect, it } from 'vitest';
import { isInitSegment, mimeTypeOfInit } from './fmp4Info';

function box(type: string, ...children: Uint8Array[]): Uint8Array {
  const size = 8 + children.reduce((n, c) => n + c.length, 0);
  const out = new Uint8Array(size);
  new DataView(out.buffer).setUint32(0, size);
  out.set([...type].map((c) => c.charCodeAt(0)), 4);
  let at = 8;
  for (const c of children) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

const bytes = (...b: number[]) => new Uint8Array(b);

/** ftyp + moov down to one sample entry, as vms-core's init segment lays it out. */
function initSegment(entry: string, config: Uint8Array): Uint8Array {
  const sampleEntry = box(entry, new Uint8Array(78), config);
  const stsd = box('stsd', bytes(0, 0, 0, 0, 0, 0, 0, 1), sampleEntry);
  const moov = box('moov', box('mvhd', new Uint8Array(100)), box('trak', box('tkhd', new Uint8Array(84)), box('mdia', box('minf', box('stbl', stsd)))));
  return new Uint8Array([...box('ftyp', bytes(0x69, 0x73, 0x6f, 0x35, 0, 0, 0, 0)), ...moov]);
}

describe('mimeTypeOfInit', () => {
  it('names an H.264 stream by its avcC profile, compatibility and level', () => {
    const avcC = box('avcC', bytes(1, 0x64, 0x00, 0x1f, 0xff, 0xe0, 0));
    expect(mimeTypeOfInit(initSegment('avc1', avcC))).toBe('video/mp4; codecs="avc1.64001f"');
  });

  it('names an H.265 stream the way RFC 6381 and Chromium expect', () => {
    // Main profile, compatible with Main and Main 10, progressive source, level 3.1.
    const hvcC = box('hvcC', bytes(1, 0x01, 0x60, 0, 0, 0, 0xb0, 0, 0, 0, 0, 0, 93, 0xf0, 0));
    expect(mimeTypeOfInit(initSegment('hvc1', hvcC))).toBe('video/mp4; codecs="hvc1.1.6.L93.B0"');
  });

  it('answers undefined for bytes without a video sample entry', () => {
    expect(mimeTypeOfInit(initSegment('mp4a', box('esds', bytes(0))))).toBeUndefined();
    expect(mimeTypeOfInit(box('moof', box('mfhd', new Uint8Array(8))))).toBeUndefined();
    expect(mimeTypeOfInit(bytes(0, 0, 0, 99, 0x6d, 0x6f, 0x6f, 0x76))).toBeUndefined();
  });
});

describe('isInitSegment', () => {
  it('tells init segments from media segments', () => {
    expect(isInitSegment(initSegment('avc1', box('avcC', bytes(1, 0x42, 0, 0x1e))))).toBe(true);
    expect(isInitSegment(box('moof', box('mfhd', new Uint8Array(8))))).toBe(false);
    expect(isInitSegment(bytes(1, 2, 3))).toBe(false);
  });
});
