import { describe, expect, it } from 'vitest';
import { AccessUnitAssembler } from './accessUnitAssembler';
import { H264_PPS, H264_VECTORS, H265_PPS, H265_VECTORS, hex } from './testVectors';
import type { VideoFrame } from './types';

const SPS720 = hex(H264_VECTORS[0]!.sps);
const SPS1080 = hex(H264_VECTORS[1]!.sps);
const PPS = hex(H264_PPS);
/** Slices with first_mb_in_slice = 0 (bit 0x80 of the byte after the header). */
const idr = Uint8Array.of(0x65, 0x88, 1, 2);
const pSlice = Uint8Array.of(0x41, 0x9a, 3);
const pSecondSlice = Uint8Array.of(0x41, 0x40, 4); // first_mb_in_slice != 0

function assembler(options = { splitOnTimestamp: true }) {
  const frames: VideoFrame[] = [];
  const a = new AccessUnitAssembler('h264', (f) => frames.push(f), options);
  return { a, frames };
}

describe('AccessUnitAssembler (H.264, RTP style)', () => {
  it('emits length-prefixed frames without parameter sets, from the first key frame', () => {
    const { a, frames } = assembler();
    a.push(pSlice, 0);
    a.end(); // before any key frame: dropped
    for (const nal of [SPS720, PPS, idr]) a.push(nal, 3600);
    a.end();
    a.push(pSlice, 7200);
    a.push(pSecondSlice, 7200);
    a.end();
    expect(frames.map((f) => [f.time90k, f.isKey])).toEqual([[3600, true], [7200, false]]);
    expect([...frames[0]!.data]).toEqual([0, 0, 0, 4, ...idr]);
    expect([...frames[1]!.data]).toEqual([0, 0, 0, 3, ...pSlice, 0, 0, 0, 3, ...pSecondSlice]);
    expect(frames[0]!.params).toMatchObject({ codec: 'h264', width: 1280, height: 720, rfc6381: 'avc1.64001F' });
    expect(frames[1]!.params).toBe(frames[0]!.params);
    expect(a.stats.dropped).toBe(1);
  });

  it('keeps the params object while parameter sets repeat, and replaces it when they change', () => {
    const { a, frames } = assembler();
    for (let i = 0; i < 3; i++) {
      for (const nal of [SPS720, PPS, idr]) a.push(nal, i * 3600);
      a.end();
    }
    for (const nal of [SPS1080, PPS, idr]) a.push(nal, 4 * 3600);
    a.end();
    expect(frames[1]!.params).toBe(frames[0]!.params);
    expect(frames[2]!.params).toBe(frames[0]!.params);
    expect(frames[3]!.params).not.toBe(frames[0]!.params);
    expect(frames[3]!.params).toMatchObject({ width: 1920, height: 1080 });
  });

  it('splits on timestamp changes when the marker bit is missing', () => {
    const { a, frames } = assembler();
    a.setParameterSets([SPS720, PPS]);
    a.push(idr, 0);
    a.push(pSlice, 3600);
    a.end();
    expect(frames.map((f) => f.time90k)).toEqual([0, 3600]);
  });

  it('after discard() waits for the next key frame', () => {
    const { a, frames } = assembler();
    a.setParameterSets([SPS720, PPS]);
    a.push(idr, 0);
    a.end();
    a.push(pSlice, 3600);
    a.discard();
    a.push(pSlice, 7200);
    a.end();
    a.push(idr, 10800);
    a.end();
    expect(frames.map((f) => f.time90k)).toEqual([0, 10800]);
  });

  it('finds picture boundaries in an Annex B stream', () => {
    const { a, frames } = assembler({ splitOnTimestamp: false });
    const aud = Uint8Array.of(0x09, 0xf0);
    for (const nal of [aud, SPS720, PPS, idr, aud, pSlice, pSecondSlice, pSlice]) a.push(nal, 1);
    a.end();
    expect(frames.map((f) => [f.isKey, f.data.length])).toEqual([[true, 8], [false, 14], [false, 7]]);
  });

  it('drops frames while the SPS is unparseable', () => {
    const { a, frames } = assembler();
    a.setParameterSets([Uint8Array.of(0x67, 0x64), PPS]);
    a.push(idr, 0);
    a.end();
    expect(frames).toEqual([]);
    expect(a.stats.badParameterSets).toBe(1);
  });
});

describe('AccessUnitAssembler (H.265)', () => {
  it('needs VPS, SPS and PPS and treats IRAP pictures as key frames', () => {
    const frames: VideoFrame[] = [];
    const a = new AccessUnitAssembler('h265', (f) => frames.push(f));
    const v = H265_VECTORS[0]!;
    a.setParameterSets([hex(v.vps), hex(v.sps), hex(H265_PPS)]);
    const cra = Uint8Array.of(21 << 1, 1, 0x80, 5); // CRA_NUT
    const trail = Uint8Array.of(1 << 1, 1, 0x80, 6); // TRAIL_R
    a.push(cra, 0);
    a.end();
    a.push(trail, 3600);
    a.end();
    expect(frames.map((f) => f.isKey)).toEqual([true, false]);
    expect(frames[0]!.params).toMatchObject({ codec: 'h265', width: 1280, height: 720 });
    expect(frames[0]!.params.vps).toHaveLength(1);
  });
});
