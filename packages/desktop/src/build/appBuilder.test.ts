/**
 * DesktopAppBuilder on a small app in a temporary folder (real esbuild): the three bundles,
 * the renderer under a base path, the staleness check, and an app without a renderer yet.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isVmsError } from '@nightjar/vms-core';
import { DesktopAppBuilder, indexHtml } from './appBuilder';

const TEMPLATE = `<!doctype html><html><head>
  <link rel="stylesheet" href="/assets/main.css">
  <script type="module" src="/assets/main.js"></script>
</head><body><div id="root"></div></body></html>`;

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function app(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'nightjar-app-build-'));
  dirs.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const SHELL = {
  'src/main/main.ts': "import { join } from 'node:path';\nexport const preload: string = join(__dirname, '../preload/preload.cjs');\n",
  'src/preload/preload.ts': "export const exposed: string = 'desktop';\n",
};

describe('DesktopAppBuilder', { timeout: 60_000 }, () => {
  it('builds main, preload and a renderer served under its base path', async () => {
    const dir = app({
      ...SHELL,
      'src/renderer/index.html': TEMPLATE,
      'src/renderer/main.tsx': "import './style.css';\nimport logo from './logo.png';\nconst late = () => import('./late');\n"
        + "document.title = logo;\nvoid late().then((m) => m.show());\n",
      'src/renderer/late.ts': "export function show(): void { document.body.dataset.late = 'yes'; }\n",
      'src/renderer/style.css': 'body { color: red; }\n',
      'src/renderer/logo.png': 'not really a png',
    });
    const builder = new DesktopAppBuilder({ appDir: dir, basePath: '/admin/', sharedInputs: [] });
    expect(builder.staleness()).toBe(join('dist', 'main', 'main.cjs') + ' is missing');

    const report = await builder.build({ production: true });
    expect('assets' in report.renderer).toBe(true);
    const assets = readdirSync(join(dir, 'dist/renderer/assets')).sort();
    expect(report.renderer).toMatchObject({ assets });
    const script = assets.find((f) => /^main-[A-Z0-9]+\.js$/.test(f));
    const css = assets.find((f) => /^main-[A-Z0-9]+\.css$/.test(f));
    const png = assets.find((f) => /^logo-[A-Z0-9]+\.png$/.test(f));
    expect(script && css && png && assets.some((f) => /^(late|chunk)-[A-Z0-9]+\.js$/.test(f)), assets.join(' ')).toBeTruthy();

    const html = readFileSync(join(dir, 'dist/renderer/index.html'), 'utf8');
    expect(html).toContain(`<script type="module" src="/admin/assets/${script}"></script>`);
    expect(html).toContain(`<link rel="stylesheet" href="/admin/assets/${css}">`);
    expect(html).not.toMatch(/"\/assets\//);
    // A file the code imports is fetched from the base path's assets on any route of the app.
    expect(readFileSync(join(dir, 'dist/renderer/assets', script!), 'utf8')).toContain(`/admin/assets/${png}`);
    expect(readFileSync(join(dir, 'dist/main/main.cjs'), 'utf8')).toContain('preload.cjs');
    expect(readFileSync(join(dir, 'dist/preload/preload.cjs'), 'utf8')).toContain('desktop');

    expect(builder.staleness()).toBeUndefined();
    const later = new Date(Date.now() + 5000);
    utimesSync(join(dir, 'src/renderer/late.ts'), later, later);
    expect(builder.staleness()).toBe(`${join(dir, 'src')} changed since the last build`);
  });

  it('removes the previous build’s assets and keeps the page without a style sheet when there is no CSS', async () => {
    const dir = app({ ...SHELL, 'src/renderer/index.html': TEMPLATE, 'src/renderer/main.tsx': "document.title = 'one';\n" });
    const builder = new DesktopAppBuilder({ appDir: dir, sharedInputs: [] });
    const first = await builder.build();
    writeFileSync(join(dir, 'src/renderer/main.tsx'), "document.title = 'two';\n");
    const second = await builder.build();
    expect(second.renderer).not.toEqual(first.renderer);
    expect(readdirSync(join(dir, 'dist/renderer/assets'))).toEqual((second.renderer as { assets: string[] }).assets);
    const html = readFileSync(join(dir, 'dist/renderer/index.html'), 'utf8');
    expect(html).toMatch(/src="\/assets\/main-[A-Z0-9]+\.js"/);
    expect(html).not.toContain('stylesheet');
  });

  it('builds main and preload of an app without a renderer yet, saying why it skipped it', async () => {
    const dir = app(SHELL);
    const builder = new DesktopAppBuilder({ appDir: dir, basePath: '/admin/', sharedInputs: [] });
    const report = await builder.build();
    expect(report.renderer).toEqual({ skipped: `${join('src', 'renderer', 'main.tsx')} does not exist yet` });
    expect(builder.staleness()).toBeUndefined();
    // The renderer's arrival makes the build stale.
    mkdirSync(join(dir, 'src/renderer'));
    writeFileSync(join(dir, 'src/renderer/main.tsx'), "document.title = 'new';\n");
    expect(builder.staleness()).toBe(join('dist', 'renderer', 'index.html') + ' is missing');
  });

  it('refuses a base path that is not a folder path, and a template that loads no main.js', async () => {
    for (const basePath of ['admin', '/admin', 'admin/', '//', '/a b/']) {
      let error: unknown;
      try {
        new DesktopAppBuilder({ appDir: '/app', basePath });
      } catch (e) {
        error = e;
      }
      expect(isVmsError(error, 'VMS_ERR_BAD_INPUT'), basePath).toBe(true);
    }
    const dir = app({ ...SHELL, 'src/renderer/index.html': '<!doctype html><div id="root"></div>', 'src/renderer/main.tsx': 'export {};\n' });
    const error = await new DesktopAppBuilder({ appDir: dir, sharedInputs: [] }).build().then(() => undefined, (e: unknown) => e);
    expect(isVmsError(error, 'VMS_ERR_BAD_INPUT')).toBe(true);
    expect((error as Error).message).toContain('has no <script src="…assets/main.js">');
  });
});

describe('indexHtml', () => {
  it('points the placeholders at the hashed files whatever prefix the template used', () => {
    for (const prefix of ['/assets/', './assets/', 'assets/', '/admin/assets/']) {
      const template = `<link rel="stylesheet" href="${prefix}main.css"><script type="module" src="${prefix}main.js"></script>`;
      expect(indexHtml(template, '/admin/assets', 'main-AB12CD34.js', 'main-EF56GH78.css')).toBe(
        '<link rel="stylesheet" href="/admin/assets/main-EF56GH78.css"><script type="module" src="/admin/assets/main-AB12CD34.js"></script>',
      );
      expect(indexHtml(template, '/assets', 'main-AB12CD34.js', undefined)).toBe('<script type="module" src="/assets/main-AB12CD34.js"></script>');
    }
    expect(indexHtml('<script src="/app.js"></script>', '/assets', 'main-X.js', undefined)).toBeUndefined();
  });
});
