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
    const body = await call<{ token: string }>(url, 'POST', '/api/login', undefined, { username, password });
    return new StreamingApi(url, body.token);
  }

  async cameraIds(): Promise<string[]> {
    return (await call<{ id: string }[]>(this.url, 'GET', '/api/cameras', this.token)).map((c) => c.id);
  }

  /** getLiveStream */
  live(cameraId: string): Promise<LiveEndpoints> {
    return call<LiveEndpoints>(this.url, 'GET', `/api/cameras/${encodeURIComponent(cameraId)}/live`, this.token);
  }

  /** getPlayback */
  playback(cameraId: string, fromMs: number, toMs: number): Promise<PlaybackEndpoints> {
    const q = `from=${encodeURIComponent(new Date(fromMs).toISOString())}&to=${encodeURIComponent(new Date(toMs).toISOString())}`;
    return call<PlaybackEndpoints>(this.url, 'GET', `/api/cameras/${encodeURIComponent(cameraId)}/playback?${q}`, this.token);
  }

  /** ws://… for a media path the API returned. */
  webSocket(pathAndQuery: string): string {
    return this.url.replace(/^http/, 'ws') + pathAndQuery;
  }
}

async function call<T>(base: string, method: string, path: string, token?: string, body?: unknown): Promise<T> {
  const res = await fetch(base + path, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status}: ${text}`);
  return JSON.parse(text) as T;
}
