/**
 * The Electron main process of the Management Client: one window on the site's `/admin/`.
 * It administers the site `--site=URL` names, else the all-in-one site of this computer (it
 * attaches, waiting for one that is starting, but never starts one: `pnpm admin` does that),
 * else the site whose address the user types. Quitting it never stops the site.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BrowserWindow, app, ipcMain, session } from 'electron';
import { errorMessage } from '@nightjar/vms-core';
import { LocalSite, appUrl, localSiteOptions, parseShellArgs, parseSiteAddress, registerIpcHandlers, siteAnswers } from '@nightjar/desktop';
import { askSiteAddress, createWindow, hardenSession } from '@nightjar/desktop/electron';
import type { IpcContract } from '../common/ipcContract';
import { IPC_CHANNELS } from '../common/ipcContract';
import { adminHandlers } from './adminHandlers';
import { nativeDialogs } from './nativeDialogs';

const TITLE = 'Nightjar Management Client';
// dist/main/main.cjs → the repository root, when started without --repo.
const REPO_ROOT = resolve(__dirname, '../../../..');

/** The site to administer (its origin), or undefined when the user gave up. */
async function chooseSite(argv: string[]): Promise<string | undefined> {
  const asked = parseArgs({ args: argv, strict: false, allowPositionals: true, options: { site: { type: 'string' } } }).values.site;
  let problem: string | undefined;
  if (typeof asked === 'string') {
    try {
      const origin = parseSiteAddress(asked);
      if (await siteAnswers(origin)) return origin;
      problem = `No Nightjar site answers at ${origin}.`;
    } catch (e) {
      problem = errorMessage(e);
    }
  } else {
    const site = new LocalSite(localSiteOptions(parseShellArgs(argv, REPO_ROOT)));
    try {
      const running = await site.attach();
      if (running?.url) return new URL(running.url).origin;
      problem = `No Nightjar site runs on ${site.dataDir}.`;
    } catch (e) {
      problem = errorMessage(e);
    } finally {
      site.dispose();
    }
  }
  return askSiteAddress({ title: TITLE, message: `${problem} Type the address of the site to administer.`, ...(typeof asked === 'string' ? { initial: asked } : {}) });
}

async function run(): Promise<void> {
  await app.whenReady();
  // Until the app's window is open, closing the address prompt is no reason to quit by itself.
  let shown = false;
  app.on('window-all-closed', () => {
    if (shown) app.quit();
  });
  const appOrigin = await chooseSite(process.argv);
  if (!appOrigin) {
    app.quit();
    return;
  }
  // The renderer comes from the site, so the site's origin is the app's.
  hardenSession(session.defaultSession, appOrigin);
  const ipc = registerIpcHandlers<IpcContract>(ipcMain, appOrigin, IPC_CHANNELS, adminHandlers(nativeDialogs));
  const win = createWindow({ appOrigin, url: appUrl(appOrigin, '/admin/'), preload: join(__dirname, '../preload/preload.cjs'), title: TITLE });
  shown = true;
  app.on('second-instance', () => {
    if (win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('will-quit', () => {
    ipc.dispose();
    for (const w of BrowserWindow.getAllWindows()) w.destroy();
  });
}

// Its own profile and single-instance lock, apart from the Smart Client's (both run from
// dist/main without a package.json of their own, which would otherwise name them alike).
app.setName(TITLE);
app.setPath('userData', join(app.getPath('appData'), 'nightjar-management-client'));
if (app.requestSingleInstanceLock()) {
  void run();
} else {
  app.quit();
}
