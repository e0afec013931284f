/**
 * The one place that creates windows, so every window gets the same hardening (Electron's
 * security checklist): context isolation, sandbox, no Node in the page, no webviews, no popups
 * (http(s) links go to the user's browser), no navigation away from the app's origin, and only
 * the permissions the app needs. App windows load a page of the site that serves the app;
 * the site-address prompt loads a page of its own and hears its form through `onNavigate`.
 */
import { BrowserWindow, shell } from 'electron';
import type { BrowserWindowConstructorOptions, Rectangle, Session } from 'electron';
import { VmsError } from '@nightjar/vms-core';
import { isAppUrl, isExternalLink } from './originPolicy';

export interface WindowSpec {
  /** The site's origin, which serves the renderer. */
  appOrigin: string;
  /** An URL of the app to load (e.g. the origin + "/admin/"). */
  url: string;
  /** The app's bundled preload (its dist/preload/preload.cjs). */
  preload: string;
  /** Shown until the page sets its own <title>. */
  title: string;
  bounds?: Partial<Rectangle>;
  fullScreen?: boolean;
}

/** Permissions a client page may use: full screen for video walls, writing snapshots to the clipboard. */
const ALLOWED_PERMISSIONS = new Set<string>(['fullscreen', 'clipboard-sanitized-write']);

const HARDENED: NonNullable<BrowserWindowConstructorOptions['webPreferences']> = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInSubFrames: false,
  nodeIntegrationInWorker: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false,
};

export function createWindow(spec: WindowSpec): BrowserWindow {
  if (!isAppUrl(spec.url, spec.appOrigin)) throw new VmsError('VMS_ERR_BAD_INPUT', `${spec.url} is not a page of the app at ${spec.appOrigin}`);
  const win = hardenedWindow({
    width: 1600, height: 900, ...spec.bounds,
    minWidth: 1024, minHeight: 640,
    title: spec.title,
    // A video wall on a second monitor keeps playing while another window has the focus.
    webPreferences: { ...HARDENED, preload: spec.preload, backgroundThrottling: false },
  }, {
    isOwnPage: (url) => isAppUrl(url, spec.appOrigin),
    onLeave: (url) => {
      if (isExternalLink(url)) void shell.openExternal(url);
    },
  });
  win.once('ready-to-show', () => {
    win.show();
    if (spec.fullScreen) win.setFullScreen(true);
  });
  void win.loadURL(spec.url);
  return win;
}

/**
 * A small window showing `html` (no preload, no script needed): a form's navigation is
 * stopped and handed to `onNavigate`, so the page talks to main without IPC.
 */
export function createPageWindow(spec: { html: string; title: string; width: number; height: number; onNavigate(url: string): void }): BrowserWindow {
  const win = hardenedWindow({
    width: spec.width, height: spec.height, resizable: false, minimizable: false, maximizable: false, fullscreenable: false,
    title: spec.title, webPreferences: { ...HARDENED },
  }, { isOwnPage: () => false, onLeave: (url) => spec.onNavigate(url) });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(pageUrl(spec.html));
  return win;
}

/** A page as a data: URL (main may load one; a page may not navigate to one). */
export function pageUrl(html: string): string {
  return `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;
}

/**
 * Navigation stays on the window's own pages; any other the page starts is stopped and given
 * to `onLeave` (an app window opens http(s) links in the user's browser).
 */
function hardenedWindow(
  options: BrowserWindowConstructorOptions, policy: { isOwnPage(url: string): boolean; onLeave(url: string): void },
): BrowserWindow {
  const win = new BrowserWindow({ show: false, backgroundColor: '#16181c', autoHideMenuBar: true, ...options });
  const contents = win.webContents;
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLink(url) && !policy.isOwnPage(url)) void shell.openExternal(url);
    // New app windows come from the apps' desktop APIs, which build them here.
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    if (policy.isOwnPage(event.url)) return;
    event.preventDefault();
    policy.onLeave(event.url);
  });
  contents.on('will-redirect', (event) => {
    if (!policy.isOwnPage(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  return win;
}

/** Grants the app's pages only ALLOWED_PERMISSIONS, and nothing to any other origin. */
export function hardenSession(session: Session, appOrigin: string): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(ALLOWED_PERMISSIONS.has(permission) && isAppUrl(details.requestingUrl, appOrigin));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => ALLOWED_PERMISSIONS.has(permission) && requestingOrigin === appOrigin);
}
