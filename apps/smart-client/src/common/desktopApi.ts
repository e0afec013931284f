/**
 * What the Electron preload puts on `window.nightjarDesktop`. In a browser it is absent, and
 * the renderer offers the browser's way instead (a download instead of a folder picker, one
 * window, the Fullscreen API, no local-site controls). Detect it with `desktopApi()`.
 *
 * Each method is one IPC channel of ./ipcContract.ts with the same request and response.
 */
import type { DisplayInfo, IpcRequest, IpcResponse } from './ipcContract';
import type { LocalSiteState } from '@nightjar/desktop/local-site-state';

export interface DesktopApi {
  /** Native folder picker; resolves `{ path: null }` when the user cancels. */
  chooseExportFolder(request: IpcRequest<'dialog:chooseExportFolder'>): Promise<IpcResponse<'dialog:chooseExportFolder'>>;
  /** Reveals a file or folder in the OS file manager. */
  showItemInFolder(request: IpcRequest<'shell:showItemInFolder'>): Promise<void>;
  /** Downloads `url` into `folder` as `fileName` (never overwriting); resolves with the path written. */
  saveDownload(request: IpcRequest<'exports:saveDownload'>): Promise<IpcResponse<'exports:saveDownload'>>;
  listDisplays(): Promise<DisplayInfo[]>;
  /** Opens another client window at an app path, on a display, optionally full screen. */
  openWindow(request: IpcRequest<'windows:open'>): Promise<IpcResponse<'windows:open'>>;
  /** Full screen on or off for this window. */
  setFullScreen(request: IpcRequest<'windows:setFullScreen'>): Promise<void>;
  getLocalSiteState(): Promise<LocalSiteState>;
  controlLocalSite(request: IpcRequest<'localSite:control'>): Promise<LocalSiteState>;
  /** Calls `listener` with each new local-site state; returns the function that unsubscribes. */
  onLocalSiteStateChanged(listener: (state: LocalSiteState) => void): () => void;
}

/** The global the preload defines (contextBridge.exposeInMainWorld). */
export const DESKTOP_API_GLOBAL = 'nightjarDesktop';

/** The desktop API when running in the Electron shell, undefined in a browser. */
export function desktopApi(): DesktopApi | undefined {
  return (globalThis as { [DESKTOP_API_GLOBAL]?: DesktopApi })[DESKTOP_API_GLOBAL];
}

export type { DisplayInfo } from './ipcContract';
export type { LocalSiteAction, LocalSiteState, LocalSiteStatus } from '@nightjar/desktop/local-site-state';
