/**
 * Turns ONVIF Media ver10 replies into the driver's model: each media profile is a stream, and
 * profiles are grouped into cameras by the video source (sensor or encoder channel) they encode.
 */
import type { VideoCodec } from '../../../media/common/types';
import type { CameraInfo, StreamInfo } from '../../common/types';
import { profilePtzAxes } from './ptzService';
import type { PtzAxes } from './ptzService';
import { attribute, child, children, integer, text } from './xml';

export interface MediaProfile {
  token: string;
  name: string;
  videoSourceToken: string;
  codec?: VideoCodec;
  width?: number;
  height?: number;
  fps?: number;
  /** Axes of the profile's PTZ configuration; absent when it has none. */
  ptz?: PtzAxes;
}

/**
 * Profiles without a video encoder (audio- or metadata-only) cannot be recorded as video and are
 * left out; so are profiles without a token, which could not be asked for a stream URI.
 */
export function parseProfiles(response: unknown): MediaProfile[] {
  const profiles: MediaProfile[] = [];
  for (const node of children(response, 'Profiles')) {
    const token = attribute(node, 'token');
    const encoder = child(node, 'VideoEncoderConfiguration');
    if (!token || encoder === undefined) continue;
    const profile: MediaProfile = {
      token,
      name: text(child(node, 'Name')) || token,
      // One anonymous source stands in when a device leaves the source out.
      videoSourceToken: text(child(node, 'VideoSourceConfiguration', 'SourceToken')) || '',
    };
    const codec = codecOf(text(child(encoder, 'Encoding')));
    const width = integer(child(encoder, 'Resolution', 'Width'));
    const height = integer(child(encoder, 'Resolution', 'Height'));
    const fps = integer(child(encoder, 'RateControl', 'FrameRateLimit'));
    if (codec) profile.codec = codec;
    if (width) profile.width = width;
    if (height) profile.height = height;
    if (fps) profile.fps = fps;
    const ptz = profilePtzAxes(node);
    if (ptz) profile.ptz = ptz;
    profiles.push(profile);
  }
  return profiles;
}

/** Video source tokens in the device's order, which is its channel order. */
export function parseVideoSourceTokens(response: unknown): string[] {
  return children(response, 'VideoSources')
    .map((node) => attribute(node, 'token'))
    .filter((token): token is string => Boolean(token));
}

/**
 * Media1 defines only JPEG/MPEG4/H264, but H.265 cameras that speak Media1 report "H265" (some
 * "HEVC") anyway. Other encodings get no codec: the recorder learns the truth from the SDP.
 */
function codecOf(encoding: string | undefined): VideoCodec | undefined {
  switch (encoding?.toUpperCase()) {
    case 'H264':
      return 'h264';
    case 'H265':
    case 'HEVC':
      return 'h265';
    default:
      return undefined;
  }
}

export interface ProfileUris {
  streamUrl: string;
  snapshotUrl?: string;
}

/** Groups streams into cameras, ordered by video source, then by the device's profile order. */
export function buildCameras(
  profiles: MediaProfile[],
  uris: Map<string, ProfileUris>,
  sourceOrder: string[],
  model: string | undefined,
): CameraInfo[] {
  const sourceTokens = [...new Set(profiles.map((p) => p.videoSourceToken))].sort(
    (a, b) => rank(sourceOrder, a) - rank(sourceOrder, b),
  );
  const cameras: CameraInfo[] = [];
  sourceTokens.forEach((sourceToken, index) => {
    const streams: StreamInfo[] = [];
    let snapshotUrl: string | undefined;
    let ptz: CameraInfo['ptz'];
    for (const p of profiles.filter((profile) => profile.videoSourceToken === sourceToken)) {
      const u = uris.get(p.token);
      if (!u) continue;
      streams.push({ key: p.token, name: p.name, url: u.streamUrl, codec: p.codec, width: p.width, height: p.height, fps: p.fps });
      // The first profile is the device's main one; its snapshot is the camera's snapshot, and
      // the first with a PTZ configuration steers the camera (all of a source's profiles move
      // the same head).
      snapshotUrl ??= u.snapshotUrl;
      if (p.ptz) ptz ??= { profileToken: p.token, ...p.ptz };
    }
    if (streams.length === 0) return;
    const base = model || 'ONVIF camera';
    const camera: CameraInfo = {
      key: sourceToken || 'default',
      name: sourceTokens.length > 1 ? `${base} ${index + 1}` : base,
      streams,
    };
    if (snapshotUrl) camera.snapshotUrl = snapshotUrl;
    if (ptz) camera.ptz = ptz;
    cameras.push(camera);
  });
  return cameras;
}

function rank(order: string[], token: string): number {
  const i = order.indexOf(token);
  return i === -1 ? order.length : i;
}
