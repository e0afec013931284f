/**
 * `pnpm admin`: builds the Management Client (and the Smart Client, which the same site serves
 * at `/`) when needed, makes sure the all-in-one site runs as its own process, then opens the
 * Management Client: Electron when its binary is installed, otherwise the browser address
 * (<site>/admin/). The shared steps are @nightjar/desktop's launchClient.
 */
import { resolve } from 'node:path';
import { errorMessage } from '@nightjar/vms-core';
import { launchClient, launcherUsage, parseLauncherArgs } from '@nightjar/desktop';
import { ensureBuilt, ensureServerBuilt } from '@nightjar/desktop/build';
import { smartClientBuilder } from '../../smart-client/scripts/build';
import { APP_DIR, MAIN_BUNDLE, managementClientBuilder } from './build';

const REPO_ROOT = resolve(APP_DIR, '../..');

async function main(): Promise<number> {
  const args = parseLauncherArgs(process.argv.slice(2));
  if (args.help) {
    console.log(launcherUsage({ command: 'pnpm admin', title: 'Management Client', path: '/admin/' }));
    return 0;
  }
  const notBuilt = await ensureBuilt(managementClientBuilder, 'Management Client');
  // The site serves both clients; a Smart Client that does not build never holds this one up.
  const clientNotBuilt = await ensureBuilt(smartClientBuilder, 'Smart Client');
  if (clientNotBuilt) console.warn(`  (${clientNotBuilt}; / will say so)`);
  await ensureServerBuilt(REPO_ROOT);
  return launchClient({
    title: 'Management Client', appDir: APP_DIR, mainBundle: MAIN_BUNDLE, path: '/admin/', siteDirOption: '--admin-dir',
    shell: {
      dataDir: args.dataDir, port: args.port, repoRoot: REPO_ROOT, nodePath: process.execPath,
      clientDir: smartClientBuilder.rendererDir, adminDir: managementClientBuilder.rendererDir,
    },
    extraSiteArgs: args.demoCamera ? [] : ['--no-demo-camera'],
    browser: args.browser,
    notBuilt,
  });
}

main().then((code) => {
  process.exitCode = code;
}, (e: unknown) => {
  console.error(`pnpm admin: ${errorMessage(e)}`);
  process.exitCode = 1;
});
