import type { VideoCodec } from '../../../media/common/types';
import { buildRtpPacket, parseRtpPacket } from './rtp';
import type { RtpPacket } from './rtp';

/**
 * A reference packetizer (RFC 6184 / RFC 7798) for round-trip tests and the fuzzer: small NALs
 * are aggregated, large ones fragmented, the last packet of a picture carries the marker.
 */
export function packetizeAccessUnit(codec: VideoCodec, nals: Uint8Array[], mtu: number, aggregate: boolean): Uint8Array[] {
  const headerLen = codec === 'h264' ? 1 : 2;
  const payloads: Uint8Array[] = [];
  let group: Uint8Array[] = [];
  const flushGroup = () => {
    if (group.length === 1) payloads.push(group[0]!);
    else if (group.length > 1) payloads.push(aggregatePayload(codec, group));
    group = [];
  };
  for (const nal of nals) {
    if (nal.length <= mtu) {
      const size = headerLen + group.reduce((n, g) => n + 2 + g.length, 0) + 2 + nal.length;
      if (!aggregate || size > mtu) flushGroup();
      group.push(nal);
      if (!aggregate) flushGroup();
      continue;
    }
    flushGroup();
    const body = nal.subarray(headerLen);
    const chunk = Math.max(1, mtu - headerLen - 1);
    for (let off = 0; off < body.length; off += chunk) {
      const start = off === 0;
      const end = off + chunk >= body.length;
      const piece = body.subarray(off, off + chunk);
      if (codec === 'h264') {
        const fu = new Uint8Array(2 + piece.length);
        fu[0] = (nal[0]! & 0xe0) | 28;
        fu[1] = (start ? 0x80 : 0) | (end ? 0x40 : 0) | (nal[0]! & 0x1f);
        fu.set(piece, 2);
        payloads.push(fu);
      } else {
        const fu = new Uint8Array(3 + piece.length);
        fu[0] = (nal[0]! & 0x81) | (49 << 1);
        fu[1] = nal[1]!;
        fu[2] = (start ? 0x80 : 0) | (end ? 0x40 : 0) | ((nal[0]! >> 1) & 0x3f);
        fu.set(piece, 3);
        payloads.push(fu);
      }
    }
  }
  flushGroup();
  return payloads;
}

function aggregatePayload(codec: VideoCodec, nals: Uint8Array[]): Uint8Array {
  const headerLen = codec === 'h264' ? 1 : 2;
  const out = new Uint8Array(headerLen + nals.reduce((n, g) => n + 2 + g.length, 0));
  if (codec === 'h264') out[0] = nals.reduce((nri, n) => Math.max(nri, n[0]! & 0x60), 0) | 24;
  else {
    out[0] = 48 << 1;
    out[1] = 1;
  }
  let o = headerLen;
  for (const n of nals) {
    out[o] = n.length >> 8;
    out[o + 1] = n.length & 0xff;
    out.set(n, o + 2);
    o += 2 + n.length;
  }
  return out;
}

/** Wraps payloads of consecutive pictures into RTP packets. */
export function toRtpPackets(pictures: { nals: Uint8Array[]; timestamp: number }[], codec: VideoCodec, mtu = 1200, aggregate = true, firstSeq = 0): RtpPacket[] {
  const out: RtpPacket[] = [];
  let seq = firstSeq;
  for (const pic of pictures) {
    const payloads = packetizeAccessUnit(codec, pic.nals, mtu, aggregate);
    payloads.forEach((payload, i) => {
      const bytes = buildRtpPacket({ payloadType: 96, sequence: seq++ & 0xffff, timestamp: pic.timestamp >>> 0, ssrc: 1, marker: i === payloads.length - 1, payload });
      out.push(parseRtpPacket(bytes));
    });
  }
  return out;
}
