import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnnexBSplitter, joinAnnexB, splitAnnexB } from './annexB';

/** NAL bodies as an encoder would write them: no 00 00 0x runs, non-zero last byte. */
const nalArb = fc
  .uint8Array({ minLength: 1, maxLength: 200 })
  .map((b) => {
    const out = Uint8Array.from(b);
    for (let i = 2; i < out.length; i++) if (out[i - 2] === 0 && out[i - 1] === 0 && out[i]! <= 3) out[i] = 4;
    if (out[out.length - 1] === 0) out[out.length - 1] = 0x80;
    return out;
  });

describe('Annex B', () => {
  it('splits what it joined', () => {
    fc.assert(
      fc.property(fc.array(nalArb, { maxLength: 20 }), (nals) => {
        expect(splitAnnexB(joinAnnexB(nals)).map((n) => [...n])).toEqual(nals.map((n) => [...n]));
      }),
    );
  });

  it('gives the same NALs however the stream is chunked', () => {
    fc.assert(
      fc.property(fc.array(nalArb, { maxLength: 20 }), fc.array(fc.nat(300), { maxLength: 20 }), (nals, cuts) => {
        const stream = joinAnnexB(nals);
        const splitter = new AnnexBSplitter();
        const got: number[][] = [];
        let off = 0;
        for (const c of cuts) {
          const end = Math.min(stream.length, off + c);
          splitter.push(stream.subarray(off, end)).forEach((n) => got.push([...n]));
          off = end;
        }
        splitter.push(stream.subarray(off)).forEach((n) => got.push([...n]));
        splitter.flush().forEach((n) => got.push([...n]));
        expect(got).toEqual(nals.map((n) => [...n]));
      }),
    );
  });

  it('accepts 3-byte start codes and ignores leading junk', () => {
    const stream = Uint8Array.of(9, 9, 0, 0, 1, 0x67, 1, 0, 0, 0, 1, 0x68, 2, 0, 0, 1, 0x65, 3);
    expect(splitAnnexB(stream).map((n) => [...n])).toEqual([[0x67, 1], [0x68, 2], [0x65, 3]]);
  });

  it('never throws on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 500 }), (bytes) => {
        const s = new AnnexBSplitter();
        s.push(bytes);
        s.flush();
        splitAnnexB(bytes);
      }),
    );
  });
});
