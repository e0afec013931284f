/**
 * Builds the Smart Client with the shared esbuild app builder (@nightjar/desktop/build):
 *   dist/renderer/index.html + assets/  the app the site serves at `/`
 *   dist/main/main.cjs                  Electron main process
 *   dist/preload/preload.cjs            the sandboxed preload
 *
 * `tsx scripts/build.ts [--dev]`; the launchers (scripts/start.ts, the Management Client's)
 * and the e2e and benchmark fixtures call buildSmartClient() when buildIsStale() says the
 * sources changed since the last build.
 */
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DesktopAppBuilder, runBuildCommand } from '@nightjar/desktop/build';
import type { BuildReport } from '@nightjar/desktop/build';

export type { BuildReport };

export const APP_DIR = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const smartClientBuilder = new DesktopAppBuilder({ appDir: APP_DIR, basePath: '/' });
export const DIST = smartClientBuilder.dist;
export const RENDERER_DIR = smartClientBuilder.rendererDir;
export const MAIN_BUNDLE = smartClientBuilder.mainBundle;

/** Why a build is needed (missing output, or sources newer than it), or undefined when it is current. */
export function buildIsStale(): string | undefined {
  return smartClientBuilder.staleness();
}

export function buildSmartClient(o: { production?: boolean } = {}): Promise<BuildReport> {
  return smartClientBuilder.build(o);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await runBuildCommand(smartClientBuilder, 'smart-client');
}
