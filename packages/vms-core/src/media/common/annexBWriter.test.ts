import { describe, expect, it } from 'vitest';
import { isVmsError } from '../../base/common/errors';
import { splitAnnexB } from './annexB';
import { accessUnitDelimiter, frameToAnnexB, parameterSetNals, splitLengthPrefixed } from './annexBWriter';
import type { VideoFrame, VideoParameters } from './types';

const sps = Uint8Array.of(0x67, 0x64, 0x00, 0x1f, 0xac);
const pps = Uint8Array.of(0x68, 0xee, 0x3c, 0x80);
const params: VideoParameters = { codec: 'h264', width: 320, height: 180, rfc6381: 'avc1.64001f', sps: [sps], pps: [pps] };

function lengthPrefixed(nals: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(nals.reduce((n, x) => n + 4 + x.length, 0));
  const view = new DataView(out.buffer);
  let o = 0;
  for (const nal of nals) {
    view.setUint32(o, nal.length);
    out.set(nal, o + 4);
    o += 4 + nal.length;
  }
  return out;
}

const idr = Uint8Array.of(0x65, 0x88, 0x84, 0x00, 0x10);
const sei = Uint8Array.of(0x06, 0x05, 0x01, 0xff, 0x80);
const frame: VideoFrame = { time90k: 0, isKey: true, data: lengthPrefixed([sei, idr]), params };

describe('frameToAnnexB', () => {
  it('writes the NALs with start codes, round-tripping through splitAnnexB', () => {
    const out = frameToAnnexB(frame);
    expect(Array.from(out.subarray(0, 4))).toEqual([0, 0, 0, 1]);
    expect(splitAnnexB(out)).toEqual([sei, idr]);
  });

  it('prepends parameter sets and appends an access unit delimiter on request', () => {
    const out = frameToAnnexB(frame, { withParameterSets: true, trailingDelimiter: true });
    expect(splitAnnexB(out)).toEqual([sps, pps, sei, idr, accessUnitDelimiter('h264')]);
  });

  it('orders H.265 parameter sets VPS, SPS, PPS', () => {
    const vps = Uint8Array.of(0x40, 0x01, 0x0c);
    const hsps = Uint8Array.of(0x42, 0x01, 0x01);
    const hpps = Uint8Array.of(0x44, 0x01, 0xc1);
    const h265: VideoParameters = { ...params, codec: 'h265', vps: [vps], sps: [hsps], pps: [hpps] };
    expect(parameterSetNals(h265)).toEqual([vps, hsps, hpps]);
    // nal_unit_type 35 (AUD) in the H.265 two-byte header.
    expect((accessUnitDelimiter('h265')[0]! >> 1) & 0x3f).toBe(35);
    expect(accessUnitDelimiter('h264')[0]! & 0x1f).toBe(9);
  });
});

describe('splitLengthPrefixed', () => {
  it('returns views into the sample', () => {
    const nals = splitLengthPrefixed(frame.data);
    expect(nals).toEqual([sei, idr]);
    expect(nals[0]!.buffer).toBe(frame.data.buffer);
  });

  it('handles a sample that is a view at an offset', () => {
    const data = frame.data;
    const padded = new Uint8Array(data.length + 3);
    padded.set(data, 3);
    expect(splitLengthPrefixed(padded.subarray(3))).toEqual([sei, idr]);
  });

  it.each([
    ['a length past the end', Uint8Array.of(0, 0, 0, 9, 0x65, 0x88)],
    ['a truncated length', Uint8Array.of(0, 0, 0, 2, 0x65, 0x88, 0, 0)],
    ['a zero length', Uint8Array.of(0, 0, 0, 0)],
  ])('rejects %s as corrupt data', (_name, data) => {
    let error: unknown;
    try {
      splitLengthPrefixed(data);
    } catch (e) {
      error = e;
    }
    expect(isVmsError(error, 'VMS_ERR_DATA_CORRUPT')).toBe(true);
  });
});
