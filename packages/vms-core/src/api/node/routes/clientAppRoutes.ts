/**
 * Serves the Smart Client's renderer from the site, so the same app runs in a browser and in
 * the Electron shell (which loads it from here). The app signs in through the API itself, so
 * these routes need no token; they are no part of the API contract and stay out of OpenAPI.
 *
 *   /, /app, /app/*   index.html (the app routes by itself: SPA fallback), never cached
 *   /assets/*         the bundle's files; names carrying a content hash are cached for good
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { VmsError } from '../../../base/common/errors';

export interface ClientAppOptions {
  /** The built renderer (apps/smart-client/dist/renderer); without it `/` says how to build it. */
  dir?: string;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** esbuild's `[name]-[hash]` file names: such a file never changes under the same name. */
const HASHED_NAME = /-[A-Z0-9]{8,}\.[a-z0-9]+$/;

/** `frame-ancestors` works only as a header (the page's own CSP is a meta tag in index.html). */
const PAGE_HEADERS = {
  'cache-control': 'no-cache',
  'x-content-type-options': 'nosniff',
  'content-security-policy': "frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
};

export function notBuiltPage(dir: string | undefined): string {
  const why = dir ? `There is no index.html in ${dir}.` : 'This site was started without --client-dir.';
  return '<!doctype html><meta charset="utf-8"><title>Nightjar: Smart Client not built</title>'
    + '<body style="background:#16181c;color:#d6d9de;font:15px system-ui,sans-serif;padding:2em">'
    + `<h1 style="font-size:18px">The Smart Client is not built</h1><p>${escapeHtml(why)}</p>`
    + '<p>Build it with <code>pnpm --filter @nightjar/smart-client build</code> and start the site with '
    + '<code>--client-dir apps/smart-client/dist/renderer</code>, or run <code>pnpm start</code>, which does both. '
    + 'The API stays available at <a style="color:#7fb3ff" href="/api/openapi.json">/api/openapi.json</a>.</p></body>';
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The file under `root` that the URL path `relative` names, or undefined when it would leave
 * `root` (`..`, absolute paths, NUL): such requests get the same 404 as a missing file.
 */
export function resolveInside(root: string, relative: string): string | undefined {
  if (relative.includes('\0') || relative.includes('\\')) return undefined;
  const base = resolve(root);
  const file = resolve(base, relative);
  return file.startsWith(base + sep) ? file : undefined;
}

export const clientAppRoutes = (o: ClientAppOptions) => async (app: FastifyInstance): Promise<void> => {
  const sendIndex = async (reply: FastifyReply) => {
    const html = o.dir ? await readFile(join(o.dir, 'index.html'), 'utf8').catch(() => undefined) : undefined;
    if (html === undefined) {
      return reply.status(503).headers({ ...PAGE_HEADERS, 'cache-control': 'no-store', 'content-type': CONTENT_TYPES['.html'] }).send(notBuiltPage(o.dir));
    }
    // Read on every request (it is small): a rebuild shows at the next reload, without a site restart.
    return reply.headers({ ...PAGE_HEADERS, 'content-type': CONTENT_TYPES['.html'] }).send(html);
  };
  const hidden = { schema: { hide: true } };
  app.get('/', hidden, (_req, reply) => sendIndex(reply));
  app.get('/app', hidden, (_req, reply) => sendIndex(reply));
  app.get('/app/*', hidden, (_req, reply) => sendIndex(reply));

  app.get<{ Params: { '*': string } }>('/assets/*', hidden, async (req, reply) => {
    const notFound = new VmsError('VMS_ERR_NOT_FOUND', `no client asset ${req.params['*']}`);
    if (!o.dir) throw notFound;
    const file = resolveInside(join(o.dir, 'assets'), req.params['*']);
    const info = file ? await stat(file).catch(() => undefined) : undefined;
    if (!file || !info?.isFile()) throw notFound;
    return reply.headers({
      'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': String(info.size),
      'cache-control': HASHED_NAME.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
    }).send(createReadStream(file));
  });
};
