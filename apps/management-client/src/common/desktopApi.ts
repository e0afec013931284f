/**
 * What the Management Client's Electron preload puts on `window.nightjarManagementDesktop`.
 * In a browser it is absent and the renderer uses the browser's way: a download for a
 * configuration backup, a typed path for a storage folder. Detect it with `desktopApi()`.
 *
 * Each method is one IPC channel of ./ipcContract.ts with the same request and response.
 */
import type { IpcRequest, IpcResponse } from './ipcContract';

export interface DesktopApi {
  /** Native "save as" for a configuration backup; writes `contents` there. `{ path: null }` when cancelled. */
  chooseBackupFile(request: IpcRequest<'dialog:chooseBackupFile'>): Promise<IpcResponse<'dialog:chooseBackupFile'>>;
  /** Native folder picker (storage and archive paths on this computer); `{ path: null }` when cancelled. */
  chooseFolder(request: IpcRequest<'dialog:chooseFolder'>): Promise<IpcResponse<'dialog:chooseFolder'>>;
}

/** The global the preload defines (contextBridge.exposeInMainWorld). */
export const DESKTOP_API_GLOBAL = 'nightjarManagementDesktop';

/** The desktop API when running in the Electron shell, undefined in a browser. */
export function desktopApi(): DesktopApi | undefined {
  return (globalThis as { [DESKTOP_API_GLOBAL]?: DesktopApi })[DESKTOP_API_GLOBAL];
}
