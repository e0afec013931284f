/** A client's tray icon: the local site's state and its controls (see trayMenu.ts). */
import { Menu, Tray, nativeImage } from 'electron';
import type { NativeImage } from 'electron';
import type { Disposable } from '@nightjar/vms-core';
import type { LocalSiteState, LocalSiteStatus } from './localSiteState';
import { trayIconBitmap } from './trayIcon';
import type { TrayActions } from './trayMenu';
import { trayMenuTemplate, trayTooltip } from './trayMenu';

const LOGICAL_SIZE = 16;

export class SiteTray implements Disposable {
  private readonly tray: Tray;
  private readonly icons = new Map<LocalSiteStatus, NativeImage>();

  constructor(state: LocalSiteState, private readonly actions: TrayActions, private readonly appName: string) {
    this.tray = new Tray(this.icon(state.status));
    this.tray.on('click', () => actions.openClient());
    this.update(state);
  }

  update(state: LocalSiteState): void {
    this.tray.setImage(this.icon(state.status));
    this.tray.setToolTip(trayTooltip(state));
    this.tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(state, this.actions, this.appName)));
  }

  dispose(): void {
    this.tray.destroy();
  }

  private icon(status: LocalSiteStatus): NativeImage {
    let icon = this.icons.get(status);
    if (!icon) {
      const size = LOGICAL_SIZE * 2;
      icon = nativeImage.createFromBitmap(trayIconBitmap(status, size), { width: size, height: size, scaleFactor: 2 });
      this.icons.set(status, icon);
    }
    return icon;
  }
}
