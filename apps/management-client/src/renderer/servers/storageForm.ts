/**
 * A storage's settings as the form edits them (strings, retention in hours or days, sizes in
 * GiB) and back to the API's body. Errors are keyed by the API's field names, so a check here
 * and a 400 from the site land next to the same input. An update sends only what the
 * administrator changed: comparing form to form (not bytes to GiB and back) means an untouched
 * size is never rewritten by rounding.
 */
import type { StorageBody } from '@nightjar/ui';
import type { UpdateStorageBody } from './serversApi';

export const GIB = 2 ** 30;
/** The site refuses smaller storages (storageValidation.ts). */
export const MIN_STORAGE_BYTES = 64 * 2 ** 20;
const MAX_RETENTION_HOURS = 24 * 365 * 20;
const MAX_ARCHIVE_EVERY_MINUTES = 7 * 24 * 60;

export type RetentionUnit = 'hours' | 'days';

export interface StorageFormValues {
  name: string;
  retention: string;
  retentionUnit: RetentionUnit;
  maxGiB: string;
  minFreeGiB: string;
  /** '' keeps recordings until retention deletes them; a storage id moves them there instead. */
  archiveTo: string;
  archiveEveryMinutes: string;
  keyFramesOnly: boolean;
  /** '' keeps every (key) frame. */
  maxFps: string;
  encrypted: boolean;
}

export type StorageErrors = Partial<Record<
  'name' | 'path' | 'retentionHours' | 'maxBytes' | 'minFreeBytes' | 'archiveEveryMinutes' | 'archive.storageId' | 'archive.grooming.maxFps',
  string
>>;

/** Sizes in GiB with at most two decimals, without trailing zeros ("126", "0.5"). */
export function bytesToGiB(bytes: number): string {
  return String(+(bytes / GIB).toFixed(2));
}

export function gibToBytes(gib: string): number {
  return Math.round(Number(gib) * GIB);
}

export function retentionToForm(hours: number): { retention: string; retentionUnit: RetentionUnit } {
  return hours % 24 === 0 ? { retention: String(hours / 24), retentionUnit: 'days' } : { retention: String(hours), retentionUnit: 'hours' };
}

export function retentionHours(value: string, unit: RetentionUnit): number {
  return Number(value) * (unit === 'days' ? 24 : 1);
}

export function storageToForm(s: StorageBody): StorageFormValues {
  return {
    name: s.name,
    ...retentionToForm(s.retentionHours),
    maxGiB: bytesToGiB(s.maxBytes),
    minFreeGiB: bytesToGiB(s.minFreeBytes),
    archiveTo: s.archive?.storageId ?? '',
    archiveEveryMinutes: String(s.archiveEveryMinutes),
    keyFramesOnly: s.archive?.grooming?.keyFramesOnly ?? false,
    maxFps: s.archive?.grooming?.maxFps === undefined ? '' : String(s.archive.grooming.maxFps),
    encrypted: s.encrypted,
  };
}

const isNumber = (v: string) => v.trim() !== '' && Number.isFinite(Number(v));

/** What the form can tell before asking the site; `diskTotalBytes` when the system monitor knows the disk. */
export function validateStorageForm(v: StorageFormValues, o: { diskTotalBytes?: number } = {}): StorageErrors {
  const e: StorageErrors = {};
  if (v.name.trim() === '') e.name = 'The storage needs a name.';
  else if (v.name.trim().length > 100) e.name = 'At most 100 characters.';
  const hours = retentionHours(v.retention, v.retentionUnit);
  if (!isNumber(v.retention) || !(hours > 0)) e.retentionHours = 'Keep recordings for more than 0 hours.';
  else if (hours > MAX_RETENTION_HOURS) e.retentionHours = 'At most 20 years.';
  const max = gibToBytes(v.maxGiB);
  if (!isNumber(v.maxGiB) || max < MIN_STORAGE_BYTES) e.maxBytes = 'At least 0.0625 GiB (64 MiB).';
  else if (o.diskTotalBytes !== undefined && max > o.diskTotalBytes) e.maxBytes = `More than the whole disk (${bytesToGiB(o.diskTotalBytes)} GiB).`;
  if (!isNumber(v.minFreeGiB) || Number(v.minFreeGiB) < 0) e.minFreeBytes = 'Zero or more GiB.';
  else if (o.diskTotalBytes !== undefined && gibToBytes(v.minFreeGiB) >= o.diskTotalBytes) e.minFreeBytes = 'Less than the whole disk.';
  const every = Number(v.archiveEveryMinutes);
  if (!Number.isInteger(every) || every < 1 || every > MAX_ARCHIVE_EVERY_MINUTES) e.archiveEveryMinutes = 'Whole minutes from 1 to 10080 (a week).';
  if (v.archiveTo !== '' && v.maxFps !== '' && !(isNumber(v.maxFps) && Number(v.maxFps) > 0)) e['archive.grooming.maxFps'] = 'More than 0, or empty to keep every frame.';
  return e;
}

/** The archive stage the form describes; undefined for none. */
export function archiveOfForm(v: StorageFormValues): { storageId: string; grooming?: { keyFramesOnly: boolean; maxFps?: number } } | undefined {
  if (v.archiveTo === '') return undefined;
  const grooming = v.keyFramesOnly || v.maxFps !== '' ? { keyFramesOnly: v.keyFramesOnly, ...(v.maxFps !== '' ? { maxFps: Number(v.maxFps) } : {}) } : undefined;
  return { storageId: v.archiveTo, ...(grooming ? { grooming } : {}) };
}

/** The PATCH body of what changed between the form as loaded and as edited; empty when nothing did. */
export function storageUpdateBody(initial: StorageFormValues, v: StorageFormValues): UpdateStorageBody {
  const body: UpdateStorageBody = {};
  if (v.name.trim() !== initial.name) body.name = v.name.trim();
  if (v.retention !== initial.retention || v.retentionUnit !== initial.retentionUnit) {
    const hours = retentionHours(v.retention, v.retentionUnit);
    if (hours !== retentionHours(initial.retention, initial.retentionUnit)) body.retentionHours = hours;
  }
  if (v.maxGiB !== initial.maxGiB) body.maxBytes = gibToBytes(v.maxGiB);
  if (v.minFreeGiB !== initial.minFreeGiB) body.minFreeBytes = gibToBytes(v.minFreeGiB);
  if (v.archiveEveryMinutes !== initial.archiveEveryMinutes) body.archiveEveryMinutes = Number(v.archiveEveryMinutes);
  const before = archiveOfForm(initial);
  const after = archiveOfForm(v);
  if (JSON.stringify(before) !== JSON.stringify(after)) body.archive = after ?? null;
  if (v.encrypted !== initial.encrypted) body.encrypted = v.encrypted;
  return body;
}

/** Storages a storage may archive into: any other one whose own archive chain does not lead back to it. */
export function archiveTargets(storageId: string | null, all: readonly StorageBody[]): StorageBody[] {
  const byId = new Map(all.map((s) => [s.id, s]));
  const leadsBack = (from: string): boolean => {
    const seen = new Set<string>();
    for (let id: string | undefined = from; id !== undefined && !seen.has(id); id = byId.get(id)?.archive?.storageId) {
      if (id === storageId) return true;
      seen.add(id);
    }
    return false;
  };
  return all.filter((s) => s.id !== storageId && !leadsBack(s.id));
}

/** The storages recordings pass through after this one, in order (stops at a loop, which the site refuses anyway). */
export function archiveChain(storage: StorageBody, storages: readonly StorageBody[]): StorageBody[] {
  const chain: StorageBody[] = [];
  const seen = new Set([storage.id]);
  for (let next = storage.archive?.storageId; next && !seen.has(next); next = storages.find((s) => s.id === next)?.archive?.storageId) {
    const s = storages.find((x) => x.id === next);
    if (!s) break;
    chain.push(s);
    seen.add(next);
  }
  return chain;
}
