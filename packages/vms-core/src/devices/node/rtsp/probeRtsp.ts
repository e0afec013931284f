import { VmsError } from '../../../base/common/errors';
import { H264Nal, h264NalType, parseH264Sps } from '../../../media/common/h264';
import { H265Nal, h265NalType, parseH265Sps } from '../../../media/common/h265';
import type { VideoCodec } from '../../../media/common/types';
import type { AudioTrack } from '../../common/rtsp/sdp';
import { findAudioTrack } from '../../common/rtsp/sdp';
import type { Credentials, RtspTransport } from '../../common/types';
import { connectAndDescribe } from './rtspHandshake';
import { openRtspSession } from './openRtspStream';

export interface RtspProbeResult {
  codec: VideoCodec;
  width: number;
  height: number;
  fps?: number;
  /** The stream's audio track, when it offers one (the camera's microphone). */
  audio?: AudioTrack;
}

export interface ProbeRtspOptions {
  url: string;
  credentials?: Credentials;
  signal?: AbortSignal;
  /** Used only when the SDP lacks parameter sets and the first frame must be awaited. */
  transport?: RtspTransport;
  timeoutMs?: number;
}

/**
 * What addHardware needs to fill StreamInfo. DESCRIBE is usually enough (sprop parameter sets
 * carry the SPS); cameras that keep the SPS in-band are played until the first key frame.
 */
export async function probeRtsp(options: ProbeRtspOptions): Promise<RtspProbeResult> {
  const credentials = options.credentials ?? {};
  const described = await connectAndDescribe({ url: options.url, credentials, signal: options.signal });
  described.connection.dispose();
  const { track } = described;
  const fps = track.framerate;
  const audio = findAudioTrack(described.sdp);
  const withAudio = <T extends object>(r: T) => (audio ? { ...r, audio } : r);
  for (const nal of track.parameterSets) {
    try {
      if (track.codec === 'h264' && h264NalType(nal[0]!) === H264Nal.sps) {
        return withAudio({ codec: 'h264' as const, ...size(parseH264Sps(nal)), fps });
      }
      if (track.codec === 'h265' && h265NalType(nal[0]!) === H265Nal.sps) {
        return withAudio({ codec: 'h265' as const, ...size(parseH265Sps(nal)), fps });
      }
    } catch {
      // A broken sprop is not fatal: the in-band SPS below is what recording uses anyway.
    }
  }
  return withAudio({ codec: track.codec, ...(await firstFrameSize(options, credentials)), fps });
}

async function firstFrameSize(options: ProbeRtspOptions, credentials: Credentials): Promise<{ width: number; height: number }> {
  const controller = new AbortController();
  const timeoutMs = options.timeoutMs ?? 10000;
  const onAbort = () => controller.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => controller.abort(new VmsError('VMS_ERR_DEVICE_PROTOCOL', 'no key frame from camera')), timeoutMs);
  try {
    const session = await openRtspSession({
      url: options.url,
      credentials,
      transport: options.transport ?? 'tcp',
      signal: controller.signal,
    });
    try {
      return await new Promise((resolve, reject) => {
        session.onFrame((f) => resolve({ width: f.params.width, height: f.params.height }));
        session.closed.then((e) => reject(e ?? new VmsError('VMS_ERR_DEVICE_PROTOCOL', 'stream ended before a key frame')));
        controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true });
      });
    } finally {
      session.dispose();
    }
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}

const size = (info: { width: number; height: number }) => ({ width: info.width, height: info.height });
