/**
 * Builds the Smart Client with esbuild (a few seconds):
 *   dist/renderer/index.html + assets/  the app the site serves (ESM, code-split, hashed names)
 *   dist/main/main.cjs                  Electron main process (Node, CommonJS, electron external)
 *   dist/preload/preload.cjs            the sandboxed preload: one CommonJS file, as sandboxing requires
 *
 * `tsx scripts/build.ts [--dev]`; the launcher (scripts/start.ts) calls buildSmartClient()
 * when buildIsStale() says the sources changed since the last build.
 */
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

export const APP_DIR = resolve(fileURLToPath(new URL('..', import.meta.url)));
const REPO_ROOT = resolve(APP_DIR, '../..');
const SRC = join(APP_DIR, 'src');
export const DIST = join(APP_DIR, 'dist');
export const RENDERER_DIR = join(DIST, 'renderer');
export const MAIN_BUNDLE = join(DIST, 'main', 'main.cjs');
const PRELOAD_BUNDLE = join(DIST, 'preload', 'preload.cjs');
const RENDERER_ENTRY = join(SRC, 'renderer', 'main.tsx');
const INDEX_TEMPLATE = join(SRC, 'renderer', 'index.html');

/** Everything a bundle is made from: a change to any of these makes the build stale. */
const INPUTS = [join(APP_DIR, 'src'), join(APP_DIR, 'scripts', 'build.ts'), join(REPO_ROOT, 'packages/ui/src'), join(REPO_ROOT, 'packages/vms-core/src'), join(REPO_ROOT, 'pnpm-lock.yaml')];
const OUTPUTS = [join(RENDERER_DIR, 'index.html'), MAIN_BUNDLE, PRELOAD_BUNDLE];

export interface BuildReport {
  ms: number;
  /** Files written under dist/renderer/assets, or why the renderer was not built. */
  renderer: { assets: string[]; bytes: number } | { skipped: string };
}

function newestMtime(path: string): number {
  const info = statSync(path, { throwIfNoEntry: false });
  if (!info) return 0;
  if (!info.isDirectory()) return /\.test\.tsx?$/.test(path) ? 0 : info.mtimeMs;
  return Math.max(info.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/** Why a build is needed (missing output, or sources newer than it), or undefined when it is current. */
export function buildIsStale(): string | undefined {
  const missing = OUTPUTS.find((f) => !existsSync(f));
  if (missing) return `${relative(APP_DIR, missing)} is missing`;
  const built = Math.min(...OUTPUTS.map((f) => statSync(f).mtimeMs));
  const changed = INPUTS.find((input) => newestMtime(input) > built);
  return changed ? `${relative(REPO_ROOT, changed)} changed since the last build` : undefined;
}

export async function buildSmartClient(o: { production?: boolean } = {}): Promise<BuildReport> {
  const started = performance.now();
  const production = o.production ?? true;
  const common = { bundle: true, minify: production, sourcemap: production ? false : 'linked', logLevel: 'warning', absWorkingDir: APP_DIR } as const;
  // A production build leaves no source map of an earlier development build beside the bundle.
  if (production) for (const bundle of [MAIN_BUNDLE, PRELOAD_BUNDLE]) rmSync(`${bundle}.map`, { force: true });
  const [renderer] = await Promise.all([
    buildRenderer(production),
    esbuild.build({ ...common, entryPoints: [join(SRC, 'main', 'main.ts')], outfile: MAIN_BUNDLE, platform: 'node', format: 'cjs', target: 'node20', external: ['electron'] }),
    esbuild.build({ ...common, entryPoints: [join(SRC, 'preload', 'preload.ts')], outfile: PRELOAD_BUNDLE, platform: 'node', format: 'cjs', target: 'chrome120', external: ['electron'] }),
  ]);
  return { ms: Math.round(performance.now() - started), renderer };
}

async function buildRenderer(production: boolean): Promise<BuildReport['renderer']> {
  if (!existsSync(RENDERER_ENTRY)) return { skipped: `${relative(APP_DIR, RENDERER_ENTRY)} does not exist yet` };
  const assetsDir = join(RENDERER_DIR, 'assets');
  const result = await esbuild.build({
    absWorkingDir: APP_DIR,
    entryPoints: { main: RENDERER_ENTRY },
    outdir: assetsDir,
    bundle: true, splitting: true, format: 'esm', platform: 'browser',
    target: ['chrome120', 'firefox121', 'safari17'],
    jsx: 'automatic',
    minify: production,
    sourcemap: production ? false : 'linked',
    entryNames: '[name]-[hash]', chunkNames: 'chunk-[hash]', assetNames: '[name]-[hash]',
    loader: { '.woff2': 'file', '.png': 'file', '.svg': 'file' },
    define: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
    metafile: true,
    logLevel: 'warning',
  });
  const outputs = Object.entries(result.metafile.outputs);
  const entry = outputs.find(([, out]) => out.entryPoint !== undefined && resolve(APP_DIR, out.entryPoint) === RENDERER_ENTRY);
  if (!entry) throw new Error('esbuild reported no output for the renderer entry');
  const name = (outPath: string) => basename(outPath);
  let html = readFileSync(INDEX_TEMPLATE, 'utf8').replace('src="/assets/main.js"', `src="/assets/${name(entry[0])}"`);
  const css = entry[1].cssBundle;
  html = css
    ? html.replace('href="/assets/main.css"', `href="/assets/${name(css)}"`)
    : html.replace(/\s*<link rel="stylesheet" href="\/assets\/main\.css">/, '');
  // index.html last, then the previous build's files: a page loading meanwhile finds its assets.
  writeFileSync(join(RENDERER_DIR, 'index.html'), html);
  const written = new Set(outputs.map(([outPath]) => name(outPath)));
  for (const file of readdirSync(assetsDir)) if (!written.has(file)) rmSync(join(assetsDir, file), { force: true });
  return { assets: [...written].sort(), bytes: outputs.reduce((sum, [, out]) => sum + out.bytes, 0) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    const report = await buildSmartClient({ production: !process.argv.includes('--dev') });
    const renderer = 'skipped' in report.renderer
      ? `renderer skipped (${report.renderer.skipped})`
      : `renderer ${report.renderer.assets.length} files, ${Math.round(report.renderer.bytes / 1024)} KiB`;
    console.log(`smart-client built in ${report.ms} ms: ${renderer}; main; preload → ${relative(process.cwd(), DIST)}`);
  } catch (e) {
    // esbuild has printed each error with its source line already.
    console.error(`smart-client build failed: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}`);
    process.exitCode = 1;
  }
}
