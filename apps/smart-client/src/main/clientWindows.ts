/**
 * The client's windows: the main one, and views opened on other monitors (optionally full
 * screen per monitor, the operators' video wall). All are made by windowFactory.
 */
import { screen } from 'electron';
import type { BrowserWindow, Display } from 'electron';
import type { Disposable } from '@nightjar/vms-core';
import { VmsError } from '@nightjar/vms-core';
import { appUrl } from '@nightjar/desktop';
import { createWindow } from '@nightjar/desktop/electron';
import type { DisplayInfo, IpcRequest } from '../common/ipcContract';

const TITLE = 'Nightjar Smart Client';

export class ClientWindows implements Disposable {
  private main: BrowserWindow | undefined;
  private readonly windows = new Set<BrowserWindow>();

  constructor(private readonly o: { appOrigin: string; preload: string }) {}

  /** Shows the main window: restores and focuses it, or opens it at the app's start page. */
  showMain(): BrowserWindow {
    if (this.main && !this.main.isDestroyed()) {
      if (this.main.isMinimized()) this.main.restore();
      this.main.show();
      this.main.focus();
      return this.main;
    }
    this.main = this.track(createWindow({ appOrigin: this.o.appOrigin, url: appUrl(this.o.appOrigin, '/'), preload: this.o.preload, title: TITLE }));
    return this.main;
  }

  displays(): DisplayInfo[] {
    const primary = screen.getPrimaryDisplay().id;
    return screen.getAllDisplays().map((d, i) => ({
      id: d.id, label: d.label || `Display ${i + 1}`, primary: d.id === primary, bounds: { ...d.bounds }, scaleFactor: d.scaleFactor,
    }));
  }

  /** Opens an app path in a new window on a display (the primary one by default). */
  open(request: IpcRequest<'windows:open'>): number {
    const url = appUrl(this.o.appOrigin, request.path);
    const display = this.display(request.displayId);
    // The work area leaves the task bar visible; full screen then covers that monitor only.
    const win = this.track(createWindow({
      appOrigin: this.o.appOrigin, url, preload: this.o.preload, title: TITLE, bounds: { ...display.workArea }, fullScreen: request.fullScreen === true,
    }));
    return win.id;
  }

  /** Sends a message to every open window (the local site's state, for instance). */
  broadcast(channel: string, payload: unknown): void {
    for (const win of this.windows) if (!win.isDestroyed()) win.webContents.send(channel, payload);
  }

  dispose(): void {
    for (const win of this.windows) if (!win.isDestroyed()) win.destroy();
    this.windows.clear();
  }

  private display(id: number | undefined): Display {
    if (id === undefined) return screen.getPrimaryDisplay();
    const found = screen.getAllDisplays().find((d) => d.id === id);
    if (!found) throw new VmsError('VMS_ERR_NOT_FOUND', `no display ${id} (connected: ${this.displays().map((d) => d.id).join(', ')})`);
    return found;
  }

  private track(win: BrowserWindow): BrowserWindow {
    this.windows.add(win);
    win.on('closed', () => {
      this.windows.delete(win);
      if (this.main === win) this.main = undefined;
    });
    return win;
  }
}
