/** How the apps' scripts use a DesktopAppBuilder: `tsx scripts/build.ts [--dev]`, and a launcher's build-if-needed. */
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { errorMessage } from '@nightjar/vms-core';
import type { BuildReport, DesktopAppBuilder } from './appBuilder';

function describeRenderer(report: BuildReport): string {
  return 'skipped' in report.renderer
    ? `renderer skipped (${report.renderer.skipped})`
    : `renderer ${report.renderer.assets.length} files, ${Math.round(report.renderer.bytes / 1024)} KiB`;
}

/** The build script's body: builds (production unless --dev), prints one line, sets the exit code. */
export async function runBuildCommand(builder: DesktopAppBuilder, name: string, argv: string[] = process.argv.slice(2)): Promise<void> {
  try {
    const report = await builder.build({ production: !argv.includes('--dev') });
    console.log(`${name} built in ${report.ms} ms: ${describeRenderer(report)}; main; preload → ${relative(process.cwd(), builder.dist)}`);
  } catch (e) {
    // esbuild has printed each error with its source line already.
    console.error(`${name} build failed: ${errorMessage(e).split('\n')[0]!.replace(/:$/, '')}`);
    process.exitCode = 1;
  }
}

/**
 * A launcher's step: builds when the sources changed. Resolves with why the app's renderer
 * cannot be shown (not built, or skipped), or undefined when it can. A failed build with an
 * earlier one in place is reported and that one is served: a broken renderer must not keep
 * the site from starting.
 */
export async function ensureBuilt(builder: DesktopAppBuilder, title: string, log: (line: string) => void = console.log): Promise<string | undefined> {
  const stale = builder.staleness();
  if (!stale) return existsSync(join(builder.rendererDir, 'index.html')) ? undefined : `the ${title} renderer is not built (${relative(builder.appDir, builder.rendererEntry)} does not exist yet)`;
  log(`Building the ${title} (${stale})…`);
  try {
    const report = await builder.build();
    log(`  built in ${report.ms} ms`);
    return 'skipped' in report.renderer ? `the ${title} renderer was not built: ${report.renderer.skipped}` : undefined;
  } catch (e) {
    // esbuild has printed each error with its source line; its message's first line ends in ":".
    const why = errorMessage(e).split('\n')[0]!.replace(/:$/, '');
    if (existsSync(join(builder.rendererDir, 'index.html'))) {
      log(`  build failed (${why}); serving the previous build`);
      return undefined;
    }
    return `the ${title} did not build (${why})`;
  }
}
