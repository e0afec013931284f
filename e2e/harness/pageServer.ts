/**
 * The origin the test pages load from: a node:http server on 127.0.0.1 that serves
 * e2e/pages/*.html and the player bundles under /e2e/, and passes every other request, WebSocket
 * upgrades included, through to the site. Pages and media thus share one origin (no CORS), and
 * the pages come from a real loopback server: Chromium's Local Network Access checks block a
 * page that Playwright fulfilled itself from opening sockets to 127.0.0.1.
 * (The site's own fastify instance is ready before Site.open returns; no route can be added.)
 */
import { readFile } from 'node:fs/promises';
import { createServer, request } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { fileURLToPath } from 'node:url';

const E2E_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** What `/e2e/<name>` serves besides e2e/pages/*.html: the player bundles from node_modules. */
const BUNDLES: Record<string, string> = {
  'hls.js': join(E2E_ROOT, 'node_modules/hls.js/dist/hls.min.js'),
  'jsmpeg-player.js': join(E2E_ROOT, 'node_modules/@cycjimmy/jsmpeg-player/dist/jsmpeg-player.umd.min.js'),
};

export class PageServer {
  private readonly tunnels = new Set<Duplex>();
  /** Folders a test built at run time (bundles, generated pages), served under /e2e/ too. */
  private readonly staticDirs: string[] = [];

  private constructor(
    private readonly server: Server,
    /** http://127.0.0.1:<port> */
    readonly origin: string,
  ) {}

  /** Starts serving pages and forwarding everything else to `site` (http://host:port). */
  static async start(site: string): Promise<PageServer> {
    const target = new URL(site);
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const pages = new PageServer(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    server.on('request', (req, res) => {
      const path = new URL(req.url ?? '/', pages.origin).pathname;
      if (path.startsWith('/e2e/')) {
        void testFile(path.slice('/e2e/'.length), pages.staticDirs).then((file) => {
          if (!file) return res.writeHead(404).end(`no test file ${path}`);
          res.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-store' }).end(file.body);
        });
        return;
      }
      const upstream = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      upstream.on('error', () => res.destroy());
      res.on('close', () => upstream.destroy());
      req.pipe(upstream);
    });
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      // A raw tunnel: the site answers the handshake and its close frames reach the page as sent.
      const upstream: Socket = connect(Number(target.port), target.hostname, () => {
        upstream.write(`${req.method} ${req.url} HTTP/1.1\r\n${headerLines(req.rawHeaders)}\r\n`);
        upstream.write(head);
        socket.pipe(upstream).pipe(socket);
      });
      for (const s of [socket, upstream]) {
        pages.tunnels.add(s);
        s.on('error', () => undefined);
        s.on('close', () => {
          pages.tunnels.delete(s);
          socket.destroy();
          upstream.destroy();
        });
      }
    });
    return pages;
  }

  /**
   * Also serves `<dir>/<name>.{html,js,css}` as /e2e/<name>.<ext>, after the built-in pages.
   * For pages a test bundles at start (e.g. React entries built with esbuild).
   */
  serveDirectory(dir: string): void {
    this.staticDirs.push(dir);
  }

  /** Cuts every WebSocket tunnel as a network failure would: pages see an abnormal close (1006). */
  dropWebSockets(): void {
    for (const s of this.tunnels) s.destroy();
  }

  async close(): Promise<void> {
    for (const s of this.tunnels) s.destroy();
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

function headerLines(raw: string[]): string {
  let out = '';
  for (let i = 0; i + 1 < raw.length; i += 2) out += `${raw[i]}: ${raw[i + 1]}\r\n`;
  return out;
}

const TYPES: Record<string, string> = { html: 'text/html; charset=utf-8', js: 'text/javascript', css: 'text/css' };

async function testFile(name: string, staticDirs: readonly string[] = []): Promise<{ type: string; body: Buffer } | undefined> {
  const bundle = BUNDLES[name];
  if (bundle) return { type: 'text/javascript', body: await readFile(bundle) };
  const ext = /^[a-z][a-z0-9-]*\.(html|js|css)$/.exec(name)?.[1];
  if (!ext) return undefined;
  // The fixed name pattern keeps requests inside these folders (no '/' or '..').
  for (const dir of ext === 'html' ? [join(E2E_ROOT, 'pages'), ...staticDirs] : staticDirs) {
    const body = await readFile(join(dir, name)).catch(() => undefined);
    if (body) return { type: TYPES[ext]!, body };
  }
  return undefined;
}
