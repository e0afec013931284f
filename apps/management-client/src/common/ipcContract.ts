/**
 * The whole IPC surface between the Management Client's renderer and its Electron main
 * process: one channel per call, each with its request and response type. The preload exposes
 * one function per channel (src/preload/preload.ts); main registers one handler per channel
 * behind the sender-origin check (registerIpcHandlers of @nightjar/desktop; the handlers are
 * src/main/adminHandlers.ts). Adding a call means adding it here first.
 *
 * Deliberately narrow: the native file dialogs an administrator expects. Everything else goes
 * through the site's HTTP/WebSocket API, as in a browser.
 */

/** Configuration backups are a few MiB of JSON; far larger is not a backup. */
export const MAX_BACKUP_BYTES = 64 * 2 ** 20;

export interface IpcContract {
  /**
   * A configuration backup (POST /api/configuration/export's document, as text): the native
   * "save as" dialog asks where, and main writes `contents` there (replacing a file only after
   * the dialog's own confirmation). `path` is null when the user cancelled.
   */
  'dialog:chooseBackupFile': { request: { defaultName: string; contents: string }; response: { path: string | null } };
  /** Native folder picker, for storage and archive paths; `path` is null when cancelled. */
  'dialog:chooseFolder': { request: { title?: string; defaultPath?: string }; response: { path: string | null } };
}

export type IpcChannel = keyof IpcContract;
export type IpcRequest<C extends IpcChannel> = IpcContract[C]['request'];
export type IpcResponse<C extends IpcChannel> = IpcContract[C]['response'];

/** Every invoke channel, so main registers exactly the contract's set. */
export const IPC_CHANNELS = ['dialog:chooseBackupFile', 'dialog:chooseFolder'] as const satisfies readonly IpcChannel[];
// Compile-time check that the list above names every channel of the contract.
const _everyChannelListed: Record<Exclude<IpcChannel, (typeof IPC_CHANNELS)[number]>, never> = {};
