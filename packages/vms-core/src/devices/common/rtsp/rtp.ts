import { VmsError } from '../../../base/common/errors';

/** One RTP packet (RFC 3550 §5.1). `payload` is a view into the input: no copy per packet. */
export interface RtpPacket {
  marker: boolean;
  payloadType: number;
  sequence: number;
  /** 32-bit timestamp as sent; unwrap with TimestampUnwrapper. */
  timestamp: number;
  ssrc: number;
  csrcCount: number;
  /** Header extension profile, if the X bit was set. */
  extensionProfile?: number;
  payload: Uint8Array;
}

export function parseRtpPacket(buf: Uint8Array): RtpPacket {
  if (buf.length < 12) throw bad(`RTP packet of ${buf.length} bytes is shorter than its header`);
  const b0 = buf[0]!;
  if (b0 >> 6 !== 2) throw bad(`RTP version ${b0 >> 6}, expected 2`);
  const csrcCount = b0 & 0x0f;
  let off = 12 + 4 * csrcCount;
  let extensionProfile: number | undefined;
  if (b0 & 0x10) {
    if (buf.length < off + 4) throw bad('RTP header extension truncated');
    extensionProfile = (buf[off]! << 8) | buf[off + 1]!;
    off += 4 + 4 * ((buf[off + 2]! << 8) | buf[off + 3]!);
  }
  let end = buf.length;
  if (b0 & 0x20) {
    const pad = buf[end - 1]!;
    if (pad === 0) throw bad('RTP padding length 0');
    end -= pad;
  }
  if (end < off) throw bad('RTP header, extension and padding exceed the packet');
  const b1 = buf[1]!;
  return {
    marker: (b1 & 0x80) !== 0,
    payloadType: b1 & 0x7f,
    sequence: (buf[2]! << 8) | buf[3]!,
    timestamp: ((buf[4]! << 24) | (buf[5]! << 16) | (buf[6]! << 8) | buf[7]!) >>> 0,
    ssrc: ((buf[8]! << 24) | (buf[9]! << 16) | (buf[10]! << 8) | buf[11]!) >>> 0,
    csrcCount,
    extensionProfile,
    payload: buf.subarray(off, end),
  };
}

/** Builds an RTP packet; for tests, fuzzers and round-trip properties. */
export function buildRtpPacket(p: {
  marker?: boolean;
  payloadType: number;
  sequence: number;
  timestamp: number;
  ssrc: number;
  csrcs?: number[];
  extension?: { profile: number; words: number };
  padding?: number;
  payload: Uint8Array;
}): Uint8Array {
  const csrcs = p.csrcs ?? [];
  const ext = p.extension ? 4 + 4 * p.extension.words : 0;
  const pad = p.padding ?? 0;
  const out = new Uint8Array(12 + 4 * csrcs.length + ext + p.payload.length + pad);
  const view = new DataView(out.buffer);
  out[0] = 0x80 | (pad > 0 ? 0x20 : 0) | (p.extension ? 0x10 : 0) | csrcs.length;
  out[1] = (p.marker ? 0x80 : 0) | p.payloadType;
  view.setUint16(2, p.sequence);
  view.setUint32(4, p.timestamp);
  view.setUint32(8, p.ssrc);
  let off = 12;
  for (const c of csrcs) {
    view.setUint32(off, c);
    off += 4;
  }
  if (p.extension) {
    view.setUint16(off, p.extension.profile);
    view.setUint16(off + 2, p.extension.words);
    off += ext;
  }
  out.set(p.payload, off);
  if (pad > 0) out[out.length - 1] = pad;
  return out;
}

/** Sender report fields that map RTP time to wall time (RFC 3550 §6.4.1). */
export interface RtcpSenderReport {
  ssrc: number;
  /** NTP time as milliseconds since the Unix epoch. */
  ntpUnixMs: number;
  rtpTimestamp: number;
}

const NTP_UNIX_OFFSET_S = 2208988800;

/** Finds a sender report in a (compound) RTCP packet; undefined when there is none. */
export function findRtcpSenderReport(buf: Uint8Array): RtcpSenderReport | undefined {
  let off = 0;
  while (off + 4 <= buf.length) {
    if (buf[off]! >> 6 !== 2) return undefined;
    const type = buf[off + 1]!;
    const len = 4 * (((buf[off + 2]! << 8) | buf[off + 3]!) + 1);
    if (off + len > buf.length) return undefined;
    if (type === 200 && len >= 28) {
      const v = new DataView(buf.buffer, buf.byteOffset + off, len);
      const seconds = v.getUint32(8);
      const fraction = v.getUint32(12);
      return {
        ssrc: v.getUint32(4),
        ntpUnixMs: (seconds - NTP_UNIX_OFFSET_S) * 1000 + (fraction / 2 ** 32) * 1000,
        rtpTimestamp: v.getUint32(16),
      };
    }
    off += len;
  }
  return undefined;
}

/**
 * Extends 32-bit RTP timestamps to a continuous number. Steps of less than 2^31 either way are
 * taken as forward/backward moves, so wrap-around (every ~13 h at 90 kHz) is invisible.
 */
export class TimestampUnwrapper {
  private last: number | undefined;
  unwrap(ts: number): number {
    if (this.last === undefined) {
      this.last = ts;
      return ts;
    }
    const lastLow = this.last % 2 ** 32;
    let delta = ts - lastLow;
    if (delta > 2 ** 31) delta -= 2 ** 32;
    else if (delta < -(2 ** 31)) delta += 2 ** 32;
    this.last += delta;
    return this.last;
  }
}

/** Signed distance from sequence number a to b, modulo 2^16. */
export function sequenceDelta(a: number, b: number): number {
  const d = (b - a) & 0xffff;
  return d >= 0x8000 ? d - 0x10000 : d;
}

function bad(message: string): VmsError {
  return new VmsError('VMS_ERR_DEVICE_PROTOCOL', message);
}
