import { VmsError } from '../../../base/common/errors';
import type { HardwareInfo, StreamInfo } from '../../common/types';

/**
 * Hardware description of the simulated camera at `address` (sim://<name>): one camera with a
 * 1280x720 main stream and a 640x360 sub stream, both H.264 at 25 fps.
 */
export function probeSimulated(address: string): HardwareInfo {
  let u: URL;
  try {
    u = new URL(address);
  } catch {
    throw new VmsError('VMS_ERR_BAD_INPUT', `not a URL: ${address}`);
  }
  if (u.protocol !== 'sim:') throw new VmsError('VMS_ERR_BAD_INPUT', `not a sim:// address: ${address}`);
  const name = u.host || u.pathname.replace(/^\/+/, '') || 'demo';
  const stream = (key: string, label: string, width: number, height: number): StreamInfo => ({
    key,
    name: label,
    url: `sim://${name}?width=${width}&height=${height}&fps=25`,
    codec: 'h264',
    width,
    height,
    fps: 25,
  });
  return {
    driver: 'simulated',
    address,
    manufacturer: 'Nightjar',
    model: 'Simulated camera',
    firmware: 'ffmpeg testsrc2',
    serial: `sim-${name}`,
    cameras: [
      {
        key: 'camera1',
        name: 'Simulated camera',
        streams: [stream('main', 'Main stream', 1280, 720), stream('sub', 'Sub stream', 640, 360)],
      },
    ],
  };
}
