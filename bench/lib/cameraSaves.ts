/**
 * "Saving a camera's settings reaches its recording server": PATCH updateCamera with a new
 * pre-buffer and mode, timed from the request until (a) the answer — the route applies the
 * camera to the recording server (RecordingServer.applyCamera) before it answers, so this is
 * the time until the recording server runs with the new settings — and (b) the updates socket's
 * `camerasChanged` push, which is when every other client hears of it.
 */
import type { SiteUpdate } from '../../packages/vms-core/src/api/common/updateSchemas';
import { openWebSocket } from './wsClient';
import type { BenchSocket } from './wsClient';

export interface SaveTimes {
  /** request → answer (recording server applied) */
  applied: number[];
  /** request → camerasChanged pushed to another signed-in client */
  pushed: number[];
}

export async function timeCameraSaves(url: string, token: string, cameraId: string, saves: number): Promise<SaveTimes> {
  const waiting: (() => void)[] = [];
  const socket: BenchSocket = await openWebSocket(url.replace(/^http/, 'ws') + '/api/updates', (data) => {
    const m = JSON.parse(data.toString()) as SiteUpdate;
    if (m.type === 'camerasChanged') waiting.shift()?.();
  });
  socket.send(JSON.stringify({ type: 'auth', accessToken: token }));
  const times: SaveTimes = { applied: [], pushed: [] };
  try {
    for (let i = 0; i < saves; i++) {
      const pushed = new Promise<number>((resolve) => waiting.push(() => resolve(performance.now())));
      const started = performance.now();
      const res = await fetch(`${url}/api/cameras/${encodeURIComponent(cameraId)}`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ policy: { preBufferSeconds: 2 + (i % 3), mode: i % 2 === 0 ? 'motion' : 'always' } }),
      });
      if (!res.ok) throw new Error(`updateCamera: HTTP ${res.status}: ${await res.text()}`);
      times.applied.push(performance.now() - started);
      times.pushed.push((await pushed) - started);
    }
  } finally {
    socket.close();
  }
  return times;
}
