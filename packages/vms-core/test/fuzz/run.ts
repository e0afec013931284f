/**
 * Long-running fuzzer for the untrusted-input parsers (RTSP reader, SDP, RTP, H.264/H.265
 * depacketizers, SPS parsers, Annex B). Outside the test suite: `pnpm fuzz --seconds 60`.
 * Any exception that is not a VmsError, or one input taking over a second, is a failure; the
 * seed and input are printed so it can be replayed with `--seed`.
 */
import { VmsError } from '../../src/base/common/errors';
import { AccessUnitAssembler } from '../../src/media/common/accessUnitAssembler';
import { AnnexBSplitter, joinAnnexB } from '../../src/media/common/annexB';
import { parseH264Sps } from '../../src/media/common/h264';
import { parseH265Sps } from '../../src/media/common/h265';
import { H264_PPS, H264_VECTORS, H265_PPS, H265_VECTORS, hex } from '../../src/media/common/testVectors';
import { encodeBase64 } from '../../src/devices/common/rtsp/base64';
import { H264Depacketizer } from '../../src/devices/common/rtsp/h264Depacketizer';
import { H265Depacketizer } from '../../src/devices/common/rtsp/h265Depacketizer';
import { RtspReader, formatInterleaved, formatRtspMessage } from '../../src/devices/common/rtsp/rtspMessage';
import { findRtcpSenderReport, parseRtpPacket } from '../../src/devices/common/rtsp/rtp';
import type { RtpPacket } from '../../src/devices/common/rtsp/rtp';
import { findVideoTrack, parseSdp } from '../../src/devices/common/rtsp/sdp';
import { toRtpPackets } from '../../src/devices/common/rtsp/testPacketizer';
import { parseWwwAuthenticate } from '../../src/devices/common/rtsp/auth';

function arg(name: string, def: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : def;
}

/** mulberry32: small, fast, reproducible. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const int = (n: number) => Math.floor(next() * n);
  const bytes = (n: number) => Uint8Array.from({ length: n }, () => int(256));
  return { next, int, bytes };
}
type Rng = ReturnType<typeof rng>;

/** Flips, overwrites, truncates, duplicates or splices bytes. */
function mutate(r: Rng, input: Uint8Array): Uint8Array {
  let out = Uint8Array.from(input);
  const edits = 1 + r.int(8);
  for (let e = 0; e < edits && out.length > 0; e++) {
    const pos = r.int(out.length);
    switch (r.int(5)) {
      case 0: out[pos] = out[pos]! ^ (1 << r.int(8)); break;
      case 1: out[pos] = [0, 1, 0x24, 0x0a, 0xff][r.int(5)]!; break;
      case 2: out = out.subarray(0, pos); break;
      case 3: { const j = r.int(out.length); const dup = out.subarray(j, j + r.int(64)); const n = new Uint8Array(out.length + dup.length); n.set(out.subarray(0, pos)); n.set(dup, pos); n.set(out.subarray(pos), pos + dup.length); out = n; break; }
      default: { const ins = r.bytes(r.int(16)); const n = new Uint8Array(out.length + ins.length); n.set(out.subarray(0, pos)); n.set(ins, pos); n.set(out.subarray(pos), pos + ins.length); out = n; }
    }
  }
  return out;
}

const enc = new TextEncoder();
const SDP = `v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\ns=x\r\nt=0 0\r\na=control:*\r\nm=video 0 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\na=fmtp:96 packetization-mode=1;sprop-parameter-sets=${encodeBase64(hex(H264_VECTORS[0]!.sps))},${encodeBase64(hex(H264_PPS))}\r\na=control:trackID=1\r\nm=video 0 RTP/AVP 97\r\na=rtpmap:97 H265/90000\r\na=fmtp:97 sprop-vps=${encodeBase64(hex(H265_VECTORS[0]!.vps))}\r\n`;
const RTSP_SAMPLE = Uint8Array.from([
  ...formatRtspMessage('RTSP/1.0 200 OK', [['CSeq', '2'], ['Content-Type', 'application/sdp'], ['Session', 'abc;timeout=60']], enc.encode(SDP)),
  ...formatInterleaved(0, new Uint8Array(300).fill(0x41)),
  ...formatRtspMessage('RTSP/1.0 401 Unauthorized', [['CSeq', '3'], ['WWW-Authenticate', 'Digest realm="x", nonce="y", qop="auth"']]),
  ...formatInterleaved(1, new Uint8Array(28)),
]);

function pictures(codec: 'h264' | 'h265') {
  const params = codec === 'h264' ? [hex(H264_VECTORS[0]!.sps), hex(H264_PPS)] : [hex(H265_VECTORS[0]!.vps), hex(H265_VECTORS[0]!.sps), hex(H265_PPS)];
  const slice = (key: boolean) => (codec === 'h264' ? Uint8Array.from([key ? 0x65 : 0x41, 0x80, ...new Array(2500).fill(3)]) : Uint8Array.from([(key ? 19 : 1) << 1, 1, 0x80, ...new Array(2500).fill(3)]));
  return toRtpPackets([0, 1, 2, 3].map((i) => ({ nals: i === 0 ? [...params, slice(true)] : [slice(false)], timestamp: i * 3600 })), codec, 800);
}
const PACKETS = { h264: pictures('h264'), h265: pictures('h265') };

const targets: Record<string, (r: Rng) => void> = {
  rtspReader(r) {
    const input = r.next() < 0.8 ? mutate(r, RTSP_SAMPLE) : r.bytes(r.int(2000));
    const reader = new RtspReader({ onMessage: () => {}, onData: () => {} }, { maxGarbageBytes: 4096 });
    for (let off = 0; off < input.length; ) {
      const n = 1 + r.int(600);
      reader.push(input.subarray(off, off + n));
      off += n;
    }
  },
  sdp(r) {
    const text = new TextDecoder().decode(r.next() < 0.8 ? mutate(r, enc.encode(SDP)) : r.bytes(r.int(400)));
    findVideoTrack(parseSdp(text), 'rtsp://cam/stream');
  },
  rtp(r) {
    const sample = PACKETS.h264[r.int(PACKETS.h264.length)]!;
    const bytes = r.next() < 0.5 ? mutate(r, Uint8Array.from([0x80, 0xe0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, ...sample.payload.subarray(0, 40)])) : r.bytes(r.int(80));
    findRtcpSenderReport(bytes);
    parseRtpPacket(bytes);
  },
  h264Depacketizer: (r) => depacketize(r, 'h264'),
  h265Depacketizer: (r) => depacketize(r, 'h265'),
  sps(r) {
    const v = r.next() < 0.5 ? hex(H264_VECTORS[r.int(H264_VECTORS.length)]!.sps) : hex(H265_VECTORS[r.int(H265_VECTORS.length)]!.sps);
    const m = mutate(r, v);
    if (m.length > 0) (v[0] === 0x67 || (v[0]! & 0x1f) === 7 ? parseH264Sps : parseH265Sps)(m);
  },
  annexB(r) {
    const splitter = new AnnexBSplitter();
    const a = new AccessUnitAssembler('h264', () => {}, { splitOnTimestamp: false });
    const input = mutate(r, joinAnnexB(PACKETS.h264.map((p) => p.payload)));
    for (const nal of [...splitter.push(input), ...splitter.flush()]) a.push(nal, 0);
  },
  auth(r) {
    parseWwwAuthenticate([new TextDecoder().decode(mutate(r, enc.encode('Digest realm="a\\"b", nonce="n", qop="auth,auth-int", stale=TRUE')))]);
  },
};

function depacketize(r: Rng, codec: 'h264' | 'h265') {
  const assembler = new AccessUnitAssembler(codec, () => {});
  const d = codec === 'h264' ? new H264Depacketizer(assembler) : new H265Depacketizer(assembler);
  for (const p of PACKETS[codec]) {
    if (r.next() < 0.1) continue; // loss
    const packet: RtpPacket = r.next() < 0.3 ? { ...p, payload: mutate(r, p.payload), sequence: r.next() < 0.1 ? r.int(65536) : p.sequence } : p;
    d.push(packet, packet.timestamp);
  }
}

const seconds = arg('seconds', 10);
const baseSeed = arg('seed', Date.now() % 2 ** 31);
const deadline = performance.now() + seconds * 1000;
const counts: Record<string, { runs: number; vmsErrors: number }> = {};
const failures: string[] = [];
let seed = baseSeed;
const names = Object.keys(targets);
console.log(`fuzzing ${names.join(', ')} for ${seconds} s from seed ${baseSeed}`);
while (performance.now() < deadline && failures.length < 10) {
  for (const name of names) {
    const s = seed++;
    const c = (counts[name] ??= { runs: 0, vmsErrors: 0 });
    const started = performance.now();
    try {
      targets[name]!(rng(s));
    } catch (e) {
      if (e instanceof VmsError) c.vmsErrors++;
      else failures.push(`${name} seed=${s}: ${e instanceof Error ? e.stack : String(e)}`);
    }
    if (performance.now() - started > 1000) failures.push(`${name} seed=${s}: took ${Math.round(performance.now() - started)} ms`);
    c.runs++;
  }
}
for (const [name, c] of Object.entries(counts)) console.log(`${name.padEnd(18)} ${String(c.runs).padStart(9)} runs, ${c.vmsErrors} rejected cleanly`);
if (failures.length > 0) {
  console.error(`${failures.length} failure(s):\n${failures.join('\n')}`);
  process.exit(1);
}
console.log('no failures');
