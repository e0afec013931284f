/**
 * `pnpm start`: the newcomer's one command. Builds the Smart Client (and the Management Client,
 * which the same site serves at /admin/) when needed, makes sure the all-in-one site runs as
 * its own process, then opens the Smart Client: Electron when its binary is installed,
 * otherwise the browser address. The shared steps are @nightjar/desktop's launchClient.
 */
import { resolve } from 'node:path';
import { errorMessage } from '@nightjar/vms-core';
import { launchClient, launcherUsage, parseLauncherArgs } from '@nightjar/desktop';
import { ensureBuilt, ensureServerBuilt } from '@nightjar/desktop/build';
import { managementClientBuilder } from '../../management-client/scripts/build';
import { APP_DIR, MAIN_BUNDLE, smartClientBuilder } from './build';

const REPO_ROOT = resolve(APP_DIR, '../..');

async function main(): Promise<number> {
  const args = parseLauncherArgs(process.argv.slice(2));
  if (args.help) {
    console.log(launcherUsage({ command: 'pnpm start', title: 'Smart Client', path: '/' }));
    return 0;
  }
  const notBuilt = await ensureBuilt(smartClientBuilder, 'Smart Client');
  // The site serves both clients; a Management Client that does not build never holds this one up.
  const adminNotBuilt = await ensureBuilt(managementClientBuilder, 'Management Client');
  if (adminNotBuilt) console.warn(`  (${adminNotBuilt}; /admin/ will say so)`);
  await ensureServerBuilt(REPO_ROOT);
  return launchClient({
    title: 'Smart Client', appDir: APP_DIR, mainBundle: MAIN_BUNDLE, path: '/', siteDirOption: '--client-dir',
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
  console.error(`pnpm start: ${errorMessage(e)}`);
  process.exitCode = 1;
});
