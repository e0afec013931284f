import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isVmsError } from '../../base/common/errors';
import { BitReader, BitWriter, unescapeRbsp } from './bitReader';

describe('BitReader', () => {
  it('round-trips exp-Golomb codes and fixed-width fields', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.record({ kind: fc.constant('ue' as const), v: fc.nat(2 ** 31 - 2) }),
            fc.record({ kind: fc.constant('se' as const), v: fc.integer({ min: -(2 ** 30), max: 2 ** 30 }) }),
            fc.record({ kind: fc.constant('bits' as const), v: fc.nat(2 ** 20 - 1) }),
          ),
        ),
        (items) => {
          const w = new BitWriter();
          for (const it of items) {
            if (it.kind === 'ue') w.writeUE(it.v);
            else if (it.kind === 'se') w.writeSE(it.v);
            else w.writeBits(it.v, 20);
          }
          const r = new BitReader(w.finish());
          for (const it of items) {
            const got = it.kind === 'ue' ? r.readUE() : it.kind === 'se' ? r.readSE() : r.readBits(20);
            expect(got).toBe(it.v);
          }
        },
      ),
    );
  });

  it('throws a VmsError, never garbage, when reading past the end', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 8 }), (bytes) => {
        const r = new BitReader(bytes);
        try {
          for (;;) r.readUE();
        } catch (e) {
          expect(isVmsError(e, 'VMS_ERR_DATA_CORRUPT')).toBe(true);
        }
      }),
    );
  });

  it('removes emulation prevention bytes', () => {
    expect([...unescapeRbsp(Uint8Array.of(1, 0, 0, 3, 1, 0, 0, 3, 0, 3))]).toEqual([1, 0, 0, 1, 0, 0, 0, 3]);
    const plain = Uint8Array.of(1, 2, 3);
    expect(unescapeRbsp(plain)).toBe(plain);
  });

  it('reads signed code 0 as +0 (found by the property test above)', () => {
    expect(Object.is(new BitReader(Uint8Array.from([0x80])).readSE(), 0)).toBe(true);
  });
});
