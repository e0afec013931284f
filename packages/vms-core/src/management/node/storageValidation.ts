/**
 * Checks for a storage before it is saved: a folder the recording server can write to, not
 * inside another storage's folder (each storage's garbage and recovery scans would meet the
 * other's files), and sizes that fit the disk it is on. Errors name the field at fault.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, statfsSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve, sep } from 'node:path';
import { VmsError, errorMessage } from '../../base/common/errors';
import type { StorageConfig } from '../../media-db/common/storageConfig';

/** Below this a storage holds a few minutes of one camera: almost certainly a unit mistake. */
export const MIN_STORAGE_BYTES = 64 * 2 ** 20;

export interface DiskSpace {
  totalBytes: number;
  freeBytes: number;
}

/** Size and free space of the disk holding `path` (or its nearest existing parent). */
export function diskSpaceOf(path: string): DiskSpace {
  let at = resolve(path);
  for (;;) {
    try {
      const s = statfsSync(at);
      return { totalBytes: s.blocks * s.bsize, freeBytes: s.bavail * s.bsize };
    } catch (e) {
      const parent = dirname(at);
      if (parent === at) throw new VmsError('VMS_ERR_BAD_INPUT', `cannot read the disk of ${path}: ${errorMessage(e)}`, { field: 'path' });
      at = parent;
    }
  }
}

const bad = (field: string, message: string) => new VmsError('VMS_ERR_BAD_INPUT', `${field}: ${message}`, { field });
const gib = (n: number) => `${(n / 2 ** 30).toFixed(1)} GiB`;

export function checkStorageSizes(s: { maxBytes: number; minFreeBytes: number }, disk: DiskSpace): void {
  if (s.maxBytes < MIN_STORAGE_BYTES) throw bad('maxBytes', `at least ${MIN_STORAGE_BYTES / 2 ** 20} MiB`);
  if (s.maxBytes > disk.totalBytes) throw bad('maxBytes', `${gib(s.maxBytes)} is more than the whole disk (${gib(disk.totalBytes)})`);
  if (s.minFreeBytes >= disk.totalBytes) throw bad('minFreeBytes', `${gib(s.minFreeBytes)} is not less than the whole disk (${gib(disk.totalBytes)})`);
}

/** A new storage's folder: absolute and apart from every other storage's. Returns it resolved. */
export function placeStorageFolder(path: string, others: readonly Pick<StorageConfig, 'name' | 'path'>[]): string {
  if (!isAbsolute(path)) throw bad('path', `"${path}" is not an absolute path`);
  const folder = resolve(path);
  const within = (a: string, b: string) => a === b || a.startsWith(b.endsWith(sep) ? b : b + sep);
  for (const o of others) {
    const other = resolve(o.path);
    if (within(folder, other) || within(other, folder)) throw bad('path', `${folder} overlaps the folder of storage ${o.name} (${other})`);
  }
  return folder;
}

/** Creates the folder when missing and proves the recording server can write files in it. */
export function ensureWritableFolder(folder: string): void {
  try {
    mkdirSync(folder, { recursive: true });
    const probe = resolve(folder, `.nightjar-write-test-${randomUUID()}`);
    writeFileSync(probe, 'ok');
    unlinkSync(probe);
  } catch (e) {
    throw bad('path', `${folder} is not writable: ${errorMessage(e)}`);
  }
}
