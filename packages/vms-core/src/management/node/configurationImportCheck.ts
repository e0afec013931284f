/**
 * Everything an import checks before it writes anything: references between the lists, the
 * rules each object obeys when edited through the API, the secrets it needs, and that no
 * storage holding recordings would be dropped or moved. Problems name the field in the
 * request ("document.cameras[3].storageId") and the import is refused whole.
 */
import { resolve } from 'node:path';
import { VmsError } from '../../base/common/errors';
import { normalizeCameraGroup } from '../common/camera';
import type { ConfigurationDocument, ConfigurationSecrets } from '../common/configurationDocument';
import { ADMINISTRATORS_ROLE_ID } from '../common/permissions';
import { timeProfileIssue } from '../common/timeProfileValidation';
import { checkClientConfiguration } from './configurationImportClient';
import { checkDevices } from './configurationImportDevices';
import type { EventServerImportContext } from './configurationEventServer';
import { checkEventServer } from './configurationEventServer';
import { MIN_STORAGE_BYTES, ensureWritableFolder, placeStorageFolder } from './storageValidation';

const bad = (field: string, message: string) => new VmsError('VMS_ERR_BAD_INPUT', `${field}: ${message}`, { field });

function unique<T>(items: readonly T[], key: (t: T) => string, list: string, what: string): void {
  const seen = new Map<string, number>();
  for (const [i, item] of items.entries()) {
    const k = key(item);
    const first = seen.get(k);
    if (first !== undefined) throw bad(`document.${list}[${i}]`, `${what} "${k}" is also used by ${list}[${first}]`);
    seen.set(k, i);
  }
}

const isStringMap = (v: unknown): v is Record<string, string> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string');

export function checkSecrets(v: unknown): ConfigurationSecrets {
  const s = v as Partial<ConfigurationSecrets> | null;
  if (!s || !isStringMap(s.hardwarePasswords) || !isStringMap(s.userPasswordHashes) || !isStringMap(s.storageKeys)
    // Absent in files from before the event server section.
    || (s.smtpPassword !== undefined && typeof s.smtpPassword !== 'string') || (s.analyticsTokenHashes !== undefined && !isStringMap(s.analyticsTokenHashes))) {
    throw bad('document.secrets', 'the sealed secrets are not in the expected form');
  }
  return s as ConfigurationSecrets;
}

export interface ImportContext extends EventServerImportContext {
  /** Storages of this site that hold recordings: id → folder. */
  storagesWithRecordings: Map<string, string>;
  /** Storage id → folder on this machine, replacing the file's. */
  storagePaths?: Record<string, string>;
}

/** Checks the document; returns it with storage folders as they will be used here. */
export function checkImport(input: ConfigurationDocument, secrets: ConfigurationSecrets, ctx: ImportContext): ConfigurationDocument {
  const doc: ConfigurationDocument = {
    ...input,
    storages: input.storages.map((s) => ({ ...s, path: resolve(ctx.storagePaths?.[s.id] ?? s.path) })),
  };
  for (const list of ['recordingServers', 'storages', 'hardware', 'cameras', 'timeProfiles', 'roles', 'users'] as const) {
    unique<{ id: string }>(doc[list], (o) => o.id, list, 'id');
  }
  unique(doc.storages, (s) => s.path, 'storages', 'path');
  unique(doc.timeProfiles, (p) => p.name.toLowerCase(), 'timeProfiles', 'name');
  unique(doc.roles, (r) => r.name.toLowerCase(), 'roles', 'name');
  unique(doc.users, (u) => u.username.toLowerCase(), 'users', 'username');
  if (doc.recordingServers.filter((r) => r.local).length > 1) throw bad('document.recordingServers', 'more than one server is marked local');
  for (const id of Object.keys(ctx.storagePaths ?? {})) {
    if (!doc.storages.some((s) => s.id === id)) throw bad(`storagePaths.${id}`, 'no storage of the document has this id');
  }

  const servers = new Set(doc.recordingServers.map((r) => r.id));
  const storages = new Map(doc.storages.map((s) => [s.id, s]));
  for (const [i, s] of doc.storages.entries()) {
    const f = `document.storages[${i}]`;
    if (s.recordingServerId !== null && !servers.has(s.recordingServerId)) throw bad(`${f}.recordingServerId`, `no recording server ${s.recordingServerId}`);
    if (s.maxBytes < MIN_STORAGE_BYTES) throw bad(`${f}.maxBytes`, `at least ${MIN_STORAGE_BYTES / 2 ** 20} MiB`);
    if (s.encrypted && !secrets.storageKeys[s.id]) throw bad(`${f}.encrypted`, 'the secrets hold no key for this encrypted storage');
    if (s.archive) {
      if (s.archive.storageId === s.id || !storages.has(s.archive.storageId)) throw bad(`${f}.archive.storageId`, `no other storage ${s.archive.storageId}`);
      const seen = new Set([s.id]);
      for (let next = storages.get(s.archive.storageId); next; next = next.archive && storages.get(next.archive.storageId)) {
        if (seen.has(next.id)) throw bad(`${f}.archive.storageId`, 'archive stages loop back');
        seen.add(next.id);
      }
    }
  }
  for (const [id, path] of ctx.storagesWithRecordings) {
    const kept = storages.get(id);
    if (!kept) throw bad('document.storages', `storage ${id} holds recordings here and is missing from the document`);
    if (kept.path !== resolve(path)) throw bad(`document.storages[${doc.storages.indexOf(kept)}].path`, `storage ${id} holds recordings at ${path}; a restore may not move it`);
  }

  const hardware = new Set(doc.hardware.map((h) => h.id));
  for (const [i, h] of doc.hardware.entries()) {
    if (h.recordingServerId !== null && !servers.has(h.recordingServerId)) throw bad(`document.hardware[${i}].recordingServerId`, `no recording server ${h.recordingServerId}`);
  }
  for (const [i, c] of doc.cameras.entries()) {
    const f = `document.cameras[${i}]`;
    if (!hardware.has(c.hardwareId)) throw bad(`${f}.hardwareId`, `no hardware ${c.hardwareId}`);
    if (!storages.has(c.storageId)) throw bad(`${f}.storageId`, `no storage ${c.storageId}`);
    const keys = new Set(c.streams.map((s) => s.key));
    if (keys.size !== c.streams.length) throw bad(`${f}.streams`, 'stream keys repeat');
    if (!keys.has(c.recordStream)) throw bad(`${f}.recordStream`, `no stream "${c.recordStream}"`);
    if (!keys.has(c.liveStream)) throw bad(`${f}.liveStream`, `no stream "${c.liveStream}"`);
    if (c.motion.streamKey !== undefined && !keys.has(c.motion.streamKey)) throw bad(`${f}.motion.streamKey`, `no stream "${c.motion.streamKey}"`);
    const group = normalizeCameraGroup(c.group);
    if ('problem' in group) throw bad(`${f}.group`, group.problem);
  }

  const cameras = new Set(doc.cameras.map((c) => c.id));
  const profiles = new Set(doc.timeProfiles.map((p) => p.id));
  for (const [i, p] of doc.timeProfiles.entries()) {
    const issue = timeProfileIssue(p);
    if (issue) throw bad(`document.timeProfiles[${i}].${issue.field}`, issue.message);
  }
  if (!doc.roles.some((r) => r.id === ADMINISTRATORS_ROLE_ID)) throw bad('document.roles', 'the Administrators role is missing');
  for (const [i, r] of doc.roles.entries()) {
    for (const [k, g] of r.grants.entries()) {
      const f = `document.roles[${i}].grants[${k}]`;
      if (g.cameraId !== null && !cameras.has(g.cameraId)) throw bad(`${f}.cameraId`, `no camera ${g.cameraId}`);
      if (g.timeProfileId !== undefined && !profiles.has(g.timeProfileId)) throw bad(`${f}.timeProfileId`, `no time profile ${g.timeProfileId}`);
      const issue = g.timeProfileId === undefined && g.timeProfile ? timeProfileIssue(g.timeProfile) : undefined;
      if (issue) throw bad(`${f}.timeProfile.${issue.field}`, issue.message);
    }
  }
  const roles = new Set(doc.roles.map((r) => r.id));
  for (const [i, u] of doc.users.entries()) {
    const f = `document.users[${i}]`;
    if (!/^[\w.@-]{1,64}$/.test(u.username)) throw bad(`${f}.username`, '1-64 letters, digits or . _ @ -');
    const missing = u.roleIds.find((r) => !roles.has(r));
    if (missing) throw bad(`${f}.roleIds`, `no role ${missing}`);
    if (!secrets.userPasswordHashes[u.id]?.startsWith('scrypt$')) throw bad(f, 'the secrets hold no password for this user');
  }
  if (!doc.users.some((u) => u.roleIds.includes(ADMINISTRATORS_ROLE_ID))) throw bad('document.users', 'no user is in Administrators: nobody could manage the site');
  checkClientConfiguration(doc);
  checkDevices(doc);
  checkEventServer(doc, secrets, ctx);

  // Storage folders: apart from each other, then (last, since it creates folders) writable here.
  const atPath = (i: number, check: () => void) => {
    try {
      check();
    } catch (e) {
      throw bad(`document.storages[${i}].path`, e instanceof Error ? e.message.replace(/^path: /, '') : String(e));
    }
  };
  doc.storages.forEach((s, i) => atPath(i, () => placeStorageFolder(s.path, doc.storages.filter((o) => o.id !== s.id))));
  doc.storages.forEach((s, i) => atPath(i, () => ensureWritableFolder(s.path)));
  return doc;
}
