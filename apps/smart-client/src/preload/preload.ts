/**
 * The sandboxed preload: exposes the desktop API (src/common/desktopApi.ts) and nothing else.
 * One function per IPC channel, each a typed `invoke`; the renderer never sees ipcRenderer.
 * Bundled into one CommonJS file (sandboxed preloads cannot load other files).
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import type { DesktopApi } from '../common/desktopApi';
import { DESKTOP_API_GLOBAL } from '../common/desktopApi';
import type { IpcChannel, IpcRequest, IpcResponse } from '../common/ipcContract';
import { LOCAL_SITE_STATE_EVENT } from '../common/ipcContract';
import type { LocalSiteState } from '../common/desktopApi';

function invoke<C extends IpcChannel>(channel: C, request: IpcRequest<C>): Promise<IpcResponse<C>> {
  return ipcRenderer.invoke(channel, request) as Promise<IpcResponse<C>>;
}

const api: DesktopApi = {
  chooseExportFolder: (request) => invoke('dialog:chooseExportFolder', request),
  showItemInFolder: (request) => invoke('shell:showItemInFolder', request),
  saveDownload: (request) => invoke('exports:saveDownload', request),
  listDisplays: () => invoke('displays:list', undefined),
  openWindow: (request) => invoke('windows:open', request),
  setFullScreen: (request) => invoke('windows:setFullScreen', request),
  getLocalSiteState: () => invoke('localSite:getState', undefined),
  controlLocalSite: (request) => invoke('localSite:control', request),
  onLocalSiteStateChanged(listener) {
    // Only the payload crosses into the page: the event object would leak ipcRenderer.
    const forward = (_event: IpcRendererEvent, state: LocalSiteState) => listener(state);
    ipcRenderer.on(LOCAL_SITE_STATE_EVENT, forward);
    return () => {
      ipcRenderer.removeListener(LOCAL_SITE_STATE_EVENT, forward);
    };
  },
};

contextBridge.exposeInMainWorld(DESKTOP_API_GLOBAL, api);
