/**
 * The one place that creates client windows, so every window gets the same hardening
 * (Electron's security checklist): context isolation, sandbox, no Node in the page, no
 * webviews, no popups (http(s) links go to the user's browser), no navigation away from the
 * app's origin, and only the permissions the app needs.
 */
import { BrowserWindow, shell } from 'electron';
import type { Rectangle, Session } from 'electron';
import { VmsError } from '@nightjar/vms-core';
import { isAppUrl, isExternalLink } from './originPolicy';

export interface WindowSpec {
  /** The site's origin, which serves the renderer. */
  appOrigin: string;
  /** An URL of the app to load. */
  url: string;
  /** The bundled preload (dist/preload/preload.cjs). */
  preload: string;
  bounds?: Partial<Rectangle>;
  fullScreen?: boolean;
}

/** Permissions a client page may use: full screen for video walls, writing snapshots to the clipboard. */
const ALLOWED_PERMISSIONS = new Set<string>(['fullscreen', 'clipboard-sanitized-write']);

export function createWindow(spec: WindowSpec): BrowserWindow {
  if (!isAppUrl(spec.url, spec.appOrigin)) throw new VmsError('VMS_ERR_BAD_INPUT', `${spec.url} is not a page of the app at ${spec.appOrigin}`);
  const win = new BrowserWindow({
    width: 1600, height: 900, ...spec.bounds,
    minWidth: 1024, minHeight: 640,
    show: false,
    backgroundColor: '#16181c',
    title: 'Nightjar Smart Client',
    autoHideMenuBar: true,
    webPreferences: {
      preload: spec.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // A video wall on a second monitor keeps playing while another window has the focus.
      backgroundThrottling: false,
    },
  });
  const contents = win.webContents;
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLink(url) && !isAppUrl(url, spec.appOrigin)) void shell.openExternal(url);
    // New app windows come from the desktop API (windows:open), which builds them here.
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url, spec.appOrigin)) return;
    event.preventDefault();
    if (isExternalLink(event.url)) void shell.openExternal(event.url);
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url, spec.appOrigin)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  win.once('ready-to-show', () => {
    win.show();
    if (spec.fullScreen) win.setFullScreen(true);
  });
  void win.loadURL(spec.url);
  return win;
}

/** Grants the app's pages only ALLOWED_PERMISSIONS, and nothing to any other origin. */
export function hardenSession(session: Session, appOrigin: string): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(ALLOWED_PERMISSIONS.has(permission) && isAppUrl(details.requestingUrl, appOrigin));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => ALLOWED_PERMISSIONS.has(permission) && requestingOrigin === appOrigin);
}
