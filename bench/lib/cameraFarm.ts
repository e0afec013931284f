import { makeTestClip, startTestCamera } from '../../packages/vms-core/test/harness/testCamera';
import type { TestCamera } from '../../packages/vms-core/test/harness/testCamera';
import type { Cleanup } from './cleanup';

/** Mounts per GStreamer process: spreads the RTSP servers' main loops over the two cores. */
const MOUNTS_PER_SERVER = 16;

export interface CameraFarm {
  /** rtsp://127.0.0.1:PORT/camN, one per camera */
  urls: string[];
  clip: string;
}

/**
 * Seconds of the served clip. gstRtspServer plays a file once per connection (a mount's
 * pipeline starts when a client connects and stops when it leaves), so the clip must outlast
 * the longest connection of a benchmark (about 100 s in recordingCost).
 */
const CLIP_SECONDS = 180;

/**
 * `count` RTSP cameras of 1080p25 H.264 at ~4 Mbit/s, each a mount serving the same
 * pre-encoded MP4 (about 1% of a core per stream). Idle mounts cost nothing.
 */
export async function startCameraFarm(cleanup: Cleanup, count: number): Promise<CameraFarm> {
  const clip = await makeTestClip({ seconds: CLIP_SECONDS });
  const urls: string[] = [];
  for (let first = 0; first < count; first += MOUNTS_PER_SERVER) {
    const mounts = Array.from({ length: Math.min(MOUNTS_PER_SERVER, count - first) }, (_, i) => `/cam${first + i + 1}`);
    const server: TestCamera = await startTestCamera({ file: clip, mounts });
    cleanup.add(`RTSP server :${server.port}`, () => server.stop());
    for (const m of mounts) urls.push(`rtsp://127.0.0.1:${server.port}${m}`);
  }
  return { urls, clip };
}
