/**
 * The Add storage / archive wizard as data: its steps, what each step checks before Next, the
 * one createStorage body it ends in (an archive is attached to its source in the same request,
 * `archiveOf`, so nothing is half-saved), and which step shows a field the site refused.
 */
import type { CreateStorageBody } from '@nightjar/vms-core';
import type { StorageBody } from '@nightjar/ui';
import type { RetentionUnit } from './storageForm';
import { MIN_STORAGE_BYTES, gibToBytes, retentionHours } from './storageForm';

export const ADD_STORAGE_STEPS = ['Purpose', 'Folder', 'Retention and size', 'Confirm'] as const;
export type AddStorageStep = 0 | 1 | 2 | 3;

export interface AddStorageValues {
  /** A storage cameras record to, or the archive stage of an existing storage. */
  purpose: 'recording' | 'archive';
  /** purpose 'archive': the storage whose old recordings move here. */
  archiveOf: string;
  name: string;
  path: string;
  encrypted: boolean;
  retention: string;
  retentionUnit: RetentionUnit;
  maxGiB: string;
  /** purpose 'archive': how often the source moves recordings (its schedule), and their grooming. */
  everyMinutes: string;
  keyFramesOnly: boolean;
  maxFps: string;
  /** purpose 'recording': an existing storage this one archives into ('' none). */
  archiveTo: string;
}

export type AddStorageErrors = Partial<Record<string, string>>;

export function initialAddStorage(storages: readonly StorageBody[]): AddStorageValues {
  return {
    purpose: 'recording', archiveOf: storages[0]?.id ?? '', name: '', path: '', encrypted: false,
    retention: '7', retentionUnit: 'days', maxGiB: '100', everyMinutes: String(storages[0]?.archiveEveryMinutes ?? 60),
    keyFramesOnly: false, maxFps: '', archiveTo: '',
  };
}

/** An absolute folder on the recording server: POSIX, a Windows drive or a UNC share. */
export function isAbsolutePath(path: string): boolean {
  return /^\//.test(path) || /^[A-Za-z]:[\\/]/.test(path) || /^\\\\[^\\]+\\/.test(path);
}

const positive = (v: string) => v.trim() !== '' && Number.isFinite(Number(v)) && Number(v) > 0;

export function validateAddStorageStep(step: AddStorageStep, v: AddStorageValues, storages: readonly StorageBody[]): AddStorageErrors {
  const e: AddStorageErrors = {};
  if (step === 0) {
    if (v.purpose === 'archive' && !storages.some((s) => s.id === v.archiveOf)) e['archiveOf.storageId'] = 'Choose the storage this archive is for.';
  } else if (step === 1) {
    if (v.name.trim() === '') e.name = 'The storage needs a name.';
    else if (storages.some((s) => s.name.toLowerCase() === v.name.trim().toLowerCase())) e.name = 'Another storage has this name.';
    const path = v.path.trim();
    if (path === '') e.path = 'Type the folder on the recording server, e.g. /srv/nightjar/archive.';
    else if (!isAbsolutePath(path)) e.path = 'An absolute path: it starts with / (or a drive letter on Windows).';
    else if (storages.some((s) => s.path === path)) e.path = 'Another storage uses this folder.';
  } else if (step === 2) {
    if (!positive(v.retention)) e.retentionHours = 'Keep recordings for more than 0 hours.';
    else if (retentionHours(v.retention, v.retentionUnit) > 24 * 365 * 20) e.retentionHours = 'At most 20 years.';
    if (!positive(v.maxGiB) || gibToBytes(v.maxGiB) < MIN_STORAGE_BYTES) e.maxBytes = 'At least 0.0625 GiB (64 MiB).';
    if (v.purpose === 'archive') {
      const every = Number(v.everyMinutes);
      if (!Number.isInteger(every) || every < 1 || every > 7 * 24 * 60) e['archiveOf.everyMinutes'] = 'Whole minutes from 1 to 10080 (a week).';
      if (v.maxFps !== '' && !positive(v.maxFps)) e['archiveOf.grooming.maxFps'] = 'More than 0, or empty to keep every frame.';
    }
  }
  return e;
}

/** The step to go back to when the site names `field` (400), so the message shows next to it. */
export function stepOfField(field: string | undefined): AddStorageStep {
  if (!field) return 3;
  if (field.startsWith('archiveOf.storageId')) return 0;
  if (field === 'name' || field === 'path' || field === 'encrypted') return 1;
  if (['retentionHours', 'maxBytes', 'minFreeBytes', 'archiveEveryMinutes'].includes(field) || field.startsWith('archiveOf.') || field.startsWith('archive.')) return 2;
  return 3;
}

export function createStorageBody(v: AddStorageValues): CreateStorageBody {
  const grooming = v.keyFramesOnly || v.maxFps !== '' ? { keyFramesOnly: v.keyFramesOnly, ...(v.maxFps !== '' ? { maxFps: Number(v.maxFps) } : {}) } : undefined;
  return {
    name: v.name.trim(),
    path: v.path.trim(),
    retentionHours: retentionHours(v.retention, v.retentionUnit),
    maxBytes: gibToBytes(v.maxGiB),
    encrypted: v.encrypted,
    ...(v.purpose === 'archive'
      ? { archiveOf: { storageId: v.archiveOf, everyMinutes: Number(v.everyMinutes), ...(grooming ? { grooming } : {}) } }
      : v.archiveTo !== '' ? { archive: { storageId: v.archiveTo } } : {}),
  };
}
