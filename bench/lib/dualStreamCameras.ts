import { makeTestClip, startTestCamera } from '../../packages/vms-core/test/harness/testCamera';
import type { CameraBody } from '../../packages/vms-core/src/api/common/schemas';
import type { CreateViewBody, ViewBody } from '../../packages/vms-core/src/api/common/viewSchemas';
import type { Cleanup } from './cleanup';
import { request } from './siteApi';

/**
 * Cameras as the Smart Client benchmarks need them: a main stream that is recorded (so the
 * site holds its connection and a cached GOP, as on a real site) and a low-resolution second
 * stream that only live view opens, which the adaptive rule picks for small tiles.
 */
/**
 * gstRtspServer plays a file once per connection (a mount's pipeline starts with its first
 * client), so each clip (`seconds`) must outlast the longest connection: the recorded main
 * streams stay connected for a whole benchmark (about three minutes for clientWall); a sub
 * stream only while a page shows it, but a longer one costs no more to serve.
 */
export const MAIN = { width: 1280, height: 720, bitrateKbps: 2000, seconds: 300 } as const;
export const SUB = { width: 640, height: 360, bitrateKbps: 500, seconds: 600 } as const;
export const FPS = 25;
/** Mounts per GStreamer process (each process is one main loop, spread over the cores). */
const MOUNTS_PER_SERVER = 16;

export interface DualStreamCamera {
  id: string;
  name: string;
  mainUrl: string;
  subUrl: string;
}

/** `count` RTSP mounts serving `clip`, in as many GStreamer processes as needed. */
async function serveClip(cleanup: Cleanup, clip: string, prefix: string, count: number): Promise<string[]> {
  const urls: string[] = [];
  for (let first = 0; first < count; first += MOUNTS_PER_SERVER) {
    const mounts = Array.from({ length: Math.min(MOUNTS_PER_SERVER, count - first) }, (_, i) => `/${prefix}${first + i + 1}`);
    const server = await startTestCamera({ file: clip, mounts });
    cleanup.add(`RTSP server :${server.port}`, () => server.stop());
    for (const m of mounts) urls.push(`rtsp://127.0.0.1:${server.port}${m}`);
  }
  return urls;
}

/**
 * Starts the mounts and adds `count` cameras to the site through addHardware (main stream as
 * the address, the sub stream in streamUrls), named "Camera 01"…; the clips are made once and
 * cached under the temp folder.
 */
export async function addDualStreamCameras(cleanup: Cleanup, site: { url: string; token: string }, count: number): Promise<DualStreamCamera[]> {
  const mainClip = await makeTestClip({ fps: FPS, ...MAIN });
  const subClip = await makeTestClip({ fps: FPS, ...SUB });
  const mains = await serveClip(cleanup, mainClip, 'main', count);
  const subs = await serveClip(cleanup, subClip, 'sub', count);
  const cameras: DualStreamCamera[] = [];
  for (let i = 0; i < count; i++) {
    const name = `Camera ${String(i + 1).padStart(2, '0')}`;
    const added = await request<{ cameras: CameraBody[] }>(site.url, 'POST', '/api/hardware', site.token, {
      driver: 'rtsp', address: mains[i]!, streamUrls: [subs[i]!], name,
    });
    const camera = added.cameras[0];
    if (!camera) throw new Error(`addHardware gave no camera for ${mains[i]}`);
    if (camera.name !== name) await request(site.url, 'PATCH', `/api/cameras/${encodeURIComponent(camera.id)}`, site.token, { name });
    cameras.push({ id: camera.id, name, mainUrl: mains[i]!, subUrl: subs[i]! });
  }
  return cameras;
}

/** A shared grid view of `columns` × `rows` with the cameras in tile order (createView). */
export function createGridView(site: { url: string; token: string }, name: string, columns: number, rows: number, cameraIds: string[]): Promise<ViewBody> {
  const tiles = Array.from({ length: columns * rows }, (_, i) => ({ x: i % columns, y: Math.floor(i / columns), width: 1, height: 1 }));
  const presets: Record<string, CreateViewBody['layoutId']> = { '1x1': '1x1', '2x2': '2x2', '3x3': '3x3', '4x4': '4x4' };
  const body: CreateViewBody = {
    name, shared: true, layoutId: presets[`${columns}x${rows}`] ?? 'custom', layout: { columns, rows, tiles },
    cameraIds: tiles.map((_, i) => cameraIds[i] ?? null),
  };
  return request<ViewBody>(site.url, 'POST', '/api/views', site.token, body);
}
