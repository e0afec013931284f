import type { LiveStreamBody, PlaybackBody } from '../../packages/vms-core/src/api/common/mediaSchemas';
import { request } from './siteApi';

/** The live and playback endpoints the streaming benchmarks call, as a client would. */

export class StreamingApi {
  private constructor(readonly url: string, readonly token: string) {}

  static async login(url: string, username: string, password: string): Promise<StreamingApi> {
    const body = await request<{ token: string }>(url, 'POST', '/api/login', undefined, { username, password });
    return new StreamingApi(url, body.token);
  }

  async cameraIds(): Promise<string[]> {
    return (await request<{ id: string }[]>(this.url, 'GET', '/api/cameras', this.token)).map((c) => c.id);
  }

  /** getLiveStream */
  live(cameraId: string): Promise<LiveStreamBody> {
    return request<LiveStreamBody>(this.url, 'GET', `/api/cameras/${encodeURIComponent(cameraId)}/live`, this.token);
  }

  /** getPlayback */
  playback(cameraId: string, fromMs: number, toMs: number): Promise<PlaybackBody> {
    const q = `from=${encodeURIComponent(new Date(fromMs).toISOString())}&to=${encodeURIComponent(new Date(toMs).toISOString())}`;
    return request<PlaybackBody>(this.url, 'GET', `/api/cameras/${encodeURIComponent(cameraId)}/playback?${q}`, this.token);
  }

  /** ws://… for a media path the API returned. */
  webSocket(pathAndQuery: string): string {
    return this.url.replace(/^http/, 'ws') + pathAndQuery;
  }
}
