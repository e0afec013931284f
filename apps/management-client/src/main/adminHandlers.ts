/**
 * The main-process side of the Management Client's IPC channels. Requests come from a page,
 * so each is checked for shape here (the sender's origin was checked by registerIpcHandlers
 * already). The native dialogs are passed in (nativeDialogs.ts in the app; fakes in tests).
 */
import { randomBytes } from 'node:crypto';
import { rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join } from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { VmsError } from '@nightjar/vms-core';
import type { IpcHandlers } from '@nightjar/desktop';
import { safeFileName } from '@nightjar/desktop';
import type { IpcContract } from '../common/ipcContract';
import { MAX_BACKUP_BYTES } from '../common/ipcContract';

/** The two native dialogs, each resolving with the path chosen or undefined when cancelled. */
export interface AdminDialogs {
  saveFile(o: { title: string; defaultName: string }, event: IpcMainInvokeEvent): Promise<string | undefined>;
  chooseFolder(o: { title: string; defaultPath?: string }, event: IpcMainInvokeEvent): Promise<string | undefined>;
}

function fields(request: unknown): Record<string, unknown> {
  if (typeof request !== 'object' || request === null) throw new VmsError('VMS_ERR_BAD_INPUT', 'the request must be an object');
  return request as Record<string, unknown>;
}

/**
 * Writes beside the target first, then renames: a failed write (disk full, a drive pulled)
 * leaves the previous backup of that name whole.
 */
export async function writeBackupFile(path: string, contents: string): Promise<void> {
  if (!isAbsolute(path)) throw new VmsError('VMS_ERR_BAD_INPUT', `"${path}" is not an absolute path`);
  const partial = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.partial`);
  try {
    await writeFile(partial, contents, { flag: 'wx' });
    await rename(partial, path);
  } catch (e) {
    await unlink(partial).catch(() => undefined);
    throw e;
  }
}

export function adminHandlers(dialogs: AdminDialogs): IpcHandlers<IpcContract> {
  return {
    'dialog:chooseBackupFile': async (request, event) => {
      const { defaultName, contents } = fields(request);
      if (typeof contents !== 'string') throw new VmsError('VMS_ERR_BAD_INPUT', 'contents must be the backup as text');
      const bytes = Buffer.byteLength(contents);
      if (bytes > MAX_BACKUP_BYTES) throw new VmsError('VMS_ERR_BAD_INPUT', `a backup of ${bytes} bytes is over the ${MAX_BACKUP_BYTES}-byte limit`);
      const path = await dialogs.saveFile({ title: 'Save configuration backup', defaultName: safeFileName(defaultName) }, event);
      if (path === undefined) return { path: null };
      await writeBackupFile(path, contents);
      return { path };
    },
    'dialog:chooseFolder': async (request, event) => {
      const { title, defaultPath } = fields(request ?? {});
      const path = await dialogs.chooseFolder({
        title: typeof title === 'string' && title.length > 0 && title.length <= 200 ? title : 'Choose a folder',
        ...(typeof defaultPath === 'string' && isAbsolute(defaultPath) ? { defaultPath } : {}),
      }, event);
      return { path: path ?? null };
    },
  };
}
