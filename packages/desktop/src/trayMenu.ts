/**
 * What the tray offers for a given local-site state (the seeds' server-manager tray icon):
 * open the client, start/stop/restart the local site, quit the client. Quitting the client
 * never stops the site: recording goes on without any window. `appName` names the client
 * ("Smart Client") in "Open …".
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { LocalSiteState } from './localSiteState';
import { describeLocalSite } from './localSiteState';

export interface TrayActions {
  openClient(): void;
  start(): void;
  stop(): void;
  restart(): void;
  quit(): void;
}

export function trayTooltip(state: LocalSiteState): string {
  return `Nightjar: ${describeLocalSite(state)}`;
}

export function trayMenuTemplate(state: LocalSiteState, actions: TrayActions, appName: string): MenuItemConstructorOptions[] {
  const busy = state.status === 'starting' || state.status === 'stopping';
  const alive = state.status === 'running' || state.status === 'unresponsive';
  return [
    { label: describeLocalSite(state), enabled: false },
    { type: 'separator' },
    { label: `Open ${appName}`, click: () => actions.openClient() },
    { type: 'separator' },
    { label: 'Start local site', enabled: state.status === 'stopped', click: () => actions.start() },
    { label: 'Stop local site', enabled: alive && !busy, click: () => actions.stop() },
    { label: 'Restart local site', enabled: alive && !busy, click: () => actions.restart() },
    { type: 'separator' },
    { label: 'Quit client (the site keeps recording)', click: () => actions.quit() },
  ];
}
