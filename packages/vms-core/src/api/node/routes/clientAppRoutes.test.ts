import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorHandler } from '../errorHandler';
import { isVmsError } from '../../../base/common/errors';
import type { ClientAppOptions } from './clientAppRoutes';
import { MANAGEMENT_CLIENT_APP, clientAppRoutes, resolveInside } from './clientAppRoutes';

const INDEX = '<!doctype html><title>Nightjar</title><div id="root"></div><script src="/assets/main-ABCD1234.js"></script>';

describe('client app routes', () => {
  let root: string;
  let dir: string;
  const apps: FastifyInstance[] = [];

  async function serve(o: ClientAppOptions): Promise<FastifyInstance> {
    const app = Fastify();
    app.setErrorHandler(errorHandler);
    await app.register(swagger, { openapi: { openapi: '3.0.3', info: { title: 't', version: '1' } } });
    app.get('/api/health', { schema: { operationId: 'getHealth' } }, async () => ({ ok: true }));
    await app.register(clientAppRoutes(o));
    await app.ready();
    apps.push(app);
    return app;
  }

  beforeEach(() => {
    // root/secret.txt and root/client/secret.txt sit outside the assets folder a request may reach.
    root = mkdtempSync(join(tmpdir(), 'nightjar-client-app-'));
    dir = join(root, 'client');
    mkdirSync(join(dir, 'assets', 'fonts'), { recursive: true });
    writeFileSync(join(root, 'secret.txt'), 'outside-secret');
    writeFileSync(join(dir, 'secret.txt'), 'beside-secret');
    writeFileSync(join(dir, 'index.html'), INDEX);
    writeFileSync(join(dir, 'assets', 'main-ABCD1234.js'), 'console.log("app")');
    writeFileSync(join(dir, 'assets', 'main-ABCD1234.css'), 'body{}');
    writeFileSync(join(dir, 'assets', 'notes.txt'), 'plain');
  });

  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('answers /, /app and any /app/* path with index.html, never cached', async () => {
    const app = await serve({ dir });
    for (const url of ['/', '/app', '/app/live/view-1', '/app/playback?at=2025-01-01T00:00:00Z']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toBe(INDEX);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-security-policy']).toBe("frame-ancestors 'none'");
    }
  });

  it('reads index.html on each request, so a rebuild shows without a restart', async () => {
    const app = await serve({ dir });
    expect((await app.inject({ url: '/' })).body).toBe(INDEX);
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>rebuilt</title>');
    expect((await app.inject({ url: '/' })).body).toContain('rebuilt');
  });

  it('serves assets with their content type; hashed names are cached for good, others revalidated', async () => {
    const app = await serve({ dir });
    const js = await app.inject({ url: '/assets/main-ABCD1234.js' });
    expect(js.statusCode).toBe(200);
    expect(js.body).toBe('console.log("app")');
    expect(js.headers).toMatchObject({
      'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=31536000, immutable',
      'content-length': String('console.log("app")'.length), 'x-content-type-options': 'nosniff',
    });
    expect((await app.inject({ url: '/assets/main-ABCD1234.css' })).headers['content-type']).toBe('text/css; charset=utf-8');
    const txt = await app.inject({ url: '/assets/notes.txt' });
    expect(txt.headers).toMatchObject({ 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-cache' });
  });

  it('never leaves the assets folder, however the path is spelt', async () => {
    const app = await serve({ dir });
    const attempts = [
      '/assets/../secret.txt', '/assets/../../secret.txt', '/assets/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt', '/assets/%2e%2e%2fsecret.txt', '/assets/..%5csecret.txt', '/assets/fonts/../../secret.txt',
      `/assets/${encodeURIComponent(join(root, 'secret.txt'))}`, '/assets/main-ABCD1234.js%00.txt', '/assets/', '/assets/fonts',
      '/assets/missing.js',
    ];
    for (const url of attempts) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(404);
      expect(res.body, url).not.toMatch(/(outside|beside)-secret/);
    }
  });

  it('says how to build the client when it is not built', async () => {
    const none = await (await serve({})).inject({ url: '/' });
    expect(none.statusCode).toBe(503);
    expect(none.headers['cache-control']).toBe('no-store');
    expect(none.body).toContain('started without --client-dir');
    expect(none.body).toContain('pnpm --filter @nightjar/smart-client build');
    expect((await (await serve({})).inject({ url: '/assets/main-ABCD1234.js' })).statusCode).toBe(404);

    rmSync(join(dir, 'index.html'));
    const unbuilt = await (await serve({ dir })).inject({ url: '/app/live' });
    expect(unbuilt.statusCode).toBe(503);
    expect(unbuilt.body).toContain(`There is no index.html in ${dir}`);
  });

  it('serves an app under a base path: every route below it is the SPA, its assets apart', async () => {
    const app = await serve({ dir, app: MANAGEMENT_CLIENT_APP });
    for (const url of ['/admin/', '/admin', '/admin/hardware/add', '/admin/x/y/z?tab=2']) expect((await app.inject({ url })).body, url).toBe(INDEX);
    expect((await app.inject({ url: '/admin/assets/main-ABCD1234.js' })).body).toBe('console.log("app")');
    expect((await app.inject({ url: '/admin/assets/missing.js' })).statusCode).toBe(404);
    // Nothing outside the base path belongs to it.
    for (const url of ['/', '/app', '/assets/main-ABCD1234.js', '/administrator']) expect((await app.inject({ url })).statusCode, url).toBe(404);
    const none = await (await serve({ app: MANAGEMENT_CLIENT_APP })).inject({ url: '/admin/' });
    expect(none.statusCode).toBe(503);
    expect(none.body).toContain('started without --admin-dir');
  });

  it('refuses a base path that is not a folder path', async () => {
    for (const basePath of ['admin/', '/admin', '']) {
      const error = await serve({ dir, app: { ...MANAGEMENT_CLIENT_APP, basePath } }).then(() => undefined, (e: unknown) => e);
      expect(isVmsError(error, 'VMS_ERR_BAD_INPUT'), basePath).toBe(true);
    }
  });

  it('stays out of the OpenAPI document', async () => {
    const app = await serve({ dir });
    const paths = Object.keys((app.swagger() as { paths: Record<string, unknown> }).paths);
    expect(paths).toEqual(['/api/health']);
  });
});

describe('resolveInside', () => {
  it('keeps paths under the root and refuses the rest', () => {
    expect(resolveInside('/srv/app', 'main.js')).toBe('/srv/app/main.js');
    expect(resolveInside('/srv/app', 'fonts/a.woff2')).toBe('/srv/app/fonts/a.woff2');
    expect(resolveInside('/srv/app', '../app2/x')).toBeUndefined();
    expect(resolveInside('/srv/app', '/etc/passwd')).toBeUndefined();
    expect(resolveInside('/srv/app', '')).toBeUndefined();
    expect(resolveInside('/srv/app', 'a\0b')).toBeUndefined();
    expect(resolveInside('/srv/app', 'a\\..\\b')).toBeUndefined();
  });
});
