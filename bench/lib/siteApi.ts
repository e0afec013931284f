import type { CameraStatusBody } from '../../packages/vms-core/src/api/common/schemas';
import { sleep } from './procStats';

/** The few API calls the benchmarks make, against a site on 127.0.0.1. */
export class SiteApi {
  private constructor(private readonly url: string, private readonly token: string) {}

  static async login(url: string, username: string, password: string): Promise<SiteApi> {
    const body = await request<{ token: string }>(url, 'POST', '/api/login', undefined, { username, password });
    return new SiteApi(url, body.token);
  }

  /** Adds an RTSP camera; returns the ids of the cameras the device has (one for a plain URL). */
  async addRtspCamera(address: string, name: string): Promise<string[]> {
    const body = await request<{ cameras: { id: string }[] }>(this.url, 'POST', '/api/hardware', this.token, { driver: 'rtsp', address, name });
    return body.cameras.map((c) => c.id);
  }

  async listCameraIds(): Promise<string[]> {
    return (await request<{ id: string }[]>(this.url, 'GET', '/api/cameras', this.token)).map((c) => c.id);
  }

  status(cameraId: string): Promise<CameraStatusBody> {
    return request<CameraStatusBody>(this.url, 'GET', `/api/cameras/${encodeURIComponent(cameraId)}/status`, this.token);
  }

  /** Polls until every camera is streaming and recording; throws after timeoutMs. */
  async waitRecording(cameraIds: string[], timeoutMs: number): Promise<CameraStatusBody[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const all = await Promise.all(cameraIds.map((id) => this.status(id)));
      if (all.every((s) => s.connection?.state === 'streaming' && s.recording && s.framesWritten > 0)) return all;
      if (Date.now() > deadline) {
        const bad = all.filter((s) => !(s.connection?.state === 'streaming' && s.recording));
        throw new Error(`${bad.length} of ${cameraIds.length} cameras not recording after ${timeoutMs / 1000} s: ` +
          JSON.stringify(bad.slice(0, 3)));
      }
      await sleep(500);
    }
  }
}

/** One JSON call to the site's API; a non-2xx answer throws with its body. */
export async function request<T>(base: string, method: string, path: string, token?: string, body?: unknown): Promise<T> {
  const res = await fetch(base + path, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status}: ${text}`);
  return JSON.parse(text) as T;
}
