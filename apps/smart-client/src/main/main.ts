/**
 * The Electron main process of the Smart Client. It attaches to the local all-in-one site (or
 * starts it as its own process), opens the app the site serves, answers the desktop API and
 * shows the site's state in the tray. Quitting the client never stops the site.
 */
import { join, resolve } from 'node:path';
import { app, dialog, ipcMain, session } from 'electron';
import { errorMessage } from '@nightjar/vms-core';
import { LocalSite, localSiteOptions, parseShellArgs, registerIpcHandlers } from '@nightjar/desktop';
import type { LocalSiteAction, LocalSiteState } from '@nightjar/desktop';
import { SiteTray, hardenSession } from '@nightjar/desktop/electron';
import type { IpcContract } from '../common/ipcContract';
import { IPC_CHANNELS, LOCAL_SITE_STATE_EVENT } from '../common/ipcContract';
import { ClientWindows } from './clientWindows';
import { desktopHandlers } from './desktopHandlers';

// dist/main/main.cjs → the repository root, when started without --repo.
const REPO_ROOT = resolve(__dirname, '../../../..');

async function run(): Promise<void> {
  const args = parseShellArgs(process.argv, REPO_ROOT);
  const site = new LocalSite(localSiteOptions(args));
  await app.whenReady();
  let url: string;
  try {
    url = (await site.start()).state.url!;
  } catch (e) {
    dialog.showErrorBox('Nightjar: the local site did not start', errorMessage(e));
    site.dispose();
    app.quit();
    return;
  }
  // The renderer comes from the site, so the site's origin is the app's.
  const appOrigin = new URL(url).origin;
  hardenSession(session.defaultSession, appOrigin);
  const windows = new ClientWindows({ appOrigin, preload: join(__dirname, '../preload/preload.cjs') });

  const control = async (action: LocalSiteAction): Promise<LocalSiteState> => {
    if (action === 'stop') return site.stop();
    return (await (action === 'start' ? site.start() : site.restart())).state;
  };
  const fromTray = (action: LocalSiteAction) => () => {
    control(action).catch((e: unknown) => dialog.showErrorBox(`Nightjar: could not ${action} the local site`, errorMessage(e)));
  };
  const ipc = registerIpcHandlers<IpcContract>(ipcMain, appOrigin, IPC_CHANNELS, desktopHandlers({ windows, siteState: () => site.status(), controlSite: control }));
  const tray = new SiteTray(site.state, {
    openClient: () => windows.showMain(), start: fromTray('start'), stop: fromTray('stop'), restart: fromTray('restart'), quit: () => app.quit(),
  }, 'Smart Client');
  const stateSubscription = site.onDidChangeState((state) => {
    tray.update(state);
    windows.broadcast(LOCAL_SITE_STATE_EVENT, state);
  });
  const watcher = site.watch(2000);

  app.on('second-instance', () => windows.showMain());
  // Closing the last window quits the client (a tray is not shown on every Linux desktop, so
  // staying in it could leave an invisible app); the site runs on either way.
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    watcher.dispose();
    stateSubscription.dispose();
    ipc.dispose();
    tray.dispose();
    windows.dispose();
    site.dispose();
  });
  windows.showMain();
}

// One client per user session: a second start focuses the running one's window.
if (app.requestSingleInstanceLock()) {
  void run();
} else {
  app.quit();
}
