import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VmsError, isVmsError } from '../../../base/common/errors';
import { RtspReader, formatInterleaved, formatRtspMessage } from './rtspMessage';
import type { RtspRequest, RtspResponse } from './rtspMessage';

type Item = { kind: 'data'; channel: number; payload: number[] } | RtspResponse | RtspRequest;

function reader(limits = {}) {
  const items: Item[] = [];
  const r = new RtspReader(
    { onMessage: (m) => items.push(m), onData: (channel, payload) => items.push({ kind: 'data', channel, payload: [...payload] }) },
    limits,
  );
  return { r, items };
}

const enc = (s: string) => new TextEncoder().encode(s);

const headerValue = fc.stringMatching(/^[!-~]([ -~]{0,30}[!-~])?$/);
const responseArb = fc.record({
  status: fc.integer({ min: 100, max: 599 }),
  reason: fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,20}$/),
  headers: fc.array(fc.tuple(fc.stringMatching(/^[A-Za-z][A-Za-z-]{0,15}$/), headerValue).filter(([k]) => k.toLowerCase() !== 'content-length'), { maxLength: 6 }),
  body: fc.uint8Array({ maxLength: 300 }),
});
const dataArb = fc.record({ channel: fc.integer({ min: 0, max: 255 }), payload: fc.uint8Array({ maxLength: 2000 }) });
const itemArb = fc.oneof(responseArb.map((r) => ({ kind: 'response' as const, ...r })), dataArb.map((d) => ({ kind: 'data' as const, ...d })));

type EncodedItem = typeof itemArb extends fc.Arbitrary<infer T> ? T : never;

function encode(item: EncodedItem): Uint8Array {
  return item.kind === 'data'
    ? formatInterleaved(item.channel, item.payload)
    : formatRtspMessage(`RTSP/1.0 ${item.status} ${item.reason}`, item.headers, item.body);
}

function chunks(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  let off = 0;
  for (const c of cuts) {
    out.push(bytes.subarray(off, Math.min(bytes.length, off + c)));
    off = Math.min(bytes.length, off + c);
  }
  out.push(bytes.subarray(off));
  return out;
}

describe('RtspReader', () => {
  it('parses a response with a body followed by interleaved data in one chunk', () => {
    const { r, items } = reader();
    const sdp = 'v=0\r\n';
    r.push(enc(`RTSP/1.0 200 OK\r\nCSeq: 2\r\nWWW-Authenticate: Basic realm="a"\r\nWWW-Authenticate: Digest realm="a"\r\nContent-Length: ${sdp.length}\r\n\r\n${sdp}$\x01\x00\x02ab`));
    expect(items).toHaveLength(2);
    const res = items[0] as RtspResponse;
    expect(res).toMatchObject({ kind: 'response', status: 200, reason: 'OK' });
    expect(res.headers.get('cseq')).toBe('2');
    expect(res.headers.getAll('www-authenticate')).toHaveLength(2);
    expect(new TextDecoder().decode(res.body)).toBe(sdp);
    expect(items[1]).toEqual({ kind: 'data', channel: 1, payload: [0x61, 0x62] });
  });

  it('parses server requests and skips stray line ends', () => {
    const { r, items } = reader();
    r.push(enc('\r\nGET_PARAMETER rtsp://x/ RTSP/1.0\r\nCSeq: 9\r\n\r\n'));
    expect(items[0]).toMatchObject({ kind: 'request', method: 'GET_PARAMETER', url: 'rtsp://x/' });
  });

  it('round-trips any sequence of items however it is chunked', () => {
    fc.assert(
      fc.property(fc.array(itemArb, { maxLength: 8 }), fc.array(fc.nat(700), { maxLength: 30 }), (list, cuts) => {
        const { r, items } = reader();
        const stream = concatAll(list.map(encode));
        for (const c of chunks(stream, cuts)) r.push(c);
        expect(items.length).toBe(list.length);
        list.forEach((want, i) => {
          const got = items[i]!;
          if (want.kind === 'data') expect(got).toEqual({ kind: 'data', channel: want.channel, payload: [...want.payload] });
          else {
            expect(got).toMatchObject({ kind: 'response', status: want.status, reason: want.reason });
            expect([...(got as RtspResponse).body]).toEqual([...want.body]);
            for (const [k, v] of want.headers) expect((got as RtspResponse).headers.getAll(k)).toContain(v);
          }
        });
      }),
    );
  });

  it('throws only VmsError on random or mutated input, and stays failed', () => {
    const mutated = fc.tuple(fc.array(itemArb, { minLength: 1, maxLength: 4 }), fc.array(fc.tuple(fc.nat(), fc.nat(255)), { maxLength: 8 })).map(([list, edits]) => {
      const bytes = Uint8Array.from(concatAll(list.map(encode)));
      for (const [pos, v] of edits) bytes[pos % bytes.length] = v;
      return bytes;
    });
    fc.assert(
      fc.property(fc.oneof(mutated, fc.uint8Array({ maxLength: 3000 })), fc.array(fc.nat(500), { maxLength: 10 }), (bytes, cuts) => {
        const { r } = reader({ maxHeaderBytes: 1024, maxBodyBytes: 4096, maxGarbageBytes: 512 });
        let failed: unknown;
        for (const c of chunks(bytes, cuts)) {
          try {
            r.push(c);
          } catch (e) {
            failed = e;
            break;
          }
        }
        if (failed) {
          expect(failed).toBeInstanceOf(VmsError);
          expect(() => r.push(Uint8Array.of(0x24))).toThrow(VmsError);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('enforces size limits with clear errors', () => {
    const { r } = reader({ maxHeaderBytes: 100 });
    expect(() => r.push(enc('RTSP/1.0 200 OK\r\nX: ' + 'a'.repeat(200)))).toThrow(/header too long/);
    const big = reader({ maxBodyBytes: 10 });
    expect(() => big.r.push(enc('RTSP/1.0 200 OK\r\nContent-Length: 11\r\n\r\n'))).toThrow(/exceeds limit/);
    const junk = reader({ maxGarbageBytes: 10 });
    let error: unknown;
    try {
      junk.r.push(new Uint8Array(20).fill(1));
    } catch (e) {
      error = e;
    }
    expect(isVmsError(error, 'VMS_ERR_DEVICE_PROTOCOL')).toBe(true);
  });
});

function concatAll(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
