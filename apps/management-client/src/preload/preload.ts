/**
 * The Management Client's sandboxed preload: exposes the desktop API (src/common/desktopApi.ts)
 * and nothing else. One function per IPC channel, each a typed `invoke`; the renderer never
 * sees ipcRenderer. Bundled into one CommonJS file (sandboxed preloads cannot load other files).
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { DesktopApi } from '../common/desktopApi';
import { DESKTOP_API_GLOBAL } from '../common/desktopApi';
import type { IpcChannel, IpcRequest, IpcResponse } from '../common/ipcContract';

function invoke<C extends IpcChannel>(channel: C, request: IpcRequest<C>): Promise<IpcResponse<C>> {
  return ipcRenderer.invoke(channel, request) as Promise<IpcResponse<C>>;
}

const api: DesktopApi = {
  chooseBackupFile: (request) => invoke('dialog:chooseBackupFile', request),
  chooseFolder: (request) => invoke('dialog:chooseFolder', request),
};

contextBridge.exposeInMainWorld(DESKTOP_API_GLOBAL, api);
