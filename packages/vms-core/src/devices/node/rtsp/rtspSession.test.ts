import { createHash } from 'node:crypto';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { isVmsError } from '../../../base/common/errors';
import { H264_PPS, H264_VECTORS, hex } from '../../../media/common/testVectors';
import { encodeBase64 } from '../../common/rtsp/base64';
import { parseAuthParams } from '../../common/rtsp/auth';
import { RtspReader, formatInterleaved, formatRtspMessage } from '../../common/rtsp/rtspMessage';
import type { RtspRequest } from '../../common/rtsp/rtspMessage';
import { buildRtpPacket } from '../../common/rtsp/rtp';
import { packetizeAccessUnit } from '../../common/rtsp/testPacketizer';
import { openRtspSession } from './openRtspStream';
import type { OpenRtspOptions } from './openRtspStream';

const md5 = (s: string) => createHash('md5').update(s).digest('hex');
const SPS = hex(H264_VECTORS[2]!.sps);
const PPS = hex(H264_PPS);

type Reply = { status?: string; headers?: [string, string][]; body?: string } | 'close';
type Handler = (req: RtspRequest, conn: FakeConnection) => Reply;

interface FakeConnection {
  id: number;
  socket: net.Socket;
  sendPicture(seq: number, key: boolean): void;
}

/** A scripted RTSP server: enough protocol to drive the client into corners a real one avoids. */
async function fakeServer(handler: Handler) {
  const requests: (RtspRequest & { connection: number })[] = [];
  const sockets = new Set<net.Socket>();
  let connections = 0;
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    let rtpSeq = 0;
    const conn: FakeConnection = {
      id: ++connections,
      socket,
      sendPicture(seq, key) {
        const nals = key ? [SPS, PPS, Uint8Array.of(0x65, 0x88, ...new Array(3000).fill(7))] : [Uint8Array.of(0x41, 0x9a, 1, 2)];
        const payloads = packetizeAccessUnit('h264', nals, 1000, true);
        payloads.forEach((payload, i) => {
          const rtp = buildRtpPacket({ payloadType: 96, sequence: rtpSeq++ & 0xffff, timestamp: seq * 3600, ssrc: 7, marker: i === payloads.length - 1, payload });
          socket.write(formatInterleaved(0, rtp));
        });
      },
    };
    const reader = new RtspReader({
      onData: () => {},
      onMessage: (m) => {
        if (m.kind !== 'request') return;
        requests.push({ ...m, connection: conn.id });
        const reply = handler(m, conn);
        if (reply === 'close') return void socket.destroy();
        const headers: [string, string][] = [['CSeq', m.headers.get('cseq') ?? '0'], ...(reply.headers ?? [])];
        socket.write(formatRtspMessage(`RTSP/1.0 ${reply.status ?? '200 OK'}`, headers, reply.body ? new TextEncoder().encode(reply.body) : undefined));
      },
    });
    socket.on('data', (d) => reader.push(d));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  const close = async () => {
    sockets.forEach((s) => s.destroy());
    await new Promise((resolve) => server.close(resolve));
  };
  cleanup.push(close);
  return { url: `rtsp://127.0.0.1:${port}/cam`, requests, close };
}

const SDP = `v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\ns=x\r\nt=0 0\r\nm=video 0 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\na=fmtp:96 packetization-mode=1;sprop-parameter-sets=${encodeBase64(SPS)},${encodeBase64(PPS)}\r\na=control:track1\r\n`;

/** Answers the usual handshake; `play` runs after PLAY is answered. */
function camera(opts: { sessionTimeout?: number; play?: (conn: FakeConnection) => void; sdp?: string } = {}): Handler {
  return (req, conn) => {
    switch (req.method) {
      case 'OPTIONS':
        return { headers: [['Public', 'OPTIONS, DESCRIBE, SETUP, PLAY, TEARDOWN, GET_PARAMETER']] };
      case 'DESCRIBE':
        return { headers: [['Content-Type', 'application/sdp'], ['Content-Base', req.url + '/']], body: opts.sdp ?? SDP };
      case 'SETUP':
        return { headers: [['Session', `sess${conn.id};timeout=${opts.sessionTimeout ?? 60}`], ['Transport', 'RTP/AVP/TCP;unicast;interleaved=0-1']] };
      case 'PLAY':
        if (opts.play) setImmediate(() => opts.play!(conn));
        return {};
      default:
        return {};
    }
  };
}

const cleanup: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function open(options: Partial<OpenRtspOptions> & { url: string }) {
  const session = await openRtspSession({ credentials: {}, transport: 'tcp', signal: new AbortController().signal, ...options });
  cleanup.push(() => session.dispose());
  return session;
}

describe('RtspSession with a scripted server', () => {
  it('delivers frames sent right after PLAY, then TEARDOWNs on dispose', async () => {
    const server = await fakeServer(camera({ play: (c) => [0, 1, 2].forEach((i) => c.sendPicture(i, i === 0)) }));
    const session = await open({ url: server.url });
    const frames = await new Promise<number>((resolve) => {
      let n = 0;
      session.onFrame(() => ++n === 3 && resolve(n));
    });
    expect(frames).toBe(3);
    session.dispose();
    await expect.poll(() => server.requests.map((r) => r.method)).toContain('TEARDOWN');
    const teardown = server.requests.find((r) => r.method === 'TEARDOWN')!;
    expect(teardown.headers.get('session')).toBe('sess1');
    expect(server.requests.find((r) => r.method === 'SETUP')!.url).toBe(server.url + '/track1');
  });

  it('closes with an error when media stops flowing', async () => {
    const server = await fakeServer(camera({ play: (c) => c.sendPicture(0, true) }));
    const session = await open({ url: server.url, dataTimeoutMs: 400 });
    const error = await session.closed;
    expect(isVmsError(error, 'VMS_ERR_DEVICE_UNREACHABLE')).toBe(true);
    expect(String(error)).toMatch(/no media/);
  });

  it('sends keepalives at half the session timeout', async () => {
    const server = await fakeServer(camera({ sessionTimeout: 1 }));
    await open({ url: server.url, dataTimeoutMs: 60_000 });
    await expect.poll(() => server.requests.filter((r) => r.method === 'GET_PARAMETER').length, { timeout: 3000 }).toBeGreaterThanOrEqual(2);
    expect(server.requests.find((r) => r.method === 'GET_PARAMETER')!.headers.get('session')).toBe('sess1');
  });

  it('uses a fresh connection and session for every open', async () => {
    const server = await fakeServer(camera());
    (await open({ url: server.url, dataTimeoutMs: 60_000 })).dispose();
    await open({ url: server.url, dataTimeoutMs: 60_000 });
    const plays = server.requests.filter((r) => r.method === 'PLAY');
    expect(plays.map((r) => [r.connection, r.headers.get('session')])).toEqual([[1, 'sess1'], [2, 'sess2']]);
  });

  it('answers a Digest challenge with qop=auth', async () => {
    const nonce = 'n0nce';
    const base = camera();
    const server = await fakeServer((req, conn) => {
      const auth = req.headers.get('authorization');
      if (!auth) return { status: '401 Unauthorized', headers: [['WWW-Authenticate', `Digest realm="cam", nonce="${nonce}", qop="auth", opaque="op"`]] };
      const p = parseAuthParams(auth.replace(/^Digest /, ''));
      const ha1 = md5(`admin:cam:pw`);
      const ha2 = md5(`${req.method}:${p.get('uri')}`);
      const ok = p.get('response') === md5(`${ha1}:${nonce}:${p.get('nc')}:${p.get('cnonce')}:auth:${ha2}`) && p.get('opaque') === 'op';
      return ok ? base(req, conn) : { status: '401 Unauthorized', headers: [['WWW-Authenticate', `Digest realm="cam", nonce="${nonce}", qop="auth"`]] };
    });
    await open({ url: server.url, credentials: { username: 'admin', password: 'pw' }, dataTimeoutMs: 60_000 });
    const wrong = open({ url: server.url, credentials: { username: 'admin', password: 'bad' } });
    await expect(wrong).rejects.toSatisfy((e) => isVmsError(e, 'VMS_ERR_DEVICE_AUTH'));
  });

  it('maps bad replies to protocol and codec errors', async () => {
    const garbage = await fakeServer(camera({ sdp: 'this is not sdp' }));
    await expect(open({ url: garbage.url })).rejects.toSatisfy((e) => isVmsError(e, 'VMS_ERR_DEVICE_PROTOCOL'));
    const mjpeg = await fakeServer(camera({ sdp: 'v=0\r\nm=video 0 RTP/AVP 26\r\na=rtpmap:26 JPEG/90000\r\n' }));
    await expect(open({ url: mjpeg.url })).rejects.toSatisfy((e) => isVmsError(e, 'VMS_ERR_UNSUPPORTED_CODEC'));
    const hangup = await fakeServer((req) => (req.method === 'DESCRIBE' ? 'close' : {}));
    await expect(open({ url: hangup.url })).rejects.toSatisfy((e) => isVmsError(e, 'VMS_ERR_DEVICE_UNREACHABLE'));
  });
});
