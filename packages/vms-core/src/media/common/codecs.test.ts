import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VmsError } from '../../base/common/errors';
import { h264Rfc6381, parseH264Sps } from './h264';
import { h265Rfc6381, parseH265Sps } from './h265';
import { H264_VECTORS, H265_VECTORS, hex } from './testVectors';

describe('H.264 SPS', () => {
  it.each(H264_VECTORS)('parses $width x $height ($rfc6381)', (v) => {
    const sps = hex(v.sps);
    expect(parseH264Sps(sps)).toMatchObject({ width: v.width, height: v.height });
    expect(h264Rfc6381(sps)).toBe(v.rfc6381);
  });
});

describe('H.265 SPS', () => {
  it.each(H265_VECTORS)('parses $width x $height', (v) => {
    const info = parseH265Sps(hex(v.sps));
    expect(info).toMatchObject({ width: v.width, height: v.height, profileIdc: 1 });
    expect(h265Rfc6381(info)).toBe(`hvc1.1.6.L${info.levelIdc}.90`);
  });
});

describe('SPS parsers on hostile input', () => {
  const vectors = [...H264_VECTORS.map((v) => ({ codec: 'h264', sps: v.sps })), ...H265_VECTORS.map((v) => ({ codec: 'h265', sps: v.sps }))];
  it('throw only VmsError for random and mutated SPS', () => {
    const mutated = fc
      .tuple(fc.constantFrom(...vectors), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }), fc.nat())
      .map(([v, edits, cut]) => {
        const bytes = hex(v.sps);
        for (const [pos, val] of edits) bytes[1 + (pos % (bytes.length - 1))] = val;
        return { codec: v.codec, bytes: bytes.subarray(0, Math.max(1, bytes.length - (cut % 8))) };
      });
    const random = fc.record({ codec: fc.constantFrom('h264', 'h265'), bytes: fc.uint8Array({ maxLength: 64 }) });
    fc.assert(
      fc.property(fc.oneof(mutated, random), ({ codec, bytes }) => {
        try {
          const info = codec === 'h264' ? parseH264Sps(bytes) : parseH265Sps(bytes);
          expect(info.width).toBeGreaterThan(0);
          expect(info.height).toBeGreaterThan(0);
        } catch (e) {
          expect(e).toBeInstanceOf(VmsError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
