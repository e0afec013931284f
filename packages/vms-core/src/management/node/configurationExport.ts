import type { CameraGrant, RoleDefinition } from '../common/permissions';
import type {
  ConfigurationContent, ConfigurationDocument, ConfigurationSecrets, DocumentCamera, DocumentHardware, DocumentStorage,
} from '../common/configurationDocument';
import { CONFIGURATION_FORMAT, CONFIGURATION_VERSION, canonicalJson } from '../common/configurationDocument';
import type { StoredTimeProfile } from '../common/timeProfile';
import type { SiteKeys } from '../../security/node/siteKeys';
import { sealSecrets } from './backupCrypto';
import type { ConfigStore } from './configStore';
import type { EventServerSources } from './configurationEventServer';
import { eventServerContent, eventServerSecrets } from './configurationEventServer';
import type { Identity } from './identity';
import type { RoleStore } from './roleStore';

/** What a backup is read from (and, for import, written to). */
export interface BackupSources {
  config: ConfigStore;
  roles: RoleStore;
  identity: Identity;
  keys: SiteKeys;
  /** Rules, alarm definitions, notifications, analytics sources, user-defined and generic events. */
  events: EventServerSources;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** A grant as the file keeps it: a stored profile by id only, an inline one whole. */
function documentGrant(g: CameraGrant): CameraGrant {
  if (g.timeProfileId !== undefined) return { cameraId: g.cameraId, rights: g.rights, timeProfileId: g.timeProfileId };
  return { cameraId: g.cameraId, rights: g.rights, ...(g.timeProfile ? { timeProfile: g.timeProfile } : {}) };
}

function documentRole(r: RoleDefinition): RoleDefinition {
  return { id: r.id, name: r.name, builtin: r.builtin, manageConfiguration: r.manageConfiguration, manageUsers: r.manageUsers, grants: r.grants.map(documentGrant) };
}

function documentProfile(p: StoredTimeProfile): StoredTimeProfile {
  return {
    id: p.id, name: p.name, description: p.description,
    ...(p.timeZone !== undefined ? { timeZone: p.timeZone } : {}), ...(p.windows ? { windows: p.windows } : {}),
    ...(p.exceptions ? { exceptions: p.exceptions } : {}), ...(p.maxAgeDays !== undefined ? { maxAgeDays: p.maxAgeDays } : {}),
  };
}

/**
 * The configuration without secrets. Every object is built field by field, so the file holds
 * exactly what its schema describes (the secrets are bound to these bytes).
 */
export function configurationContent(s: BackupSources): ConfigurationContent {
  const db = s.config.db;
  const serverOf = (table: 'storage' | 'hardware') => new Map(
    (db.prepare(`SELECT id, recording_server_id AS server FROM ${table}`).all() as { id: string; server: string | null }[]).map((r) => [r.id, r.server]),
  );
  const storageServers = serverOf('storage');
  const hardwareServers = serverOf('hardware');
  const ptz = new Map((db.prepare('SELECT id, ptz FROM camera').all() as { id: string; ptz: string | null }[]).map((r) => [r.id, r.ptz]));
  const storages = s.config.listStorages().map((st): DocumentStorage => ({
    id: st.id, name: st.name, path: st.path, maxBytes: st.maxBytes, retentionHours: st.retentionHours, archiveEveryMinutes: st.archiveEveryMinutes,
    ...(st.archive ? { archive: { storageId: st.archive.storageId, ...(st.archive.grooming ? { grooming: st.archive.grooming } : {}) } } : {}),
    encrypted: st.encrypted, minFreeBytes: st.minFreeBytes, recordingServerId: storageServers.get(st.id) ?? null,
  }));
  const hardware = s.config.hardwareStore.list().map((h): DocumentHardware => ({
    id: h.id, driver: h.driver, address: h.address, name: h.name,
    ...(h.username ? { username: h.username } : {}), ...(h.manufacturer ? { manufacturer: h.manufacturer } : {}),
    ...(h.model ? { model: h.model } : {}), ...(h.firmware ? { firmware: h.firmware } : {}), ...(h.serial ? { serial: h.serial } : {}),
    recordingServerId: hardwareServers.get(h.id) ?? null,
  }));
  const cameras = s.config.listCameras().map((c): DocumentCamera => {
    const raw = ptz.get(c.id);
    return {
      id: c.id, hardwareId: c.hardwareId, deviceKey: c.deviceKey, name: c.name, enabled: c.enabled, streams: c.streams,
      recordStream: c.recordStream, liveStream: c.liveStream, storageId: c.storageId, policy: c.policy, motion: c.motion,
      transport: c.transport, group: c.group ?? '', ptz: raw ? (JSON.parse(raw) as Record<string, unknown>) : null,
    };
  });
  return {
    site: s.config.site.getSite(),
    recordingServers: s.config.site.listRecordingServers().map((r) => ({ id: r.id, name: r.name, description: r.description, address: r.address, local: r.local })),
    storages, hardware, cameras,
    timeProfiles: s.config.timeProfiles.list().map(documentProfile),
    roles: s.roles.list().map(documentRole),
    users: s.identity.listUsers().map((u) => ({ id: u.id, username: u.username, roleIds: u.roleIds, createdAt: iso(u.createdAt) })),
    viewGroups: s.config.viewGroups.list().filter((g) => g.shared)
      .map((g) => ({ id: g.id, name: g.name, allRoles: g.allRoles, roleIds: g.roleIds, position: g.position })),
    clientProfiles: s.config.clientProfiles.list()
      .map((p) => ({ id: p.id, name: p.name, description: p.description, position: p.position, roleIds: p.roleIds, settings: p.settings })),
    devices: s.config.devices.listDevices().map((d) => ({
      id: d.id, hardwareId: d.hardwareId, kind: d.kind, deviceKey: d.deviceKey, name: d.name, enabled: d.enabled, group: d.group,
      settings: d.settings, reportedName: d.reportedName,
    })),
    eventServer: eventServerContent(s.events),
  };
}

export function configurationSecrets(s: BackupSources): ConfigurationSecrets {
  const hardwarePasswords: Record<string, string> = {};
  for (const h of s.config.hardwareStore.list()) {
    const password = s.config.hardwareCredentials(h.id).password;
    if (password) hardwarePasswords[h.id] = password;
  }
  const userPasswordHashes = Object.fromEntries(
    (s.config.db.prepare('SELECT id, password_hash AS hash FROM user').all() as { id: string; hash: string }[]).map((u) => [u.id, u.hash]),
  );
  const storageKeys: Record<string, string> = {};
  for (const st of s.config.listStorages()) {
    if (st.wrappedKey) storageKeys[st.id] = s.keys.unwrapKey(st.wrappedKey, st.id).toString('base64');
  }
  return { hardwarePasswords, userPasswordHashes, storageKeys, ...eventServerSecrets(s.events, s.config.db) };
}

/** The associated data the secrets are sealed to: everything in the file but the secrets. */
export function associatedData(d: Omit<ConfigurationDocument, 'secrets'>): string {
  const {
    format, version, exportedAt, site, recordingServers, storages, hardware, cameras, timeProfiles, roles, users, viewGroups, clientProfiles, devices, eventServer,
  } = d;
  // Lists a file lacks are undefined and leave no trace: files from before them still verify.
  return canonicalJson({
    format, version, exportedAt, site, recordingServers, storages, hardware, cameras, timeProfiles, roles, users, viewGroups, clientProfiles, devices, eventServer,
  });
}

export async function exportConfiguration(s: BackupSources, password: string, now: number): Promise<ConfigurationDocument> {
  const plain = { format: CONFIGURATION_FORMAT, version: CONFIGURATION_VERSION, exportedAt: iso(now), ...configurationContent(s) } as const;
  return { ...plain, secrets: await sealSecrets(configurationSecrets(s), password, associatedData(plain)) };
}
