import { createSocket } from 'node:dgram';
import type { Socket as UdpSocket } from 'node:dgram';
import { createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import { VmsError, errorMessage } from '../../base/common/errors';
import type { GenericEventSource } from '../common/definedEvents';
import { addressAllowed } from '../common/definedEvents';

/** What a listener hands on, and what it could not. */
export interface ListenerSink {
  message(bytes: Buffer, from: string): void;
  /** A sender not allowed, a message too long: dropped, and said why (the service throttles the log). */
  problem(from: string, what: string): void;
}

/** Connections one TCP source keeps open at most; more are refused so a flood cannot exhaust the process. */
const MAX_CONNECTIONS = 64;
/** A TCP sender silent this long is disconnected. */
const IDLE_MS = 5 * 60_000;

/** Splits bytes on any of the separators (the earliest; the longest at one position); keeps the rest. */
export class MessageSplitter {
  private readonly seps: Buffer[];
  private pending = Buffer.alloc(0);
  /** After an oversized message: drop bytes until the next separator. */
  private discarding = false;

  constructor(separators: readonly Buffer[], private readonly maxBytes: number, private readonly onOversized: () => void) {
    this.seps = [...separators].sort((a, b) => b.length - a.length);
  }

  push(chunk: Buffer, emit: (message: Buffer) => void): void {
    let buf = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    for (;;) {
      let at = -1;
      let len = 0;
      for (const s of this.seps) {
        const i = buf.indexOf(s);
        if (i >= 0 && (at < 0 || i < at)) [at, len] = [i, s.length];
      }
      if (at < 0) break;
      const message = buf.subarray(0, at);
      buf = buf.subarray(at + len);
      if (this.discarding) this.discarding = false;
      else if (message.length > this.maxBytes) this.onOversized();
      else if (message.length > 0) emit(message);
    }
    if (buf.length > this.maxBytes) {
      if (!this.discarding) this.onOversized();
      this.discarding = true;
      buf = Buffer.alloc(0);
    }
    this.pending = this.discarding ? Buffer.alloc(0) : Buffer.from(buf);
  }

  /** The stream ended: what is left is the last message. */
  end(emit: (message: Buffer) => void): void {
    if (!this.discarding && this.pending.length > 0) emit(this.pending);
    this.pending = Buffer.alloc(0);
  }
}

export function separatorBytes(source: Pick<GenericEventSource, 'separators' | 'encoding'>): Buffer[] {
  const enc = source.encoding === 'utf-16le' ? 'utf16le' : source.encoding === 'latin1' ? 'latin1' : 'utf8';
  return source.separators.map((s) => Buffer.from(s, enc));
}

/**
 * One TCP or UDP listener of a generic event source: checks the sender's address, cuts the
 * byte stream into messages, and drops (reporting) what is too long. Decoding and matching are
 * the service's.
 */
export class GenericEventListener {
  private constructor(
    private readonly server: Server | UdpSocket,
    readonly port: number,
    /** Open TCP connections, ended at close(). */
    private readonly connections = new Set<Socket>(),
  ) {}

  static async open(source: GenericEventSource, sink: ListenerSink): Promise<GenericEventListener> {
    return source.protocol === 'tcp' ? GenericEventListener.openTcp(source, sink) : GenericEventListener.openUdp(source, sink);
  }

  private static async openTcp(source: GenericEventSource, sink: ListenerSink): Promise<GenericEventListener> {
    const connections = new Set<Socket>();
    const server = createServer((socket) => {
      const from = socket.remoteAddress ?? 'unknown';
      if (!addressAllowed(from, source.allowedAddresses)) {
        sink.problem(from, 'address not allowed for this source; connection refused');
        socket.destroy();
        return;
      }
      if (connections.size >= MAX_CONNECTIONS) {
        sink.problem(from, `more than ${MAX_CONNECTIONS} connections; connection refused`);
        socket.destroy();
        return;
      }
      connections.add(socket);
      socket.setTimeout(IDLE_MS, () => socket.destroy());
      const splitter = new MessageSplitter(separatorBytes(source), source.maxMessageBytes,
        () => sink.problem(from, `message longer than ${source.maxMessageBytes} bytes dropped`));
      socket.on('data', (chunk: Buffer) => splitter.push(chunk, (m) => sink.message(m, from)));
      socket.on('end', () => splitter.end((m) => sink.message(m, from)));
      socket.on('error', () => socket.destroy());
      socket.on('close', () => connections.delete(socket));
    });
    const port = await new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(source.port, source.bindAddress, () => {
        server.off('error', reject);
        const addr = server.address();
        resolve(typeof addr === 'object' && addr ? addr.port : source.port);
      });
    }).catch((e: unknown) => {
      throw new VmsError('VMS_ERR_UNAVAILABLE', `tcp ${source.bindAddress}:${source.port}: ${errorMessage(e)}`, { cause: e });
    });
    return new GenericEventListener(server, port, connections);
  }

  private static async openUdp(source: GenericEventSource, sink: ListenerSink): Promise<GenericEventListener> {
    const socket = createSocket('udp4');
    const seps = separatorBytes(source);
    socket.on('message', (msg, rinfo) => {
      if (!addressAllowed(rinfo.address, source.allowedAddresses)) return sink.problem(rinfo.address, 'address not allowed for this source; datagram dropped');
      if (msg.length > source.maxMessageBytes) return sink.problem(rinfo.address, `datagram longer than ${source.maxMessageBytes} bytes dropped`);
      // A datagram is a message; separators in it split it further (a sender batching lines).
      const splitter = new MessageSplitter(seps, source.maxMessageBytes, () => undefined);
      const emit = (m: Buffer) => sink.message(m, rinfo.address);
      splitter.push(msg, emit);
      splitter.end(emit);
    });
    const port = await new Promise<number>((resolve, reject) => {
      socket.once('error', reject);
      socket.bind(source.port, source.bindAddress, () => {
        socket.off('error', reject);
        socket.on('error', () => undefined);
        resolve(socket.address().port);
      });
    }).catch((e: unknown) => {
      socket.close();
      throw new VmsError('VMS_ERR_UNAVAILABLE', `udp ${source.bindAddress}:${source.port}: ${errorMessage(e)}`, { cause: e });
    });
    return new GenericEventListener(socket, port);
  }

  async close(): Promise<void> {
    for (const c of this.connections) c.destroy();
    this.connections.clear();
    await new Promise<void>((resolve) => {
      if ('listen' in this.server) this.server.close(() => resolve());
      else this.server.close(() => resolve());
    });
  }
}
