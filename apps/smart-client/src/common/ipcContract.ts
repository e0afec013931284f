/**
 * The whole IPC surface between the renderer and the Electron main process: one channel per
 * call, each with its request and response type. The preload exposes one function per channel
 * (src/preload/preload.ts); main registers one handler per channel and checks that the sender
 * is the app's own origin (registerIpcHandlers of @nightjar/desktop). Adding a call means
 * adding it here first.
 */
import type { LocalSiteAction, LocalSiteState } from '@nightjar/desktop/local-site-state';

/** A monitor, as the renderer offers it for "open view on display N" and full screen per monitor. */
export interface DisplayInfo {
  id: number;
  /** The name the OS gives it, or "Display N". */
  label: string;
  primary: boolean;
  bounds: { x: number; y: number; width: number; height: number };
  scaleFactor: number;
}

export interface IpcContract {
  /** Native folder picker for export destinations; `path` is null when cancelled. */
  'dialog:chooseExportFolder': { request: { defaultPath?: string }; response: { path: string | null } };
  /** Shows a finished export (file or folder) in the OS file manager. */
  'shell:showItemInFolder': { request: { path: string }; response: void };
  /**
   * Saves a download (an export's URL with its media token) into a folder the user chose;
   * an existing file is never overwritten ("name (1).mp4"). Returns where it was written.
   */
  'exports:saveDownload': { request: { url: string; folder: string; fileName: string }; response: { path: string; bytes: number } };
  'displays:list': { request: void; response: DisplayInfo[] };
  /**
   * Opens another client window at an app path (e.g. "/app/live?view=ID") on a display
   * (the primary one when omitted), optionally full screen on it.
   */
  'windows:open': { request: { path: string; displayId?: number; fullScreen?: boolean }; response: { windowId: number } };
  /** Full screen on or off for the calling window (on its current monitor). */
  'windows:setFullScreen': { request: { fullScreen: boolean }; response: void };
  /** The all-in-one site this client started or attached to. */
  'localSite:getState': { request: void; response: LocalSiteState };
  'localSite:control': { request: { action: LocalSiteAction }; response: LocalSiteState };
}

export type IpcChannel = keyof IpcContract;
export type IpcRequest<C extends IpcChannel> = IpcContract[C]['request'];
export type IpcResponse<C extends IpcChannel> = IpcContract[C]['response'];

/** Every invoke channel, so main can register (and test) exactly the contract's set. */
export const IPC_CHANNELS = [
  'dialog:chooseExportFolder', 'shell:showItemInFolder', 'exports:saveDownload', 'displays:list',
  'windows:open', 'windows:setFullScreen', 'localSite:getState', 'localSite:control',
] as const satisfies readonly IpcChannel[];
// Compile-time check that the list above names every channel of the contract.
const _everyChannelListed: Record<Exclude<IpcChannel, (typeof IPC_CHANNELS)[number]>, never> = {};

/** The one message main pushes: the local site's state changed (payload: LocalSiteState). */
export const LOCAL_SITE_STATE_EVENT = 'localSite:didChangeState';
