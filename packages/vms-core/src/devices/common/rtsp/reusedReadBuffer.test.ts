import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AccessUnitAssembler } from '../../../media/common/accessUnitAssembler';
import { H264_PPS, H264_VECTORS, H265_PPS, H265_VECTORS, hex } from '../../../media/common/testVectors';
import type { VideoCodec, VideoFrame } from '../../../media/common/types';
import { H264Depacketizer } from './h264Depacketizer';
import { H265Depacketizer } from './h265Depacketizer';
import { buildRtpPacket, parseRtpPacket } from './rtp';
import { RtspReader, formatInterleaved } from './rtspMessage';
import { toRtpPackets } from './testPacketizer';

/**
 * RtspConnection reads every chunk into one reused buffer (Node's `onread`), so nothing on the
 * way from the reader to a VideoFrame may keep a view into a chunk. Here every chunk is read
 * into one buffer that is scribbled over after each push: a kept view shows up as wrong bytes.
 */
const PARAMS: Record<VideoCodec, Uint8Array[]> = {
  h264: [hex(H264_VECTORS[0]!.sps), hex(H264_PPS)],
  h265: [hex(H265_VECTORS[0]!.vps), hex(H265_VECTORS[0]!.sps), hex(H265_PPS)],
};

function slice(codec: VideoCodec, key: boolean, first: boolean, size: number, seed: number): Uint8Array {
  const h = codec === 'h264' ? 1 : 2;
  const nal = new Uint8Array(h + 1 + size);
  for (let j = h + 1; j < nal.length; j++) nal[j] = (seed * 31 + j * 7) & 0xff;
  if (codec === 'h264') nal[0] = key ? 0x65 : 0x41;
  else {
    nal[0] = (key ? 19 : 1) << 1;
    nal[1] = 1;
  }
  nal[h] = first ? 0x80 : 0x40;
  return nal;
}

function sample(nals: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(nals.reduce((n, x) => n + 4 + x.length, 0));
  const view = new DataView(out.buffer);
  let o = 0;
  for (const n of nals) {
    view.setUint32(o, n.length);
    out.set(n, o + 4);
    o += 4 + n.length;
  }
  return out;
}

describe.each(['h264', 'h265'] as const)('%s from a reused read buffer', (codec) => {
  it('frames keep their bytes when the read buffer is overwritten after every chunk', () => {
    const pictures = fc.array(fc.array(fc.integer({ min: 1, max: 4000 }), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(pictures, fc.integer({ min: 200, max: 1400 }), fc.array(fc.integer({ min: 1, max: 9000 }), { minLength: 1, maxLength: 20 }), (sizes, mtu, cuts) => {
        const pics = sizes.map((slices, i) => {
          const key = i === 0;
          const vcl = slices.map((size, k) => slice(codec, key, k === 0, size, i * 10 + k));
          return { nals: [...(key ? PARAMS[codec] : []), ...vcl], vcl, timestamp: 1000 + i * 3600 };
        });
        const wire = toRtpPackets(pics, codec, mtu, true).map((p) =>
          formatInterleaved(0, buildRtpPacket({ payloadType: 96, sequence: p.sequence, timestamp: p.timestamp, ssrc: p.ssrc, marker: p.marker, payload: p.payload })),
        );
        const bytes = new Uint8Array(wire.reduce((n, w) => n + w.length, 0));
        wire.reduce((o, w) => (bytes.set(w, o), o + w.length), 0);

        const frames: VideoFrame[] = [];
        const assembler = new AccessUnitAssembler(codec, (f) => frames.push(f));
        const depacketizer = codec === 'h264' ? new H264Depacketizer(assembler) : new H265Depacketizer(assembler);
        const reader = new RtspReader({ onMessage: () => {}, onData: (_ch, payload) => depacketizer.push(parseRtpPacket(payload), 0) });
        const readBuffer = new Uint8Array(9000);
        let off = 0;
        for (let i = 0; off < bytes.length; i++) {
          const n = Math.min(cuts[i % cuts.length]!, bytes.length - off);
          readBuffer.set(bytes.subarray(off, off + n));
          reader.push(readBuffer.subarray(0, n));
          readBuffer.fill(0xee);
          off += n;
        }
        // Every picture but the last is ended by its marker bit; the last one too.
        expect(frames).toHaveLength(pics.length);
        frames.forEach((f, i) => expect(f.data).toEqual(sample(pics[i]!.vcl)));
      }),
      { numRuns: 40 },
    );
  });
});
