/**
 * A real `ws` client of a listening site's live event stream (/api/events/stream), collecting
 * what it receives. `settle()` sends a subscribe message and waits for its answer: the site
 * sends events as they are raised, so every event raised before the call that this client
 * will ever get has arrived once the answer has.
 */
import { WebSocket } from 'ws';
import type { EventStreamMessage, StreamedEvent } from '../../src/api/common/eventStreamSchemas';
import type { EventStreamFilter } from '../../src/events/common/eventStreamFilter';
import { cleanup } from './siteFixture';

export class EventStreamTestClient {
  readonly received: EventStreamMessage[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private readonly waiters = new Set<() => void>();
  private filter: EventStreamFilter = {};

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      this.received.push(JSON.parse(String(data)) as EventStreamMessage);
      for (const w of [...this.waiters]) w();
    });
    this.closed = new Promise((resolve) => socket.once('close', (code, reason) => {
      resolve({ code, reason: String(reason) });
      for (const w of [...this.waiters]) w();
    }));
  }

  /** Connects and sends `first` (an object, sent as JSON) when given. Terminated after the test. */
  static async connect(baseUrl: string, first?: object): Promise<EventStreamTestClient> {
    const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/api/events/stream`);
    const client = new EventStreamTestClient(socket);
    cleanup(() => socket.terminate());
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    if (first) socket.send(JSON.stringify(first));
    return client;
  }

  /** Signs in with `token` (and a filter, afterId) and waits for hello. */
  static async signedIn(baseUrl: string, token: string, extra: { filter?: EventStreamFilter; afterId?: number } = {}): Promise<EventStreamTestClient> {
    const client = await EventStreamTestClient.connect(baseUrl, { type: 'auth', accessToken: token, ...extra });
    client.filter = extra.filter ?? {};
    await client.next((m) => m.type === 'hello', 'hello');
    return client;
  }

  get events(): StreamedEvent[] {
    return this.received.flatMap((m) => (m.type === 'event' ? [m.event] : []));
  }

  /** Messages of events whose message text starts with `prefix` (tests tag what they raise). */
  tagged(prefix: string): string[] {
    return this.events.filter((e) => e.message.startsWith(prefix)).map((e) => e.message);
  }

  /** Round trip through the socket (re-sending the current filter): see the class comment. */
  async settle(): Promise<void> {
    const before = this.received.filter((m) => m.type === 'subscribed').length;
    this.socket.send(JSON.stringify({ type: 'subscribe', filter: this.filter }));
    await this.next(() => this.received.filter((m) => m.type === 'subscribed').length > before, 'subscribed');
  }

  /** Replaces the filter and waits until the site confirms it. */
  async subscribe(filter: EventStreamFilter): Promise<void> {
    this.filter = filter;
    await this.settle();
  }

  /** Resolves when `done` holds for what was received; fails when the socket closes first or after `timeoutMs`. */
  next(done: (m: EventStreamMessage) => boolean, what: string, timeoutMs = 10_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.received.some(done);
        if (!found && this.socket.readyState !== WebSocket.CLOSED) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        if (found) resolve();
        else reject(new Error(`socket closed before ${what}; received ${JSON.stringify(this.received.map((m) => m.type))}`));
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`no ${what} within ${timeoutMs} ms; received ${this.received.length} message(s)`));
      }, timeoutMs);
      this.waiters.add(check);
      check();
    });
  }
}
