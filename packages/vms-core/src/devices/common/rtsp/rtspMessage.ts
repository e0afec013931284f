import { VmsError } from '../../../base/common/errors';

/**
 * Incremental reader of what an RTSP server sends on its TCP connection: responses (and the
 * rare server-to-client request) interleaved with `$`-framed binary data (RFC 2326 §10.12).
 * It is fed arbitrary chunks. Binary payloads are views into the chunk whenever the frame lies
 * inside it, so the per-packet path makes no copies.
 */

export class RtspHeaders {
  private readonly entries: [string, string][] = [];
  add(name: string, value: string): void {
    this.entries.push([name.toLowerCase(), value]);
  }
  get(name: string): string | undefined {
    const n = name.toLowerCase();
    return this.entries.find((e) => e[0] === n)?.[1];
  }
  getAll(name: string): string[] {
    const n = name.toLowerCase();
    return this.entries.filter((e) => e[0] === n).map((e) => e[1]);
  }
  get size(): number {
    return this.entries.length;
  }
}

export interface RtspResponse {
  kind: 'response';
  status: number;
  reason: string;
  headers: RtspHeaders;
  body: Uint8Array;
}

export interface RtspRequest {
  kind: 'request';
  method: string;
  url: string;
  headers: RtspHeaders;
  body: Uint8Array;
}

export interface RtspReaderHandlers {
  onMessage(message: RtspResponse | RtspRequest): void;
  /** `payload` is a view valid only during the call: copy what you keep. */
  onData(channel: number, payload: Uint8Array): void;
}

export interface RtspReaderLimits {
  maxHeaderBytes: number;
  maxBodyBytes: number;
  /** Junk tolerated between messages before the stream is declared broken. */
  maxGarbageBytes: number;
}

const DEFAULT_LIMITS: RtspReaderLimits = { maxHeaderBytes: 16384, maxBodyBytes: 1 << 20, maxGarbageBytes: 65536 };
const DOLLAR = 0x24;
const CR = 0x0d;
const LF = 0x0a;

export class RtspReader {
  private pending: Uint8Array | undefined;
  private garbage = 0;
  private failed: VmsError | undefined;
  private readonly limits: RtspReaderLimits;

  constructor(
    private readonly handlers: RtspReaderHandlers,
    limits: Partial<RtspReaderLimits> = {},
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
  }

  /** Feeds bytes. Throws a VmsError (VMS_ERR_DEVICE_PROTOCOL) once the stream is unparseable. */
  push(chunk: Uint8Array): void {
    if (this.failed) throw this.failed;
    try {
      this.pushInner(chunk);
    } catch (e) {
      this.failed =
        e instanceof VmsError ? e : new VmsError('VMS_ERR_DEVICE_PROTOCOL', 'RTSP reader failed', { cause: e });
      throw this.failed;
    }
  }

  private pushInner(chunk: Uint8Array): void {
    let buf = chunk;
    const pending = this.pending;
    this.pending = undefined;
    if (pending) {
      // A frame split across chunks: complete it from the head of the new chunk only.
      if (pending.length >= 4 && pending[0] === DOLLAR) {
        const total = 4 + ((pending[2]! << 8) | pending[3]!);
        const need = total - pending.length;
        if (chunk.length < need) {
          this.pending = concat(pending, chunk);
          return;
        }
        const frame = concat(pending, chunk.subarray(0, need));
        this.handlers.onData(frame[1]!, frame.subarray(4));
        buf = chunk.subarray(need);
      } else {
        buf = concat(pending, chunk);
      }
    }
    let off = 0;
    while (off < buf.length) {
      const used = this.parseOne(buf, off);
      if (used === 0) {
        // Copied: the chunk's memory may be reused for the next read (RtspConnection reads into one buffer).
        this.pending = Uint8Array.prototype.slice.call(buf, off);
        if (this.pending[0] !== DOLLAR && this.pending.length > this.limits.maxHeaderBytes + this.limits.maxBodyBytes) {
          throw protocol('RTSP message too large');
        }
        return;
      }
      off += used;
    }
  }

  /** Parses one item at `off`; returns bytes consumed, or 0 when more input is needed. */
  private parseOne(buf: Uint8Array, off: number): number {
    const b = buf[off]!;
    if (b === DOLLAR) {
      if (buf.length - off < 4) return 0;
      const len = (buf[off + 2]! << 8) | buf[off + 3]!;
      if (buf.length - off < 4 + len) return 0;
      this.garbage = 0;
      this.handlers.onData(buf[off + 1]!, buf.subarray(off + 4, off + 4 + len));
      return 4 + len;
    }
    if (b === CR || b === LF) return 1; // stray line ends between messages are harmless
    if (!isTokenStart(buf, off)) {
      // Skip junk up to something that can start an item, within a bound.
      let i = off + 1;
      while (i < buf.length && buf[i] !== DOLLAR && !isTokenStart(buf, i)) i++;
      this.garbage += i - off;
      if (this.garbage > this.limits.maxGarbageBytes) throw protocol(`more than ${this.limits.maxGarbageBytes} bytes of junk`);
      return i - off;
    }
    const headerEnd = findHeaderEnd(buf, off, this.limits.maxHeaderBytes);
    if (headerEnd < 0) {
      if (buf.length - off > this.limits.maxHeaderBytes) throw protocol('RTSP header too long');
      return 0;
    }
    const text = latin1(buf.subarray(off, headerEnd));
    const lines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
    const first = lines[0] ?? '';
    const headers = new RtspHeaders();
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i]!;
      if (line === '') continue;
      const colon = line.indexOf(':');
      if (colon <= 0) throw protocol(`malformed header line ${JSON.stringify(line.slice(0, 80))}`);
      headers.add(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
    }
    const lengthText = headers.get('content-length');
    let bodyLength = 0;
    if (lengthText !== undefined) {
      if (!/^\d{1,9}$/.test(lengthText)) throw protocol(`bad Content-Length ${JSON.stringify(lengthText.slice(0, 20))}`);
      bodyLength = Number(lengthText);
      if (bodyLength > this.limits.maxBodyBytes) throw protocol(`body of ${bodyLength} bytes exceeds limit`);
    }
    const bodyStart = skipHeaderTerminator(buf, headerEnd);
    if (buf.length < bodyStart + bodyLength) return 0;
    // Copied (Uint8Array's slice, even when buf is a Buffer): the caller may reuse the chunk's memory.
    const body = Uint8Array.prototype.slice.call(buf, bodyStart, bodyStart + bodyLength);
    this.garbage = 0;
    const status = /^RTSP\/(\d)\.(\d) (\d{3})(?: (.*))?$/.exec(first);
    if (status) {
      this.handlers.onMessage({ kind: 'response', status: Number(status[3]), reason: status[4] ?? '', headers, body });
    } else {
      const req = /^([A-Z_]+) (\S+) RTSP\/\d\.\d$/.exec(first);
      if (!req) throw protocol(`malformed start line ${JSON.stringify(first.slice(0, 80))}`);
      this.handlers.onMessage({ kind: 'request', method: req[1]!, url: req[2]!, headers, body });
    }
    return bodyStart + bodyLength - off;
  }
}

/** An item starts with "RTSP/" or an upper-case method name. */
function isTokenStart(buf: Uint8Array, i: number): boolean {
  const b = buf[i]!;
  return b >= 0x41 && b <= 0x5a;
}

/** Offset of the blank line ending the header (CRLFCRLF or LFLF), or -1. */
function findHeaderEnd(buf: Uint8Array, off: number, max: number): number {
  const end = Math.min(buf.length, off + max + 4);
  for (let i = off; i < end - 1; i++) {
    if (buf[i] !== LF) continue;
    if (buf[i + 1] === LF) return i;
    if (buf[i + 1] === CR && i + 2 < buf.length && buf[i + 2] === LF) return i;
  }
  return -1;
}

function skipHeaderTerminator(buf: Uint8Array, i: number): number {
  return buf[i + 1] === LF ? i + 2 : i + 3;
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 4096) {
    s += String.fromCharCode(...bytes.subarray(i, i + 4096));
  }
  return s;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function protocol(message: string): VmsError {
  return new VmsError('VMS_ERR_DEVICE_PROTOCOL', `RTSP: ${message}`);
}

/** Serializes a request (or, for tests, a response when `startLine` is a status line). */
export function formatRtspMessage(startLine: string, headers: [string, string][], body?: Uint8Array): Uint8Array {
  let head = startLine + '\r\n';
  for (const [name, value] of headers) head += `${name}: ${value}\r\n`;
  if (body && body.length > 0) head += `Content-Length: ${body.length}\r\n`;
  head += '\r\n';
  const headBytes = new TextEncoder().encode(head);
  return body && body.length > 0 ? concat(headBytes, body) : headBytes;
}

/** Frames a binary payload as `$`, channel, 16-bit length (used by tests and fuzzers). */
export function formatInterleaved(channel: number, payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + payload.length);
  out[0] = DOLLAR;
  out[1] = channel;
  out[2] = payload.length >> 8;
  out[3] = payload.length & 0xff;
  out.set(payload, 4);
  return out;
}
