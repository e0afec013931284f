import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VmsError } from '../../../base/common/errors';
import { TimestampUnwrapper, buildRtpPacket, findRtcpSenderReport, parseRtpPacket, sequenceDelta } from './rtp';

describe('RTP', () => {
  it('round-trips headers with CSRCs, extension and padding', () => {
    fc.assert(
      fc.property(
        fc.record({
          marker: fc.boolean(),
          payloadType: fc.integer({ min: 0, max: 127 }),
          sequence: fc.integer({ min: 0, max: 0xffff }),
          timestamp: fc.integer({ min: 0, max: 0xffffffff }),
          ssrc: fc.integer({ min: 0, max: 0xffffffff }),
          csrcs: fc.array(fc.integer({ min: 0, max: 0xffffffff }), { maxLength: 15 }),
          extension: fc.option(fc.record({ profile: fc.integer({ min: 0, max: 0xffff }), words: fc.integer({ min: 0, max: 4 }) }), { nil: undefined }),
          padding: fc.integer({ min: 0, max: 20 }),
          payload: fc.uint8Array({ maxLength: 100 }),
        }),
        (p) => {
          const got = parseRtpPacket(buildRtpPacket(p));
          expect(got).toMatchObject({ marker: p.marker, payloadType: p.payloadType, sequence: p.sequence, timestamp: p.timestamp, ssrc: p.ssrc, csrcCount: p.csrcs.length });
          expect(got.extensionProfile).toBe(p.extension?.profile);
          expect([...got.payload]).toEqual([...p.payload]);
        },
      ),
    );
  });

  it('throws only VmsError on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        try {
          const p = parseRtpPacket(bytes);
          expect(p.payload.byteOffset + p.payload.length).toBeLessThanOrEqual(bytes.byteOffset + bytes.length);
        } catch (e) {
          expect(e).toBeInstanceOf(VmsError);
        }
        findRtcpSenderReport(bytes);
      }),
      { numRuns: 3000 },
    );
  });

  it('unwraps timestamps across 2^32', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.array(fc.integer({ min: -100000, max: 3_000_000 }), { maxLength: 50 }), (start, steps) => {
        const u = new TimestampUnwrapper();
        let t = start;
        expect(u.unwrap(start)).toBe(start);
        for (const s of steps) {
          t += s;
          expect(u.unwrap(((t % 2 ** 32) + 2 ** 32) % 2 ** 32)).toBe(t);
        }
      }),
    );
  });

  it('measures sequence gaps modulo 2^16', () => {
    expect(sequenceDelta(65535, 0)).toBe(1);
    expect(sequenceDelta(0, 65535)).toBe(-1);
    expect(sequenceDelta(10, 15)).toBe(5);
  });

  it('reads the NTP time of a sender report', () => {
    const sr = new Uint8Array(28);
    const v = new DataView(sr.buffer);
    sr[0] = 0x80;
    sr[1] = 200;
    v.setUint16(2, 6);
    v.setUint32(4, 42);
    v.setUint32(8, 2208988800 + 1_700_000_000);
    v.setUint32(12, 2 ** 31);
    v.setUint32(16, 12345);
    expect(findRtcpSenderReport(sr)).toEqual({ ssrc: 42, ntpUnixMs: 1_700_000_000_500, rtpTimestamp: 12345 });
  });
});
