/**
 * A site serving both clients' built renderers: the Smart Client at `/`, the Management Client
 * at `/admin/` (index, SPA fallback, its own assets), the API untouched beside them, and a page
 * saying how to build an app the site has no build of.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Site } from '../../src/site/node/site';
import type { SiteOptions } from '../../src/site/node/site';

const ADMIN_INDEX = '<!doctype html><title>Nightjar Management Client</title><div id="root"></div><script type="module" src="/admin/assets/main-ADM1N234.js"></script>';
const CLIENT_INDEX = '<!doctype html><title>Nightjar Smart Client</title><div id="root"></div><script type="module" src="/assets/main-CL1ENT34.js"></script>';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

function folder(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A built renderer: index.html and one hashed asset. */
function build(index: string, asset: string, body: string): string {
  const dir = folder('nightjar-renderer-');
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), index);
  writeFileSync(join(dir, 'assets', asset), body);
  return dir;
}

async function site(o: Pick<SiteOptions, 'clientAppDir' | 'adminAppDir'>): Promise<Site> {
  const opened = await Site.open({ dataDir: folder('nightjar-it-apps-'), adminPassword: 'admin-secret', ...o });
  cleanups.push(() => opened.close());
  return opened;
}

describe('client apps served by the site', () => {
  it('serves the Management Client at /admin/ with SPA fallback and its own assets, beside the Smart Client and the API', async () => {
    const adminAppDir = build(ADMIN_INDEX, 'main-ADM1N234.js', 'console.log("admin")');
    const clientAppDir = build(CLIENT_INDEX, 'main-CL1ENT34.js', 'console.log("client")');
    const { api } = await site({ clientAppDir, adminAppDir });

    for (const url of ['/admin/', '/admin', '/admin/cameras/3f2a?tab=record', '/admin/security/roles/new']) {
      const res = await api.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toBe(ADMIN_INDEX);
      expect(res.headers).toMatchObject({ 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache', 'content-security-policy': "frame-ancestors 'none'" });
    }
    const asset = await api.inject({ url: '/admin/assets/main-ADM1N234.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.body).toBe('console.log("admin")');
    expect(asset.headers).toMatchObject({ 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=31536000, immutable' });

    // A missing asset is a 404, never the SPA's index.html; nothing outside the assets folder is reachable.
    for (const url of ['/admin/assets/missing-ABCD1234.js', '/admin/assets/..%2findex.html', '/admin/assets/main-CL1ENT34.js']) {
      const res = await api.inject({ url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json(), url).toMatchObject({ code: 'VMS_ERR_NOT_FOUND' });
    }

    // The Smart Client keeps `/` and `/assets/`, and does not see the admin build.
    expect((await api.inject({ url: '/' })).body).toBe(CLIENT_INDEX);
    expect((await api.inject({ url: '/app/live' })).body).toBe(CLIENT_INDEX);
    expect((await api.inject({ url: '/assets/main-CL1ENT34.js' })).body).toBe('console.log("client")');
    expect((await api.inject({ url: '/assets/main-ADM1N234.js' })).statusCode).toBe(404);

    // The API is still the API.
    expect((await api.inject({ url: '/api/health' })).json()).toEqual({ ok: true });
    const unknown = await api.inject({ url: '/api/no-such-route' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toMatch(/^application\/json/);
    const login = await api.inject({ method: 'POST', url: '/api/login', payload: { username: 'admin', password: 'admin-secret' } });
    expect(login.statusCode).toBe(200);
    const paths = Object.keys((await api.inject({ url: '/api/openapi.json' })).json<{ paths: Record<string, unknown> }>().paths);
    expect(paths.length).toBeGreaterThan(10);
    expect(paths.filter((p) => !p.startsWith('/api/') && !p.startsWith('/media/'))).toEqual([]);
  });

  it('says how to build the Management Client when the site has no build of it', async () => {
    const { api } = await site({});
    for (const url of ['/admin/', '/admin/cameras']) {
      const res = await api.inject({ url });
      expect(res.statusCode, url).toBe(503);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body).toContain('The Management Client is not built');
      expect(res.body).toContain('started without --admin-dir');
      expect(res.body).toContain('pnpm --filter @nightjar/management-client build');
      expect(res.body).toContain('--admin-dir apps/management-client/dist/renderer');
      expect(res.body).toContain('pnpm admin');
    }
    expect((await api.inject({ url: '/admin/assets/main-ADM1N234.js' })).statusCode).toBe(404);
    expect((await api.inject({ url: '/' })).body).toContain('The Smart Client is not built');

    const empty = folder('nightjar-renderer-empty-');
    const unbuilt = await (await site({ adminAppDir: empty })).api.inject({ url: '/admin/' });
    expect(unbuilt.statusCode).toBe(503);
    expect(unbuilt.body).toContain(`There is no index.html in ${empty}`);
  });
});
