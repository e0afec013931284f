import { VmsError } from '../../../base/common/errors';
import type { VideoCodec } from '../../../media/common/types';
import { decodeBase64 } from './base64';

/** The parts of an SDP (RFC 4566) an RTSP client needs; everything else is ignored. */
export interface SdpMedia {
  type: string;
  port: number;
  protocol: string;
  formats: number[];
  control?: string;
  rtpmap: Map<number, { encoding: string; clockRate: number }>;
  fmtp: Map<number, Map<string, string>>;
  framerate?: number;
}

export interface Sdp {
  /** Session-level a=control (aggregate control URL), if any. */
  control?: string;
  media: SdpMedia[];
}

const MAX_SDP_CHARS = 65536;

export function parseSdp(text: string): Sdp {
  if (text.length > MAX_SDP_CHARS) throw bad(`SDP longer than ${MAX_SDP_CHARS} characters`);
  const sdp: Sdp = { media: [] };
  let media: SdpMedia | undefined;
  let sawVersion = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') continue;
    if (line.length < 2 || line[1] !== '=') throw bad(`malformed SDP line ${JSON.stringify(line.slice(0, 60))}`);
    const value = line.slice(2);
    switch (line[0]) {
      case 'v':
        sawVersion = true;
        break;
      case 'm': {
        const m = /^(\S+) (\d+)(?:\/\d+)? (\S+)((?: \S+)*)$/.exec(value);
        if (!m) throw bad(`malformed m= line ${JSON.stringify(value.slice(0, 60))}`);
        const formats = m[4]!.trim().split(' ').filter(Boolean).map(Number).filter((n) => Number.isInteger(n));
        media = { type: m[1]!, port: Number(m[2]), protocol: m[3]!, formats, rtpmap: new Map(), fmtp: new Map() };
        sdp.media.push(media);
        break;
      }
      case 'a':
        parseAttribute(value, sdp, media);
        break;
    }
  }
  if (!sawVersion) throw bad('SDP has no v= line');
  return sdp;
}

function parseAttribute(value: string, sdp: Sdp, media: SdpMedia | undefined): void {
  const colon = value.indexOf(':');
  const name = colon < 0 ? value : value.slice(0, colon);
  const arg = colon < 0 ? '' : value.slice(colon + 1).trim();
  if (name === 'control') {
    if (media) media.control = arg;
    else sdp.control = arg;
    return;
  }
  if (!media) return;
  if (name === 'rtpmap') {
    const m = /^(\d+) ([^/\s]+)\/(\d+)/.exec(arg);
    if (m) media.rtpmap.set(Number(m[1]), { encoding: m[2]!, clockRate: Number(m[3]) });
  } else if (name === 'fmtp') {
    const m = /^(\d+)\s+(.*)$/.exec(arg);
    if (!m) return;
    const params = new Map<string, string>();
    for (const part of m[2]!.split(';')) {
      const eq = part.indexOf('=');
      if (eq <= 0) continue;
      params.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1).trim());
    }
    media.fmtp.set(Number(m[1]), params);
  } else if (name === 'framerate') {
    const fps = Number(arg);
    if (Number.isFinite(fps) && fps > 0) media.framerate = fps;
  }
}

/** A video track the client can depacketize. */
export interface VideoTrack {
  codec: VideoCodec;
  payloadType: number;
  clockRate: number;
  /** Absolute URL for SETUP. */
  controlUrl: string;
  /** Out-of-band parameter sets from fmtp (VPS, SPS, PPS as NAL units). */
  parameterSets: Uint8Array[];
  framerate?: number;
}

/**
 * Picks the first H.264/H.265 video track. Throws VMS_ERR_UNSUPPORTED_CODEC when video is
 * offered only in other codecs, VMS_ERR_DEVICE_PROTOCOL when there is no video at all.
 */
export function findVideoTrack(sdp: Sdp, baseUrl: string): VideoTrack {
  const others: string[] = [];
  for (const media of sdp.media) {
    if (media.type !== 'video') continue;
    for (const pt of media.formats) {
      const map = media.rtpmap.get(pt);
      const encoding = map?.encoding.toUpperCase();
      const codec: VideoCodec | undefined =
        encoding === 'H264' ? 'h264' : encoding === 'H265' || encoding === 'HEVC' ? 'h265' : undefined;
      if (!codec || !map) {
        others.push(map?.encoding ?? `payload type ${pt}`);
        continue;
      }
      const fmtp = media.fmtp.get(pt) ?? new Map<string, string>();
      const sets: string[] =
        codec === 'h264'
          ? (fmtp.get('sprop-parameter-sets') ?? '').split(',')
          : ['sprop-vps', 'sprop-sps', 'sprop-pps'].flatMap((k) => (fmtp.get(k) ?? '').split(','));
      const parameterSets = sets
        .map((s) => decodeBase64(s.trim()))
        .filter((b): b is Uint8Array => b !== undefined && b.length > 0);
      return {
        codec,
        payloadType: pt,
        clockRate: map.clockRate > 0 ? map.clockRate : 90000,
        controlUrl: resolveControl(media.control, baseUrl),
        parameterSets,
        framerate: media.framerate,
      };
    }
  }
  if (others.length > 0) {
    throw new VmsError('VMS_ERR_UNSUPPORTED_CODEC', `camera offers video only as ${others.join(', ')}`);
  }
  throw bad('SDP has no video track');
}

/** An audio track of the stream: what makes an RTSP camera's microphone. */
export interface AudioTrack {
  /** As the rtpmap names it (PCMA, MPEG4-GENERIC...), or the static payload type's name. */
  encoding: string;
  clockRate: number;
}

/** Static audio payload types (RFC 3551) cameras send without an rtpmap line. */
const STATIC_AUDIO: Record<number, AudioTrack> = {
  0: { encoding: 'PCMU', clockRate: 8000 }, 8: { encoding: 'PCMA', clockRate: 8000 }, 9: { encoding: 'G722', clockRate: 8000 },
};

/**
 * The first audio track offered, or undefined. Nothing of it is decoded or recorded here; it
 * tells that the camera has a microphone. A format without rtpmap or a static type is still
 * audio: its encoding is left as the payload type.
 */
export function findAudioTrack(sdp: Sdp): AudioTrack | undefined {
  for (const media of sdp.media) {
    if (media.type !== 'audio') continue;
    const pt = media.formats[0];
    if (pt === undefined) continue;
    const map = media.rtpmap.get(pt);
    return map ? { encoding: map.encoding, clockRate: map.clockRate } : (STATIC_AUDIO[pt] ?? { encoding: `payload type ${pt}`, clockRate: 0 });
  }
  return undefined;
}

/**
 * Resolves a=control against the base URL. RFC 2326 says "relative to the base", but cameras
 * mean "append": rtsp://cam/stream1 + trackID=1 must give rtsp://cam/stream1/trackID=1, not
 * what URL resolution would produce (rtsp://cam/trackID=1). ffmpeg and live555 append too.
 */
export function resolveControl(control: string | undefined, baseUrl: string): string {
  if (control === undefined || control === '' || control === '*') return baseUrl;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(control)) return control;
  if (baseUrl.endsWith('/')) return baseUrl + control.replace(/^\/+/, '');
  return `${baseUrl}/${control.replace(/^\/+/, '')}`;
}

function bad(message: string): VmsError {
  return new VmsError('VMS_ERR_DEVICE_PROTOCOL', message);
}
