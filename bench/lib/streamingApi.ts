import { request } from './siteApi';
/** The live and playback endpoints the streaming benchmarks call, as a client would. */
export interface LiveEndpoints {
  streamKey: string;
  token: string;
  webSocketUrl: string;
}

export interface PlaybackEndpoints {
  token: string;
  webSocketUrl: string;
}

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
  live(cameraId: string): Promise<LiveEndpoints> {
    return request<LiveEndpoints>(this.url, 'GET', `/api/cameras/${encodeURIComponent(cameraId)}/live`, this.token);
  }

  /** getPlayback */
  playback(cameraId: string, fromMs: number, toMs: number): Promise<PlaybackEndpoints> {
    const q = `from=${encodeURIComponent(new Date(fromMs).toISOString())}&to=${encodeURIComponent(new Date(toMs).toISOString())}`;
    return request<PlaybackEndpoints>(this.url, 'GET', `/api/cameras/${encodeURIComponent(cameraId)}/playback?${q}`, this.token);
  }

  /** ws://… for a media path the API returned. */
  webSocket(pathAndQuery: string): string {
    return this.url.replace(/^http/, 'ws') + pathAndQuery;
  }
}
