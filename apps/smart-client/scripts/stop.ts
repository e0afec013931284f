/** `pnpm stop`: stops the all-in-one site serving the data folder and waits until it has exited. */
import { relative, resolve } from 'node:path';
import { errorMessage } from '@nightjar/vms-core';
import { LocalSite, launcherUsage, parseLauncherArgs, repoSiteCommand } from '@nightjar/desktop';
import { APP_DIR } from './build';

async function main(): Promise<number> {
  const args = parseLauncherArgs(process.argv.slice(2));
  if (args.help) {
    console.log(launcherUsage({ command: 'pnpm start', title: 'Smart Client', path: '/' }));
    return 0;
  }
  const site = new LocalSite({ dataDir: args.dataDir, command: repoSiteCommand(resolve(APP_DIR, '../..')) });
  try {
    const before = await site.status();
    if (before.status === 'stopped') {
      console.log(`No site is running on ${relative(process.cwd(), args.dataDir) || '.'}.`);
      return 0;
    }
    console.log(`Stopping the site (pid ${before.pid})…`);
    await site.stop();
    console.log('Stopped.');
    return 0;
  } finally {
    site.dispose();
  }
}

main().then((code) => {
  process.exitCode = code;
}, (e: unknown) => {
  console.error(`pnpm stop: ${errorMessage(e)}`);
  process.exitCode = 1;
});
