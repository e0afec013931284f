/**
 * A real `ws` client of a listening site's updates socket (/api/updates), collecting what it
 * receives so tests can await a message or prove one never came before a later marker.
 */
import { WebSocket } from 'ws';
import type { SiteUpdate } from '../../src/api/common/updateSchemas';
import { cleanup } from './siteFixture';

export class UpdatesClient {
  readonly received: SiteUpdate[] = [];
  /** Resolves with the close code and reason, whoever closed. */
  readonly closed: Promise<{ code: number; reason: string }>;
  private readonly waiters = new Set<() => void>();

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      this.received.push(JSON.parse(String(data)) as SiteUpdate);
      for (const w of [...this.waiters]) w();
    });
    this.closed = new Promise((resolve) => socket.once('close', (code, reason) => {
      resolve({ code, reason: String(reason) });
      for (const w of [...this.waiters]) w();
    }));
  }

  /**
   * Connects to `${baseUrl}/api/updates`; sends `auth` as the first message when given (a token
   * string becomes {type:'auth', accessToken}). Closed after the test.
   */
  static async connect(baseUrl: string, auth?: string | object): Promise<UpdatesClient> {
    const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/api/updates`);
    const client = new UpdatesClient(socket);
    cleanup(() => socket.terminate());
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    if (auth !== undefined) socket.send(typeof auth === 'string' ? JSON.stringify({ type: 'auth', accessToken: auth }) : JSON.stringify(auth));
    return client;
  }

  /** Connects with a token and waits for the site's hello. */
  static async signedIn(baseUrl: string, token: string): Promise<UpdatesClient> {
    const client = await UpdatesClient.connect(baseUrl, token);
    await client.next((m) => m.type === 'hello', 'hello');
    return client;
  }

  /** The first message received (already or later) matching `match`; fails after `timeoutMs`. */
  next<T extends SiteUpdate>(match: (m: SiteUpdate) => m is T, what: string, timeoutMs?: number): Promise<T>;
  next(match: (m: SiteUpdate) => boolean, what: string, timeoutMs?: number): Promise<SiteUpdate>;
  next(match: (m: SiteUpdate) => boolean, what: string, timeoutMs = 10_000): Promise<SiteUpdate> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.received.find(match);
        if (!found && this.socket.readyState !== WebSocket.CLOSED) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        if (found) resolve(found);
        else reject(new Error(`socket closed before ${what}; received ${JSON.stringify(this.received.map((m) => m.type))}`));
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`no ${what} within ${timeoutMs} ms; received ${JSON.stringify(this.received)}`));
      }, timeoutMs);
      this.waiters.add(check);
      check();
    });
  }

  /** Messages received before the first one matching `marker` (which must have arrived). */
  before(marker: (m: SiteUpdate) => boolean): SiteUpdate[] {
    const i = this.received.findIndex(marker);
    if (i < 0) throw new Error('the marker message has not arrived');
    return this.received.slice(0, i);
  }
}
