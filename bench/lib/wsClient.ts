import { createRequire } from 'node:module';
import path from 'node:path';
import { REPO_ROOT } from './siteProcess';

/**
 * The `ws` client, loaded from vms-core's dependencies (bench/ has no node_modules of its own;
 * Node 20 has no WebSocket global without a flag). Typed by the few members the benchmarks use.
 */
export interface BenchSocket {
  on(event: 'message', listener: (data: Buffer, isBinary: boolean) => void): this;
  on(event: 'close', listener: (code: number, reason: Buffer) => void): this;
  on(event: 'error', listener: (error: Error) => void): this;
  once(event: 'open', listener: () => void): this;
  once(event: 'error', listener: (error: Error) => void): this;
  once(event: 'close', listener: (code: number, reason: Buffer) => void): this;
  send(data: string): void;
  close(): void;
  terminate(): void;
  readonly readyState: number;
}

type WebSocketConstructor = new (url: string, options?: { perMessageDeflate?: boolean }) => BenchSocket;

const requireFromCore = createRequire(path.join(REPO_ROOT, 'packages/vms-core/package.json'));
const WebSocketClass = requireFromCore('ws') as WebSocketConstructor;

/**
 * Opens a WebSocket (no compression). `onMessage` is attached before the handshake completes:
 * the first messages can arrive in the same read as the handshake's answer, before 'open'
 * resolves the promise.
 */
export function openWebSocket(url: string, onMessage?: (data: Buffer, isBinary: boolean) => void, timeoutMs = 10_000): Promise<BenchSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocketClass(url, { perMessageDeflate: false });
    if (onMessage) socket.on('message', onMessage);
    const timer = setTimeout(() => {
      socket.terminate();
      reject(new Error(`WebSocket ${url} did not open in ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once('open', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

/** Closes a socket and waits for the close (at most 2 s, then drops it). */
export function closeWebSocket(socket: BenchSocket): Promise<void> {
  if (socket.readyState === 3) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      socket.terminate();
      resolve();
    }, 2000);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
    socket.close();
  });
}
