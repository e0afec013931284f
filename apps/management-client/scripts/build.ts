/**
 * Builds the Management Client with the shared esbuild app builder (@nightjar/desktop/build):
 *   dist/renderer/index.html + assets/  the app the site serves at `/admin/` (its index.html
 *                                       loads /admin/assets/…)
 *   dist/main/main.cjs                  Electron main process
 *   dist/preload/preload.cjs            the sandboxed preload
 *
 * `tsx scripts/build.ts [--dev]`; both launchers (`pnpm admin`, `pnpm start`) build it when
 * its sources changed. Until src/renderer/main.tsx exists, the renderer is skipped (and said so).
 */
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DesktopAppBuilder, runBuildCommand } from '@nightjar/desktop/build';

export const APP_DIR = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const managementClientBuilder = new DesktopAppBuilder({
  appDir: APP_DIR,
  basePath: '/admin/',
  rendererEntry: join(APP_DIR, 'src', 'renderer', 'main.tsx'),
  indexTemplate: join(APP_DIR, 'src', 'renderer', 'index.html'),
});
export const RENDERER_DIR = managementClientBuilder.rendererDir;
export const MAIN_BUNDLE = managementClientBuilder.mainBundle;

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await runBuildCommand(managementClientBuilder, 'management-client');
}
