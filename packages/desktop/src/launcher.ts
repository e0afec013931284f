/**
 * The body of a client launcher (`pnpm start` for the Smart Client, `pnpm admin` for the
 * Management Client), once its builds are done: make sure the all-in-one site runs as its own
 * process (closing a client never stops recording), then open the client in Electron when it
 * can run here, or print the browser address. Resolves with the exit code.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { errorMessage } from '@nightjar/vms-core';
import { displayMissing, electronBinary } from './electronBinary';
import { LocalSite } from './localSite';
import type { ShellArgs } from './shellArgs';
import { localSiteOptions, shellArgv } from './shellArgs';

export interface ClientLaunch {
  /** "Smart Client", "Management Client". */
  title: string;
  /** The app's folder (where its electron package resolves) and its built main process. */
  appDir: string;
  mainBundle: string;
  /** Where the site serves the app: "/" or "/admin/". */
  path: string;
  /** The `vms site` option that names the app's build, for the hint about a site started without it. */
  siteDirOption: string;
  shell: ShellArgs;
  /** More `vms site` options (e.g. --no-demo-camera). */
  extraSiteArgs: string[];
  /** --browser: never launch Electron. */
  browser: boolean;
  /** Why the app's renderer cannot be shown (ensureBuilt's answer), if it cannot. */
  notBuilt: string | undefined;
}

/** A path as the user would type it from here. */
export function shownPath(path: string): string {
  const r = relative(process.cwd(), path);
  return r.startsWith('..') ? path : r || '.';
}

/** Why Electron cannot run here, or the binary when it can. */
function electronRoute(launch: ClientLaunch): { reason: string } | { path: string } {
  if (launch.browser) return { reason: '--browser given' };
  const binary = electronBinary(launch.appDir);
  if (!binary.ok) return { reason: `Electron binary not installed: ${binary.reason}` };
  const noDisplay = displayMissing();
  if (noDisplay) return { reason: `Electron cannot open a window: ${noDisplay}` };
  if (process.getuid?.() === 0) return { reason: 'Electron refuses to run as root without its sandbox; start it as a normal user' };
  if (!existsSync(launch.mainBundle)) return { reason: `${shownPath(launch.mainBundle)} is not built` };
  return { path: binary.path };
}

export async function launchClient(launch: ClientLaunch): Promise<number> {
  const { title, shell } = launch;
  const site = new LocalSite({ ...localSiteOptions(shell), ...(launch.extraSiteArgs.length ? { extraArgs: launch.extraSiteArgs } : {}) });
  try {
    if (!(await site.attach())) console.log(`Starting the all-in-one site on ${shownPath(shell.dataDir)}…`);
    const started = await site.start();
    const { url, pid } = started.state;
    const appAddress = `${url}${launch.path}`;
    console.log(started.attached
      ? `Nightjar site already running at ${url} (pid ${pid}): attached`
      : `Nightjar site running at ${url} (pid ${pid}; data ${shownPath(shell.dataDir)}; log ${shownPath(started.logFile)})`);
    // Built here, yet not served there: that site was started without this build.
    if (started.attached && !launch.notBuilt && (await fetch(appAddress).then((r) => r.status, () => 0)) === 503) {
      console.warn(`  (that site serves no ${title}: it was started without ${launch.siteDirOption} or with another build; \`pnpm stop\`, then start again)`);
    }
    if (started.adminPassword) {
      console.log(`Administrator created: user "admin", password "${started.adminPassword}" (shown once here and in the log; change it after signing in)`);
    }
    if (launch.notBuilt) {
      console.error(`${title}: ${launch.notBuilt}; the site runs and serves its API at ${url}/api/openapi.json (\`pnpm stop\` stops it)`);
      return 1;
    }
    const electron = electronRoute(launch);
    if ('reason' in electron) {
      console.log(`${title}: open ${appAddress} in a browser (${electron.reason})`);
      console.log('The site keeps running in the background; `pnpm stop` stops it.');
      return 0;
    }
    console.log(`Opening the ${title} (Electron)…`);
    const client = spawn(electron.path, [launch.mainBundle, ...shellArgv({ ...shell, port: started.state.port ?? shell.port })], { stdio: 'inherit' });
    const code = await new Promise<number>((done) => {
      client.once('error', (e) => {
        console.error(`${title}: Electron did not start (${errorMessage(e)}); open ${appAddress} in a browser`);
        done(1);
      });
      client.once('exit', (c) => done(c ?? 1));
    });
    console.log(`${title} closed; the site keeps running (\`pnpm stop\` stops it).`);
    return code;
  } finally {
    site.dispose();
  }
}
