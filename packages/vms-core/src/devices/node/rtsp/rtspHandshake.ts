import { VmsError } from '../../../base/common/errors';
import type { Sdp, VideoTrack } from '../../common/rtsp/sdp';
import { findVideoTrack, parseSdp } from '../../common/rtsp/sdp';
import type { RtspResponse } from '../../common/rtsp/rtspMessage';
import type { Credentials } from '../../common/types';
import { RtspConnection } from './rtspConnection';

export interface HandshakeOptions {
  url: string;
  credentials: Credentials;
  signal?: AbortSignal;
  connectTimeoutMs?: number;
  requestTimeoutMs?: number;
}

export interface Described {
  connection: RtspConnection;
  /** The stream URL without user info, as sent in requests. */
  requestUrl: string;
  /** Base for relative a=control (Content-Base, Content-Location or the request URL). */
  baseUrl: string;
  sdp: Sdp;
  track: VideoTrack;
  supportsGetParameter: boolean;
}

/** Splits user info out of an rtsp:// URL; credentials in options win over those in the URL. */
export function parseRtspUrl(url: string, credentials: Credentials): { host: string; port: number; requestUrl: string; credentials: Credentials } {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new VmsError('VMS_ERR_BAD_INPUT', `not a URL: ${url}`);
  }
  if (u.protocol !== 'rtsp:') throw new VmsError('VMS_ERR_BAD_INPUT', `not an rtsp:// URL: ${u.protocol}`);
  const fromUrl: Credentials = u.username ? { username: decodeURIComponent(u.username), password: decodeURIComponent(u.password) } : {};
  u.username = '';
  u.password = '';
  const host = u.hostname.replace(/^\[(.*)\]$/, '$1');
  return {
    host,
    port: u.port ? Number(u.port) : 554,
    requestUrl: u.toString(),
    credentials: credentials.username ? credentials : fromUrl,
  };
}

/**
 * Fresh TCP connection, OPTIONS, DESCRIBE (with the 401 retry inside the connection) and the
 * choice of video track. A new connection per session means a stale session on the camera
 * never blocks a reconnect. On failure the connection is closed before the error is thrown.
 */
export async function connectAndDescribe(options: HandshakeOptions): Promise<Described> {
  const target = parseRtspUrl(options.url, options.credentials);
  const connection = await RtspConnection.connect({
    host: target.host,
    port: target.port,
    credentials: target.credentials,
    timeoutMs: options.connectTimeoutMs ?? 5000,
    requestTimeoutMs: options.requestTimeoutMs ?? 10000,
    signal: options.signal,
  });
  const onAbort = () => connection.dispose();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const opts = await connection.request('OPTIONS', target.requestUrl);
    // OPTIONS failing for other reasons than auth is common on cheap cameras; carry on.
    const supportsGetParameter = /\bGET_PARAMETER\b/i.test(opts.headers.get('public') ?? '');
    const res = await connection.request('DESCRIBE', target.requestUrl, { Accept: 'application/sdp' });
    expectOk(res, 'DESCRIBE');
    const text = new TextDecoder().decode(res.body);
    const sdp = parseSdp(text);
    const baseUrl = res.headers.get('content-base') ?? res.headers.get('content-location') ?? target.requestUrl;
    const track = findVideoTrack(sdp, baseUrl);
    return { connection, requestUrl: target.requestUrl, baseUrl, sdp, track, supportsGetParameter };
  } catch (e) {
    connection.dispose();
    throw options.signal?.aborted ? options.signal.reason : e;
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
}

export function expectOk(res: RtspResponse, method: string): void {
  if (res.status >= 200 && res.status < 300) return;
  throw new VmsError('VMS_ERR_DEVICE_PROTOCOL', `camera answered ${method} with ${res.status} ${res.reason}`.trim());
}

/** Parses `Session: id;timeout=60`. */
export function parseSessionHeader(value: string | undefined): { id: string; timeoutS?: number } | undefined {
  if (!value) return undefined;
  const [id, ...params] = value.split(';').map((s) => s.trim());
  if (!id) return undefined;
  const timeout = params.map((p) => /^timeout=(\d+)$/i.exec(p)).find(Boolean);
  const timeoutS = timeout ? Number(timeout[1]) : undefined;
  return { id, timeoutS: timeoutS && timeoutS > 0 ? timeoutS : undefined };
}

/** Parses the parts of a Transport header reply we use. */
export function parseTransportHeader(value: string | undefined): { interleaved?: [number, number]; serverPort?: [number, number] } {
  const out: { interleaved?: [number, number]; serverPort?: [number, number] } = {};
  for (const part of (value ?? '').split(';')) {
    const m = /^\s*(interleaved|server_port)=(\d+)(?:-(\d+))?\s*$/i.exec(part);
    if (!m) continue;
    const a = Number(m[2]);
    const pair: [number, number] = [a, m[3] !== undefined ? Number(m[3]) : a + 1];
    if (m[1]!.toLowerCase() === 'interleaved') out.interleaved = pair;
    else out.serverPort = pair;
  }
  return out;
}
