/**
 * The Storage step's decision: keep the site's storage folder (and change its retention and
 * size if edited) or record to another folder (a new storage; done again, the step updates the
 * storage it created instead of adding another). One request either way.
 */
import type { CreateStorageBody } from '@nightjar/vms-core';
import type { StorageBody } from '@nightjar/ui';
import type { UpdateStorageBody } from '../servers/serversApi';
import type { RetentionUnit } from '../servers/storageForm';
import { gibToBytes, retentionHours, storageToForm, storageUpdateBody } from '../servers/storageForm';

export interface StorageStepValues {
  folder: 'keep' | 'other';
  path: string;
  retention: string;
  retentionUnit: RetentionUnit;
  maxGiB: string;
}

export type StoragePlan =
  | { kind: 'unchanged'; storageId: string }
  | { kind: 'update'; storageId: string; body: UpdateStorageBody }
  | { kind: 'create'; body: CreateStorageBody };

/** The storage the step starts from: the one it created earlier, else the site's first (the default live storage). */
export function baseStorage(storages: readonly StorageBody[], createdId: string | null): StorageBody | undefined {
  return storages.find((s) => s.id === createdId) ?? storages[0];
}

export function initialStorageStep(base: StorageBody, createdId: string | null): StorageStepValues {
  const f = storageToForm(base);
  return { folder: base.id === createdId ? 'other' : 'keep', path: base.id === createdId ? base.path : '', retention: f.retention, retentionUnit: f.retentionUnit, maxGiB: f.maxGiB };
}

/** A name no storage has yet: "Recordings", "Recordings 2", … */
function freeName(storages: readonly StorageBody[]): string {
  const taken = new Set(storages.map((s) => s.name.toLowerCase()));
  for (let i = 1; ; i++) {
    const name = i === 1 ? 'Recordings' : `Recordings ${i}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

export function storagePlan(v: StorageStepValues, base: StorageBody, storages: readonly StorageBody[], createdId: string | null): StoragePlan {
  const path = v.path.trim();
  const target = v.folder === 'keep' ? storages[0] ?? base : storages.find((s) => s.id === createdId && s.path === path);
  if (target) {
    const initial = storageToForm(target);
    const body = storageUpdateBody(initial, { ...initial, retention: v.retention, retentionUnit: v.retentionUnit, maxGiB: v.maxGiB });
    return Object.keys(body).length === 0 ? { kind: 'unchanged', storageId: target.id } : { kind: 'update', storageId: target.id, body };
  }
  return {
    kind: 'create',
    body: { name: freeName(storages), path, retentionHours: retentionHours(v.retention, v.retentionUnit), maxBytes: gibToBytes(v.maxGiB) },
  };
}
