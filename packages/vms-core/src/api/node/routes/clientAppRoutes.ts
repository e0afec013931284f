/**
 * Serves the clients' built renderers from the site, so the same app runs in a browser and in
 * the Electron shells (which load it from here): the Smart Client at `/`, the Management
 * Client at `/admin/`. The apps sign in through the API themselves, so these routes need no
 * token; they are no part of the API contract and stay out of OpenAPI. Under an app's base path:
 *
 *   base, SPA routes      index.html (the app routes by itself: SPA fallback), never cached
 *   base + assets/*       the bundle's files; names carrying a content hash are cached for good
 *
 * The Smart Client's SPA routes are /app and /app/*; the Management Client's are all of
 * /admin and /admin/* (its index.html loads /admin/assets/…).
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { VmsError } from '../../../base/common/errors';

/** One client app a site can serve, and how to build it (for the page shown while it is not built). */
export interface ClientApp {
  title: string;
  /** Where it is served: "/" or a prefix such as "/admin/". */
  basePath: string;
  /** Routes besides basePath answered with index.html, relative to basePath ("app", "app/*", "*"). */
  spaRoutes: readonly string[];
  packageName: string;
  /** The `vms site` option naming its build, and that build's usual folder. */
  siteOption: string;
  buildDir: string;
  /** The launcher that builds it and starts a site serving it. */
  launcher: string;
}

export const SMART_CLIENT_APP: ClientApp = {
  title: 'Smart Client', basePath: '/', spaRoutes: ['app', 'app/*'], packageName: '@nightjar/smart-client',
  siteOption: '--client-dir', buildDir: 'apps/smart-client/dist/renderer', launcher: 'pnpm start',
};

export const MANAGEMENT_CLIENT_APP: ClientApp = {
  title: 'Management Client', basePath: '/admin/', spaRoutes: ['*'], packageName: '@nightjar/management-client',
  siteOption: '--admin-dir', buildDir: 'apps/management-client/dist/renderer', launcher: 'pnpm admin',
};

export interface ClientAppOptions {
  /** The built renderer (the app's dist/renderer); without it the app's pages say how to build it. */
  dir?: string;
  /** Which app; the Smart Client when omitted. */
  app?: ClientApp;
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

export function notBuiltPage(dir: string | undefined, app: ClientApp = SMART_CLIENT_APP): string {
  const why = dir ? `There is no index.html in ${dir}.` : `This site was started without ${app.siteOption}.`;
  return `<!doctype html><meta charset="utf-8"><title>Nightjar: ${escapeHtml(app.title)} not built</title>`
    + '<body style="background:#16181c;color:#d6d9de;font:15px system-ui,sans-serif;padding:2em">'
    + `<h1 style="font-size:18px">The ${escapeHtml(app.title)} is not built</h1><p>${escapeHtml(why)}</p>`
    + `<p>Build it with <code>pnpm --filter ${app.packageName} build</code> and start the site with `
    + `<code>${app.siteOption} ${app.buildDir}</code>, or run <code>${app.launcher}</code>, which does both. `
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
  const client = o.app ?? SMART_CLIENT_APP;
  const base = client.basePath;
  if (!/^\/([\w-]+\/)*$/.test(base)) throw new VmsError('VMS_ERR_BAD_INPUT', `base path "${base}" must start and end with "/"`);
  const sendIndex = async (reply: FastifyReply) => {
    const html = o.dir ? await readFile(join(o.dir, 'index.html'), 'utf8').catch(() => undefined) : undefined;
    if (html === undefined) {
      return reply.status(503).headers({ ...PAGE_HEADERS, 'cache-control': 'no-store', 'content-type': CONTENT_TYPES['.html'] }).send(notBuiltPage(o.dir, client));
    }
    // Read on every request (it is small): a rebuild shows at the next reload, without a site restart.
    return reply.headers({ ...PAGE_HEADERS, 'content-type': CONTENT_TYPES['.html'] }).send(html);
  };
  const hidden = { schema: { hide: true } };
  // "/admin/" and "/admin" alike; "/" once.
  const pages = new Set([base, base.length > 1 ? base.slice(0, -1) : base, ...client.spaRoutes.map((route) => `${base}${route}`)]);
  for (const page of pages) app.get(page, hidden, (_req, reply) => sendIndex(reply));

  app.get<{ Params: { '*': string } }>(`${base}assets/*`, hidden, async (req, reply) => {
    const notFound = new VmsError('VMS_ERR_NOT_FOUND', `no ${client.title} asset ${req.params['*']}`);
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
