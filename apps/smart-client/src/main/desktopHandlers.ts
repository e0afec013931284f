/**
 * The main-process side of each IPC channel. Requests come from a page, so each is checked
 * for shape here (the sender's origin was checked by registerIpcHandlers already).
 */
import { BrowserWindow, dialog, shell } from 'electron';
import type { OpenDialogOptions } from 'electron';
import { isAbsolute } from 'node:path';
import { VmsError } from '@nightjar/vms-core';
import type { IpcHandlers, LocalSiteAction, LocalSiteState } from '@nightjar/desktop';
import { saveDownload } from '@nightjar/desktop';
import type { IpcContract } from '../common/ipcContract';
import type { ClientWindows } from './clientWindows';

const ACTIONS: readonly LocalSiteAction[] = ['start', 'stop', 'restart'];

function fields(request: unknown): Record<string, unknown> {
  if (typeof request !== 'object' || request === null) throw new VmsError('VMS_ERR_BAD_INPUT', 'the request must be an object');
  return request as Record<string, unknown>;
}

function absolutePath(value: unknown): string {
  if (typeof value !== 'string' || !isAbsolute(value)) throw new VmsError('VMS_ERR_BAD_INPUT', `"${String(value)}" is not an absolute path`);
  return value;
}

export function desktopHandlers(o: {
  windows: ClientWindows;
  siteState: () => Promise<LocalSiteState>;
  controlSite: (action: LocalSiteAction) => Promise<LocalSiteState>;
}): IpcHandlers<IpcContract> {
  return {
    'dialog:chooseExportFolder': async (request, event) => {
      const { defaultPath } = fields(request ?? {});
      const options: OpenDialogOptions = {
        title: 'Export destination', properties: ['openDirectory', 'createDirectory'],
        ...(typeof defaultPath === 'string' && isAbsolute(defaultPath) ? { defaultPath } : {}),
      };
      const owner = BrowserWindow.fromWebContents(event.sender);
      const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
      return { path: result.canceled ? null : (result.filePaths[0] ?? null) };
    },
    'shell:showItemInFolder': (request) => {
      shell.showItemInFolder(absolutePath(fields(request).path));
    },
    'exports:saveDownload': (request) => {
      const { url, folder, fileName } = fields(request);
      return saveDownload({ url: String(url), folder: absolutePath(folder), fileName: String(fileName) });
    },
    'displays:list': () => o.windows.displays(),
    'windows:open': (request) => {
      const { path, displayId, fullScreen } = fields(request);
      if (displayId !== undefined && !Number.isInteger(displayId)) throw new VmsError('VMS_ERR_BAD_INPUT', 'displayId must be an integer');
      return { windowId: o.windows.open({ path: String(path), ...(displayId === undefined ? {} : { displayId: displayId as number }), fullScreen: fullScreen === true }) };
    },
    'windows:setFullScreen': (request, event) => {
      BrowserWindow.fromWebContents(event.sender)?.setFullScreen(fields(request).fullScreen === true);
    },
    'localSite:getState': () => o.siteState(),
    'localSite:control': (request) => {
      const { action } = fields(request);
      if (!ACTIONS.includes(action as LocalSiteAction)) throw new VmsError('VMS_ERR_BAD_INPUT', `action must be one of ${ACTIONS.join(', ')}`);
      return o.controlSite(action as LocalSiteAction);
    },
  };
}
