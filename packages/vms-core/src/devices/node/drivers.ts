import { VmsError } from '../../base/common/errors';
import type { AddHardwareRequest, Credentials, DeviceInfo, HardwareInfo, StreamInfo } from '../common/types';
import type { StreamOpener } from './frameSource';
import { probeOnvif } from './onvif';
import { openRtspStream } from './rtsp/openRtspStream';
import { probeRtsp } from './rtsp/probeRtsp';
import { openSimulatedStream } from './simulated/openSimulatedStream';
import { probeSimulated } from './simulated/probeSimulated';

/** Stream openers by URL scheme: ONVIF cameras stream over RTSP, so two schemes cover all drivers. */
export const streamOpeners: Record<string, StreamOpener> = {
  'rtsp:': openRtspStream,
  'sim:': openSimulatedStream,
};

/** Limits for probes that must end quickly (an address-range scan); the defaults suit addHardware. */
export interface ProbeOptions {
  /** Per request to the device (ONVIF) or per stream (RTSP). */
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** Asks the hardware what it is and which cameras and streams it has (the addHardware step). */
export async function probeHardware(req: AddHardwareRequest, options: ProbeOptions = {}): Promise<HardwareInfo> {
  const credentials: Credentials = { username: req.username, password: req.password };
  switch (req.driver) {
    case 'rtsp':
      return probeRtspHardware(req.address, req.streamUrls ?? [], credentials, options);
    case 'onvif':
      return probeOnvif(req.address, credentials, options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs });
    case 'simulated':
      return probeSimulated(req.address);
    default:
      throw new VmsError('VMS_ERR_BAD_INPUT', `unknown driver "${String(req.driver)}"`);
  }
}

async function probeRtspHardware(address: string, extra: string[], credentials: Credentials, options: ProbeOptions): Promise<HardwareInfo> {
  const urls = [address, ...extra].map(parseRtspUrl);
  // Credentials in a URL are used for the probe and then kept with the hardware, not in the URL.
  const first = urls[0]!;
  const creds: Credentials = {
    username: credentials.username ?? (decodeURIComponent(first.username) || undefined),
    password: credentials.password ?? (decodeURIComponent(first.password) || undefined),
  };
  let microphone: DeviceInfo | undefined;
  const streams: StreamInfo[] = await Promise.all(
    urls.map(async (u, i) => {
      u.username = '';
      u.password = '';
      const url = u.toString();
      const r = await probeRtsp({ url, credentials: creds, timeoutMs: options.timeoutMs ?? 5000, ...(options.signal ? { signal: options.signal } : {}) });
      const key = i === 0 ? 'main' : `stream${i + 1}`;
      // The main stream's audio is the camera's microphone; other streams carry the same sound.
      if (i === 0 && r.audio) microphone = { kind: 'microphone', key: 'audio', name: 'Microphone' };
      return { key, name: i === 0 ? 'Main stream' : `Stream ${i + 1}`, url, codec: r.codec, width: r.width, height: r.height, ...(r.fps ? { fps: r.fps } : {}) };
    }),
  );
  return {
    driver: 'rtsp', address: urls[0]!.host, model: 'Generic RTSP', cameras: [{ key: 'camera', name: urls[0]!.host, streams }],
    devices: microphone ? [microphone] : [],
  };
}

function parseRtspUrl(s: string): URL {
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    throw new VmsError('VMS_ERR_BAD_INPUT', `"${s}" is not a URL`);
  }
  if (u.protocol !== 'rtsp:') throw new VmsError('VMS_ERR_BAD_INPUT', `"${s}" is not an rtsp:// URL`);
  return u;
}

