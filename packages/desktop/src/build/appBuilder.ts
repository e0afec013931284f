/**
 * Builds a desktop app of this repository with esbuild (a few seconds):
 *   dist/renderer/index.html + assets/  the app a site serves at `basePath` (ESM, code-split, hashed names)
 *   dist/main/main.cjs                  Electron main process (Node, CommonJS, electron external)
 *   dist/preload/preload.cjs            the sandboxed preload: one CommonJS file, as sandboxing requires
 *
 * Each app's scripts/build.ts makes one DesktopAppBuilder; its launcher calls build() when
 * staleness() says the sources changed since the last build. An app without its renderer entry
 * yet builds main and preload and says why the renderer was skipped.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { VmsError } from '@nightjar/vms-core';
import { newestMtime } from '../sourceTimes';

const REPO_ROOT = resolve(fileURLToPath(new URL('../../../..', import.meta.url)));

export interface DesktopAppSpec {
  /** The app's folder (apps/NAME): src/{main,preload,renderer}, scripts/build.ts, dist/. */
  appDir: string;
  /** Where the site serves the renderer: "/" or a prefix such as "/admin/" (starts and ends with "/"). */
  basePath?: string;
  /** Default src/renderer/main.tsx. */
  rendererEntry?: string;
  /**
   * Default src/renderer/index.html. It loads `assets/main.js` (and may link `assets/main.css`),
   * under any prefix; the build puts the hashed names under basePath in their place.
   */
  indexTemplate?: string;
  /**
   * Sources outside the app its bundles are made from; default this package, packages/ui and
   * packages/vms-core sources and the lockfile.
   */
  sharedInputs?: string[];
}

export interface BuildReport {
  ms: number;
  /** Files written under dist/renderer/assets, or why the renderer was not built. */
  renderer: { assets: string[]; bytes: number } | { skipped: string };
}

export class DesktopAppBuilder {
  readonly appDir: string;
  readonly basePath: string;
  readonly dist: string;
  readonly rendererDir: string;
  readonly mainBundle: string;
  readonly preloadBundle: string;
  readonly rendererEntry: string;
  readonly indexTemplate: string;
  /** Everything a bundle is made from: a change to any of these makes the build stale. */
  readonly inputs: readonly string[];

  constructor(spec: DesktopAppSpec) {
    this.appDir = resolve(spec.appDir);
    this.basePath = spec.basePath ?? '/';
    if (!/^\/([\w-]+\/)*$/.test(this.basePath)) throw new VmsError('VMS_ERR_BAD_INPUT', `basePath "${this.basePath}" must start and end with "/" (e.g. "/admin/")`);
    this.dist = join(this.appDir, 'dist');
    this.rendererDir = join(this.dist, 'renderer');
    this.mainBundle = join(this.dist, 'main', 'main.cjs');
    this.preloadBundle = join(this.dist, 'preload', 'preload.cjs');
    this.rendererEntry = spec.rendererEntry ?? join(this.appDir, 'src', 'renderer', 'main.tsx');
    this.indexTemplate = spec.indexTemplate ?? join(this.appDir, 'src', 'renderer', 'index.html');
    this.inputs = [
      join(this.appDir, 'src'), join(this.appDir, 'scripts', 'build.ts'),
      // This package is both the builder and main-process code bundled into main.cjs.
      ...(spec.sharedInputs ?? ['packages/desktop/src', 'packages/ui/src', 'packages/vms-core/src', 'pnpm-lock.yaml'].map((p) => join(REPO_ROOT, p))),
    ];
  }

  /** The build's files; the renderer's only once its entry exists. */
  get outputs(): string[] {
    return [this.mainBundle, this.preloadBundle, ...(existsSync(this.rendererEntry) ? [join(this.rendererDir, 'index.html')] : [])];
  }

  /** Why a build is needed (missing output, or sources newer than it), or undefined when it is current. */
  staleness(): string | undefined {
    const outputs = this.outputs;
    const missing = outputs.find((f) => !existsSync(f));
    if (missing) return `${relative(this.appDir, missing)} is missing`;
    const built = Math.min(...outputs.map((f) => statSync(f).mtimeMs));
    const changed = this.inputs.find((input) => newestMtime(input) > built);
    if (!changed) return undefined;
    const named = relative(REPO_ROOT, changed);
    return `${named.startsWith('..') ? changed : named} changed since the last build`;
  }

  async build(o: { production?: boolean } = {}): Promise<BuildReport> {
    const started = performance.now();
    const production = o.production ?? true;
    const common = { bundle: true, minify: production, sourcemap: production ? false : 'linked', logLevel: 'warning', absWorkingDir: this.appDir } as const;
    // A production build leaves no source map of an earlier development build beside the bundle.
    if (production) for (const bundle of [this.mainBundle, this.preloadBundle]) rmSync(`${bundle}.map`, { force: true });
    // All settled before any failure is reported: a failed renderer must not leave main or preload still being written.
    const [renderer, ...bundles] = await Promise.allSettled([
      this.buildRenderer(production),
      esbuild.build({
        ...common, entryPoints: [join(this.appDir, 'src', 'main', 'main.ts')], outfile: this.mainBundle, platform: 'node', format: 'cjs', target: 'node20', external: ['electron'],
      }),
      esbuild.build({
        ...common, entryPoints: [join(this.appDir, 'src', 'preload', 'preload.ts')], outfile: this.preloadBundle, platform: 'node', format: 'cjs', target: 'chrome120', external: ['electron'],
      }),
    ]);
    for (const outcome of [renderer, ...bundles]) if (outcome.status === 'rejected') throw outcome.reason;
    if (renderer.status === 'rejected') throw renderer.reason;
    return { ms: Math.round(performance.now() - started), renderer: renderer.value };
  }

  private async buildRenderer(production: boolean): Promise<BuildReport['renderer']> {
    if (!existsSync(this.rendererEntry)) return { skipped: `${relative(this.appDir, this.rendererEntry)} does not exist yet` };
    const template = readFileSync(this.indexTemplate, 'utf8');
    const assetsDir = join(this.rendererDir, 'assets');
    const assetsUrl = `${this.basePath}assets`;
    const result = await esbuild.build({
      absWorkingDir: this.appDir,
      entryPoints: { main: this.rendererEntry },
      outdir: assetsDir,
      // Files the code or CSS refers to (fonts, images) load from the assets URL on every route.
      publicPath: assetsUrl,
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
    const entry = outputs.find(([, out]) => out.entryPoint !== undefined && resolve(this.appDir, out.entryPoint) === this.rendererEntry);
    if (!entry) throw new Error('esbuild reported no output for the renderer entry');
    const html = indexHtml(template, assetsUrl, basename(entry[0]), entry[1].cssBundle ? basename(entry[1].cssBundle) : undefined);
    if (html === undefined) throw new VmsError('VMS_ERR_BAD_INPUT', `${relative(this.appDir, this.indexTemplate)} has no <script src="…assets/main.js">`);
    // index.html last, then the previous build's files: a page loading meanwhile finds its assets.
    mkdirSync(this.rendererDir, { recursive: true });
    writeFileSync(join(this.rendererDir, 'index.html'), html);
    const written = new Set(outputs.map(([outPath]) => basename(outPath)));
    for (const file of readdirSync(assetsDir)) if (!written.has(file)) rmSync(join(assetsDir, file), { force: true });
    return { assets: [...written].sort(), bytes: outputs.reduce((sum, [, out]) => sum + out.bytes, 0) };
  }
}

/**
 * The template with its placeholders `…assets/main.js` and `…assets/main.css` (any prefix)
 * pointing at the built files under `assetsUrl`; the style sheet's link is dropped when the
 * bundle has no CSS. Undefined when the template loads no main.js.
 */
export function indexHtml(template: string, assetsUrl: string, script: string, css: string | undefined): string | undefined {
  const scriptRef = /(<script\b[^>]*\bsrc=")[^"]*assets\/main\.js(")/;
  if (!scriptRef.test(template)) return undefined;
  const html = template.replace(scriptRef, `$1${assetsUrl}/${script}$2`);
  const cssRef = /(<link\b[^>]*\bhref=")[^"]*assets\/main\.css(")/;
  return css ? html.replace(cssRef, `$1${assetsUrl}/${css}$2`) : html.replace(/\s*<link\b[^>]*\bhref="[^"]*assets\/main\.css"[^>]*>/, '');
}
