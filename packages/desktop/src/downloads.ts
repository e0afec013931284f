/**
 * Saves a download into a folder the user picked with the native dialog (Electron only; a
 * browser downloads through its own UI). Used for finished exports: the URL carries the
 * export's media token, so main fetches it directly. An existing file is never overwritten,
 * and a download that fails part-way leaves no file behind.
 */
import { open, stat, unlink } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { basename, extname, isAbsolute, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type { ErrorCode } from '@nightjar/vms-core';
import { VmsError } from '@nightjar/vms-core';
import { isExternalLink } from './originPolicy';

/** A plain file name: no folders, no leading dot, nothing a file system would refuse. */
export function safeFileName(name: unknown): string {
  const ok = typeof name === 'string' && name.length > 0 && name.length <= 200 && basename(name) === name &&
    !name.startsWith('.') && !/[\\/:*?"<>|]/.test(name) && ![...name].some((ch) => ch.charCodeAt(0) < 0x20);
  if (!ok) throw new VmsError('VMS_ERR_BAD_INPUT', `"${String(name)}" is not a plain file name`);
  return name;
}

/** name.mp4, name (1).mp4, name (2).mp4, … */
function candidateName(fileName: string, n: number): string {
  if (n === 0) return fileName;
  const ext = extname(fileName);
  return `${fileName.slice(0, fileName.length - ext.length)} (${n})${ext}`;
}

const statusCode = (status: number): ErrorCode =>
  status === 401 || status === 403 ? 'VMS_ERR_PERMISSION_DENIED' : status === 404 ? 'VMS_ERR_NOT_FOUND' : 'VMS_ERR_UNAVAILABLE';

export async function saveDownload(
  request: { url: string; folder: string; fileName: string }, signal?: AbortSignal,
): Promise<{ path: string; bytes: number }> {
  const fileName = safeFileName(request.fileName);
  if (typeof request.url !== 'string' || !isExternalLink(request.url)) throw new VmsError('VMS_ERR_BAD_INPUT', 'a download must be an http(s) URL');
  if (typeof request.folder !== 'string' || !isAbsolute(request.folder) || !(await stat(request.folder).catch(() => undefined))?.isDirectory()) {
    throw new VmsError('VMS_ERR_NOT_FOUND', `the folder ${String(request.folder)} does not exist`);
  }
  const res = await fetch(request.url, signal ? { signal } : {});
  if (!res.ok || !res.body) {
    await res.body?.cancel();
    throw new VmsError(statusCode(res.status), `the download answered ${res.status} ${res.statusText}`);
  }
  const { file, target } = await createFree(request.folder, fileName);
  try {
    await pipeline(Readable.fromWeb(res.body as NodeReadableStream), file.createWriteStream());
  } catch (e) {
    await unlink(target).catch(() => undefined);
    throw e;
  }
  return { path: target, bytes: (await stat(target)).size };
}

/**
 * Creates the first free name with O_EXCL, so a file that appeared meanwhile is never
 * overwritten. (Export drives are often FAT/exFAT, which have no hard links to do this with
 * a temporary name and link().)
 */
async function createFree(folder: string, fileName: string): Promise<{ file: FileHandle; target: string }> {
  for (let n = 0; ; n++) {
    const target = join(folder, candidateName(fileName, n));
    try {
      return { file: await open(target, 'wx'), target };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || n >= 999) throw e;
    }
  }
}
