import { createHash, randomBytes } from 'node:crypto';
import net from 'node:net';
import { VmsError } from '../../../base/common/errors';
import { paceLoop } from '../../../base/node/loopPacer';
import type { Disposable } from '../../../base/common/event';
import type { AuthChallenge, DigestState } from '../../common/rtsp/auth';
import { buildAuthorization, chooseChallenge, parseWwwAuthenticate } from '../../common/rtsp/auth';
import type { RtspRequest, RtspResponse } from '../../common/rtsp/rtspMessage';
import { RtspReader, formatRtspMessage } from '../../common/rtsp/rtspMessage';
import type { Credentials } from '../../common/types';

const USER_AGENT = 'Nightjar';
/** Bytes read per socket read; a 1080p camera's burst for one frame fits. */
const READ_BUFFER_BYTES = 64 * 1024;

interface Pending {
  resolve(res: RtspResponse): void;
  reject(e: Error): void;
  timer: NodeJS.Timeout;
}

/**
 * One RTSP control connection: request/response matched by CSeq, 401 retry with Basic or
 * Digest, and interleaved binary data handed to `onData`. It closes exactly once and reports
 * why through `onClose` (undefined when disposed).
 */
export class RtspConnection implements Disposable {
  onData: (channel: number, payload: Uint8Array) => void = () => {};
  onClose: (error: Error | undefined) => void = () => {};
  /** Session id sent with every request once SETUP has returned one. */
  session: string | undefined;
  private cseq = 0;
  private readonly pending = new Map<number, Pending>();
  private readonly reader: RtspReader;
  private challenge: AuthChallenge | undefined;
  private digest: DigestState = { nc: 0 };
  private closed = false;

  private constructor(
    private readonly socket: net.Socket,
    private readonly credentials: Credentials,
    private readonly requestTimeoutMs: number,
    reads: ReadSink,
  ) {
    this.reader = new RtspReader({
      onMessage: (m) => (m.kind === 'response' ? this.onResponse(m) : this.onServerRequest(m)),
      onData: (channel, payload) => this.onData(channel, payload),
    });
    reads.take((chunk) => {
      if (this.closed) return;
      try {
        this.reader.push(chunk);
      } catch (e) {
        this.close(e instanceof Error ? e : new Error(String(e)));
      }
    });
    socket.on('error', (e) => this.close(unreachable(`connection to camera failed: ${e.message}`, e)));
    socket.on('close', () => this.close(unreachable('camera closed the connection')));
  }

  /** Opens a fresh TCP connection; refused or timed out → VMS_ERR_DEVICE_UNREACHABLE. */
  static connect(options: {
    host: string;
    port: number;
    credentials: Credentials;
    timeoutMs: number;
    requestTimeoutMs: number;
    signal?: AbortSignal;
  }): Promise<RtspConnection> {
    const { host, port, signal } = options;
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const reads = new ReadSink();
      // One buffer per connection, reused for every read: no allocation, stream machinery or
      // 'data' event per read, which cost more than parsing the media (docs/benchmarks.md). A
      // plain Uint8Array, not a Buffer: the parsers take a view per packet, and a Uint8Array's
      // subarray is V8's builtin where a Buffer's goes through node:buffer's JavaScript.
      const readBuffer = new Uint8Array(READ_BUFFER_BYTES);
      const onRead = (n: number) => {
        paceLoop(); // with many cameras, reads are what wakes the loop (base/node/loopPacer.ts)
        return reads.push(readBuffer.subarray(0, n));
      };
      const socket = net.connect({ host, port, noDelay: true, onread: { buffer: readBuffer, callback: onRead } });
      const fail = (e: Error) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        socket.destroy();
        reject(e);
      };
      const onAbort = () => fail(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
      const timer = setTimeout(
        () => fail(unreachable(`no connection to ${host}:${port} within ${options.timeoutMs} ms`)),
        options.timeoutMs,
      );
      signal?.addEventListener('abort', onAbort, { once: true });
      socket.once('error', (e) => fail(unreachable(`cannot connect to ${host}:${port}: ${e.message}`, e)));
      socket.once('connect', () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        socket.removeAllListeners('error');
        resolve(new RtspConnection(socket, options.credentials, options.requestTimeoutMs, reads));
      });
    });
  }

  get remoteAddress(): string | undefined {
    return this.socket.remoteAddress;
  }

  get localAddress(): string | undefined {
    return this.socket.localAddress;
  }

  /** Sends a request, answering one 401 with credentials; a second 401 → VMS_ERR_DEVICE_AUTH. */
  async request(method: string, url: string, headers: Record<string, string> = {}): Promise<RtspResponse> {
    const sentWithAuth = this.challenge !== undefined;
    const res = await this.send(method, url, headers);
    if (res.status !== 401) return res;
    const challenge = chooseChallenge(parseWwwAuthenticate(res.headers.getAll('www-authenticate')));
    const { username } = this.credentials;
    if (username === undefined || username === '') {
      throw new VmsError('VMS_ERR_DEVICE_AUTH', 'camera requires a user name and password');
    }
    if (!challenge) throw new VmsError('VMS_ERR_DEVICE_AUTH', 'camera offers no supported authentication scheme');
    if (sentWithAuth && challenge.params.get('stale')?.toLowerCase() !== 'true') {
      throw new VmsError('VMS_ERR_DEVICE_AUTH', 'camera rejected the user name or password');
    }
    this.challenge = challenge;
    this.digest = { nc: 0 };
    const retry = await this.send(method, url, headers);
    if (retry.status === 401) throw new VmsError('VMS_ERR_DEVICE_AUTH', 'camera rejected the user name or password');
    return retry;
  }

  private send(method: string, url: string, extra: Record<string, string>): Promise<RtspResponse> {
    if (this.closed) return Promise.reject(unreachable('connection is closed'));
    const cseq = ++this.cseq;
    const headers: [string, string][] = [['CSeq', String(cseq)], ['User-Agent', USER_AGENT]];
    if (this.session) headers.push(['Session', this.session]);
    const auth = this.authorization(method, url);
    if (auth) headers.push(['Authorization', auth]);
    for (const [k, v] of Object.entries(extra)) headers.push([k, v]);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(cseq);
        reject(unreachable(`camera did not answer ${method} within ${this.requestTimeoutMs} ms`));
      }, this.requestTimeoutMs);
      this.pending.set(cseq, { resolve, reject, timer });
      this.socket.write(formatRtspMessage(`${method} ${url} RTSP/1.0`, headers));
    });
  }

  private authorization(method: string, uri: string): string | undefined {
    if (!this.challenge) return undefined;
    return buildAuthorization({
      challenge: this.challenge,
      username: this.credentials.username ?? '',
      password: this.credentials.password ?? '',
      method,
      uri,
      md5: (s) => createHash('md5').update(s).digest('hex'),
      cnonce: () => randomBytes(8).toString('hex'),
      state: this.digest,
    });
  }

  private onResponse(res: RtspResponse): void {
    const cseq = Number(res.headers.get('cseq'));
    // Some cameras omit CSeq; then the oldest outstanding request is the one answered.
    const key = this.pending.has(cseq) ? cseq : this.pending.keys().next().value;
    if (key === undefined) return;
    const p = this.pending.get(key)!;
    this.pending.delete(key);
    clearTimeout(p.timer);
    p.resolve(res);
  }

  /** Servers may send requests (e.g. GET_PARAMETER as a ping); we implement none of them. */
  private onServerRequest(req: RtspRequest): void {
    const cseq = req.headers.get('cseq') ?? '0';
    this.socket.write(formatRtspMessage('RTSP/1.0 501 Not Implemented', [['CSeq', cseq]]));
  }

  /** Best-effort TEARDOWN, then close without waiting for an answer. */
  teardownAndDispose(url: string): void {
    if (!this.closed && this.session && this.socket.writable && this.socket.writableLength < 65536) {
      const headers: [string, string][] = [['CSeq', String(++this.cseq)], ['User-Agent', USER_AGENT], ['Session', this.session]];
      const auth = this.challenge ? this.authorization('TEARDOWN', url) : undefined;
      if (auth) headers.push(['Authorization', auth]);
      const socket = this.socket;
      this.close(undefined, false);
      socket.end(formatRtspMessage(`TEARDOWN ${url} RTSP/1.0`, headers), () => socket.destroy());
      socket.once('error', () => socket.destroy());
      return;
    }
    this.dispose();
  }

  dispose(): void {
    this.close(undefined);
  }

  private close(error: Error | undefined, destroy = true): void {
    if (this.closed) return;
    this.closed = true;
    if (destroy) this.socket.destroy();
    const reason = error ?? unreachable('connection closed');
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject(reason);
    }
    this.pending.clear();
    this.onClose(error);
  }
}

/**
 * Where a socket's reads go: the connection once it exists; until then (bytes before the
 * handshake is wired up) copies, since the read buffer is reused.
 */
class ReadSink {
  private sink: ((chunk: Uint8Array) => void) | undefined;
  private early: Uint8Array[] = [];

  /** Always true: onread pauses the socket on false, and reading never waits. */
  push(chunk: Uint8Array): boolean {
    if (this.sink) this.sink(chunk);
    else this.early.push(chunk.slice());
    return true;
  }

  take(sink: (chunk: Uint8Array) => void): void {
    this.sink = sink;
    for (const chunk of this.early.splice(0)) sink(chunk);
  }
}

function unreachable(message: string, cause?: unknown): VmsError {
  return new VmsError('VMS_ERR_DEVICE_UNREACHABLE', message, { cause });
}
