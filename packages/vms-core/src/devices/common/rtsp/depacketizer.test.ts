import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AccessUnitAssembler } from '../../../media/common/accessUnitAssembler';
import { H264_PPS, H264_VECTORS, H265_PPS, H265_VECTORS, hex } from '../../../media/common/testVectors';
import type { VideoCodec, VideoFrame } from '../../../media/common/types';
import { H264Depacketizer } from './h264Depacketizer';
import { H265Depacketizer } from './h265Depacketizer';
import { parseRtpPacket } from './rtp';
import type { RtpPacket } from './rtp';
import { toRtpPackets } from './testPacketizer';

function setup(codec: VideoCodec) {
  const frames: VideoFrame[] = [];
  const assembler = new AccessUnitAssembler(codec, (f) => frames.push(f));
  const depacketizer = codec === 'h264' ? new H264Depacketizer(assembler) : new H265Depacketizer(assembler);
  const push = (packets: RtpPacket[]) => packets.forEach((p) => depacketizer.push(p, p.timestamp));
  return { frames, depacketizer, assembler, push };
}

const PARAMS: Record<VideoCodec, Uint8Array[]> = {
  h264: [hex(H264_VECTORS[0]!.sps), hex(H264_PPS)],
  h265: [hex(H265_VECTORS[0]!.vps), hex(H265_VECTORS[0]!.sps), hex(H265_PPS)],
};

/** A picture of slice NALs: the first slice starts the picture; key pictures are IDR/IDR_W_RADL. */
function picture(codec: VideoCodec, key: boolean, sizes: number[], seed: number): Uint8Array[] {
  return sizes.map((size, i) => {
    const h = codec === 'h264' ? 1 : 2;
    const nal = new Uint8Array(h + 1 + size);
    for (let j = h + 1; j < nal.length; j++) nal[j] = (seed + j * 7) & 0xff;
    if (codec === 'h264') nal[0] = key ? 0x65 : 0x41;
    else {
      nal[0] = (key ? 19 : 1) << 1;
      nal[1] = 1;
    }
    nal[h] = i === 0 ? 0x80 : 0x40;
    return nal;
  });
}

const stream = (codec: VideoCodec) =>
  fc.array(fc.record({ key: fc.boolean(), sizes: fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 4 }) }), { minLength: 1, maxLength: 12 }).map((pics) =>
    pics.map((p, i) => ({ nals: [...(i === 0 || p.key ? PARAMS[codec] : []), ...picture(codec, i === 0 || p.key, p.sizes, i)], timestamp: 1000 + i * 3600, key: i === 0 || p.key })),
  );

describe.each(['h264', 'h265'] as const)('%s depacketizer', (codec) => {
  it('round-trips pictures through single, aggregated and fragmented packets', () => {
    fc.assert(
      fc.property(stream(codec), fc.integer({ min: 100, max: 1500 }), fc.boolean(), fc.integer({ min: 0, max: 0xffff }), (pics, mtu, aggregate, seq) => {
        const { frames, push, depacketizer } = setup(codec);
        push(toRtpPackets(pics, codec, mtu, aggregate, seq));
        expect(frames.length).toBe(pics.length);
        frames.forEach((f, i) => {
          const want = pics[i]!.nals.filter((n) => !PARAMS[codec].includes(n));
          const total = want.reduce((s, n) => s + 4 + n.length, 0);
          expect(f.data.length).toBe(total);
          expect(f.isKey).toBe(pics[i]!.key);
          expect(f.time90k).toBe(pics[i]!.timestamp);
        });
        expect(depacketizer.stats.lost + depacketizer.stats.malformed).toBe(0);
      }),
      { numRuns: 200 },
    );
  });

  it('drops the broken picture and waits for the next key frame after loss', () => {
    const { frames, push, depacketizer } = setup(codec);
    const pics = [true, false, false, true, false].map((key, i) => ({
      nals: [...(key ? PARAMS[codec] : []), ...picture(codec, key, [3000], i)],
      timestamp: i * 3600,
    }));
    const packets = toRtpPackets(pics, codec, 1000);
    // Lose the middle fragment of picture 1.
    const lost = packets.findIndex((p) => p.timestamp === 3600) + 1;
    push(packets.filter((_, i) => i !== lost));
    expect(frames.map((f) => f.time90k)).toEqual([0, 3 * 3600, 4 * 3600]);
    expect(depacketizer.stats.lost).toBe(1);
  });

  it('ignores duplicates and late packets', () => {
    const { frames, push, depacketizer } = setup(codec);
    const packets = toRtpPackets([{ nals: [...PARAMS[codec], ...picture(codec, true, [10], 0)], timestamp: 0 }], codec, 1400, false);
    push([packets[0]!, packets[0]!, ...packets.slice(1)]);
    expect(frames).toHaveLength(1);
    expect(depacketizer.stats.outOfOrder).toBe(1);
  });

  it('never throws on random or mutated packets', () => {
    const base = toRtpPackets(
      [0, 1, 2].map((i) => ({ nals: [...PARAMS[codec], ...picture(codec, i === 0, [2000, 50], i)], timestamp: i * 3600 })),
      codec,
      600,
    );
    const mutated = fc.array(fc.tuple(fc.nat(base.length - 1), fc.nat(), fc.nat(255), fc.nat(40)), { maxLength: 20 }).map((edits) =>
      base.map((p, i) => {
        const payload = Uint8Array.from(p.payload);
        for (const [pi, pos, v, cut] of edits) {
          if (pi !== i || payload.length === 0) continue;
          payload[pos % payload.length] = v;
          return { ...p, payload: payload.subarray(0, Math.max(0, payload.length - cut)) };
        }
        return { ...p, payload };
      }),
    );
    const random = fc.array(fc.uint8Array({ minLength: 12, maxLength: 200 }), { maxLength: 30 }).map((list) =>
      list.flatMap((b) => {
        b[0] = 0x80;
        try {
          return [parseRtpPacket(b)];
        } catch {
          return [];
        }
      }),
    );
    fc.assert(
      fc.property(fc.oneof(mutated, random), (packets) => {
        const { push, frames } = setup(codec);
        push(packets);
        for (const f of frames) expect(f.data.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});
