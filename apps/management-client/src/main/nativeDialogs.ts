/** The Electron dialogs behind AdminDialogs, each modal to the window that asked. */
import { BrowserWindow, dialog } from 'electron';
import type { IpcMainInvokeEvent, OpenDialogOptions, SaveDialogOptions } from 'electron';
import type { AdminDialogs } from './adminHandlers';

function owner(event: IpcMainInvokeEvent): BrowserWindow | null {
  return BrowserWindow.fromWebContents(event.sender);
}

export const nativeDialogs: AdminDialogs = {
  async saveFile(o, event) {
    const options: SaveDialogOptions = {
      title: o.title, defaultPath: o.defaultName, filters: [{ name: 'Configuration backup', extensions: ['json'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    };
    const win = owner(event);
    const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? undefined : result.filePath;
  },
  async chooseFolder(o, event) {
    const options: OpenDialogOptions = { title: o.title, properties: ['openDirectory', 'createDirectory'], ...(o.defaultPath ? { defaultPath: o.defaultPath } : {}) };
    const win = owner(event);
    const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return result.canceled ? undefined : result.filePaths[0];
  },
};
