/**
 * `pnpm start`: the newcomer's one command. Builds the Smart Client when needed, makes sure
 * the all-in-one site runs as its own process (closing the client never stops recording),
 * then opens the client: Electron when its binary is installed, otherwise the browser address.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { errorMessage } from '@nightjar/vms-core';
import { displayMissing, electronBinary } from '../src/main/electronBinary';
import { LocalSite } from '../src/main/localSite';
import { localSiteOptions, shellArgv } from '../src/main/shellArgs';
import type { ShellArgs } from '../src/main/shellArgs';
import { APP_DIR, MAIN_BUNDLE, RENDERER_DIR, buildIsStale, buildSmartClient } from './build';
import { START_USAGE, parseLauncherArgs } from './launcherArgs';

const REPO_ROOT = resolve(APP_DIR, '../..');
const shown = (path: string) => {
  const r = relative(process.cwd(), path);
  return r.startsWith('..') ? path : r || '.';
};

/** Builds when the sources changed; returns why the client cannot be shown, if it cannot. */
async function ensureBuilt(): Promise<string | undefined> {
  const stale = buildIsStale();
  if (!stale) return undefined;
  console.log(`Building the Smart Client (${stale})…`);
  try {
    const report = await buildSmartClient();
    console.log(`  built in ${report.ms} ms`);
    return 'skipped' in report.renderer ? `the renderer was not built: ${report.renderer.skipped}` : undefined;
  } catch (e) {
    // A broken renderer must not keep the site from recording: go on, with the previous build if there is one.
    const why = errorMessage(e).split('\n')[0]!;
    if (existsSync(resolve(RENDERER_DIR, 'index.html'))) {
      console.warn(`  build failed (${why}); serving the previous build`);
      return undefined;
    }
    return `the Smart Client did not build (${why})`;
  }
}

/** Why Electron cannot run here, or undefined when it can. */
function electronUnavailable(browser: boolean): { reason: string } | { path: string } {
  if (browser) return { reason: '--browser given' };
  const binary = electronBinary(APP_DIR);
  if (!binary.ok) return { reason: `Electron binary not installed: ${binary.reason}` };
  const noDisplay = displayMissing();
  if (noDisplay) return { reason: `Electron cannot open a window: ${noDisplay}` };
  if (process.getuid?.() === 0) return { reason: 'Electron refuses to run as root without its sandbox; start it as a normal user' };
  if (!existsSync(MAIN_BUNDLE)) return { reason: `${shown(MAIN_BUNDLE)} is not built` };
  return { path: binary.path };
}

async function main(): Promise<number> {
  const args = parseLauncherArgs(process.argv.slice(2));
  if (args.help) {
    console.log(START_USAGE);
    return 0;
  }
  const notBuilt = await ensureBuilt();
  const shell: ShellArgs = { dataDir: args.dataDir, port: args.port, repoRoot: REPO_ROOT, nodePath: process.execPath, clientDir: RENDERER_DIR };
  const site = new LocalSite({ ...localSiteOptions(shell), ...(args.demoCamera ? {} : { extraArgs: ['--no-demo-camera'] }) });
  try {
    if (!(await site.attach())) console.log(`Starting the all-in-one site on ${shown(args.dataDir)}…`);
    const started = await site.start();
    const { url, pid } = started.state;
    console.log(started.attached
      ? `Nightjar site already running at ${url} (pid ${pid}): attached`
      : `Nightjar site running at ${url} (pid ${pid}; data ${shown(args.dataDir)}; log ${shown(started.logFile)})`);
    if (started.attached && (await fetch(`${url}/`).then((r) => r.status, () => 0)) === 503) {
      console.warn('  (that site was started without --client-dir, so it serves no Smart Client: `pnpm stop`, then `pnpm start`)');
    }
    if (started.adminPassword) {
      console.log(`Administrator created: user "admin", password "${started.adminPassword}" (shown once here and in the log; change it after signing in)`);
    }
    if (notBuilt) {
      console.error(`Smart Client: ${notBuilt}; the site runs and serves its API at ${url}/api/openapi.json (\`pnpm stop\` stops it)`);
      return 1;
    }
    const electron = electronUnavailable(args.browser);
    if ('reason' in electron) {
      console.log(`Smart Client: open ${url}/ in a browser (${electron.reason})`);
      console.log('The site keeps running in the background; `pnpm stop` stops it.');
      return 0;
    }
    console.log('Opening the Smart Client (Electron)…');
    const client = spawn(electron.path, [MAIN_BUNDLE, ...shellArgv({ ...shell, port: started.state.port ?? args.port })], { stdio: 'inherit' });
    const code = await new Promise<number>((done) => {
      client.once('error', (e) => {
        console.error(`Smart Client: Electron did not start (${errorMessage(e)}); open ${url}/ in a browser`);
        done(1);
      });
      client.once('exit', (c) => done(c ?? 1));
    });
    console.log('Smart Client closed; the site keeps running (`pnpm stop` stops it).');
    return code;
  } finally {
    site.dispose();
  }
}

main().then((code) => {
  process.exitCode = code;
}, (e: unknown) => {
  console.error(`pnpm start: ${errorMessage(e)}`);
  process.exitCode = 1;
});
