/**
 * Builds the site server bundle (../serverBundle.ts says why and where) with esbuild: the
 * core's TypeScript in one ES module, its npm dependencies left as imports (native modules such
 * as better-sqlite3 cannot be bundled, and node_modules is there anyway), a source map beside it.
 */
import { statSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as esbuild from 'esbuild';
import { errorMessage } from '@nightjar/vms-core';
import { serverBundlePath, serverBundleStaleness } from '../serverBundle';

export async function buildServer(repoRoot: string): Promise<{ ms: number; bytes: number; path: string }> {
  const started = performance.now();
  const outfile = serverBundlePath(repoRoot);
  await esbuild.build({
    entryPoints: [join(repoRoot, 'packages/vms-core/src/cli/main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'error',
  });
  return { ms: Math.round(performance.now() - started), bytes: statSync(outfile).size, path: outfile };
}

/**
 * A launcher's step: builds the bundle when its sources changed. A failed build is reported
 * and the site then runs from its sources (repoSiteCommand), never from an older bundle.
 */
export async function ensureServerBuilt(repoRoot: string, log: (line: string) => void = console.log): Promise<void> {
  const stale = serverBundleStaleness(repoRoot);
  if (!stale) return;
  log(`Building the site server (${stale})…`);
  try {
    const report = await buildServer(repoRoot);
    log(`  built in ${report.ms} ms`);
  } catch (e) {
    log(`  build failed (${errorMessage(e).split('\n')[0]!.replace(/:$/, '')}); the site runs from its sources`);
  }
}

/** `pnpm build:server`: builds and prints one line; a failure sets the exit code. */
export async function runServerBuildCommand(repoRoot: string): Promise<void> {
  try {
    const report = await buildServer(repoRoot);
    console.log(`site server built in ${report.ms} ms: ${Math.round(report.bytes / 1024)} KiB → ${relative(process.cwd(), report.path)}`);
  } catch (e) {
    console.error(`site server build failed: ${errorMessage(e).split('\n')[0]!.replace(/:$/, '')}`);
    process.exitCode = 1;
  }
}
