/**
 * Restores a configuration backup into this site, in one transaction: either all of it is
 * in the database afterwards or none of it (better-sqlite3 rolls back on any throw).
 *
 * Objects keep their ids, so what the configuration does not hold stays attached: bookmarks,
 * evidence locks and views of a camera that is restored keep pointing at it, and recordings
 * are found by camera id. What the file lacks is removed. The file's local recording server
 * becomes this site's local server, whatever its id was.
 */
import { ADMINISTRATORS_ROLE_ID } from '../common/permissions';
import type { ConfigurationDocument, ConfigurationSecrets } from '../common/configurationDocument';
import type { BackupSources } from './configurationExport';
import type { ClientImportCounts } from './configurationImportClient';
import { applyClientConfiguration } from './configurationImportClient';
import { applyDevices } from './configurationImportDevices';
import type { EventServerImportCounts } from './configurationEventServer';
import { applyEventServer } from './configurationEventServer';

export interface ImportCounts {
  added: number;
  changed: number;
  removed: number;
}

type CoreList = 'storages' | 'hardware' | 'cameras' | 'timeProfiles' | 'roles' | 'users';

export interface ImportResult {
  counts: Record<CoreList, ImportCounts> & ClientImportCounts & { devices?: ImportCounts } & Partial<EventServerImportCounts>;
  removedCameraIds: string[];
}

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(',') || 'NULL';

export function applyImport(s: BackupSources, doc: ConfigurationDocument, secrets: ConfigurationSecrets, now: number): ImportResult {
  const db = s.config.db;
  const ids = (table: string) => new Set((db.prepare(`SELECT id FROM ${table}`).all() as { id: string }[]).map((r) => r.id));
  const hashes = new Map((db.prepare('SELECT id, password_hash AS h FROM user').all() as { id: string; h: string }[]).map((u) => [u.id, u.h]));
  const before = { storages: ids('storage'), hardware: ids('hardware'), cameras: ids('camera'), timeProfiles: ids('time_profile'), roles: ids('role'), users: ids('user') };
  const counts = {} as Record<CoreList, ImportCounts>;
  const count = (kind: CoreList, incoming: readonly { id: string }[]) => {
    const had = before[kind];
    const added = incoming.filter((o) => !had.has(o.id)).length;
    counts[kind] = { added, changed: incoming.length - added, removed: [...had].filter((id) => !incoming.some((o) => o.id === id)).length };
  };
  const local = s.config.site.listRecordingServers().find((r) => r.local);
  const fileLocal = doc.recordingServers.find((r) => r.local);
  const server = (id: string | null) => (id !== null && id === fileLocal?.id ? (local?.id ?? id) : id);
  const removeAbsent = (table: string, keep: readonly string[], extra = '') =>
    db.prepare(`DELETE FROM ${table} WHERE id NOT IN (${placeholders(keep.length)})${extra}`).run(...keep);
  const removedCameraIds = [...before.cameras].filter((id) => !doc.cameras.some((c) => c.id === id));
  let clientCounts: ClientImportCounts = {};
  let deviceCounts: ImportCounts | undefined;
  let eventServerCounts: EventServerImportCounts | undefined;

  db.transaction(() => {
    // References are checked at commit, so removing and rewriting may go in any order here;
    // the import check has made sure the end state holds together.
    db.pragma('defer_foreign_keys = ON');
    db.prepare('UPDATE site SET name = ?, description = ?, updated_at = ? WHERE id = 1').run(doc.site.name, doc.site.description, now);
    for (const r of doc.recordingServers) {
      if (r.local && local) {
        db.prepare('UPDATE recording_server SET name = ?, description = ?, address = ? WHERE id = ?').run(r.name, r.description, r.address, local.id);
        continue;
      }
      db.prepare(`INSERT INTO recording_server (id, name, description, address, is_local, created_at) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET name = excluded.name, description = excluded.description, address = excluded.address`)
        .run(r.id, r.name, r.description, r.address, r.local ? 1 : 0, now);
    }
    // Rights and memberships are rewritten whole; removing them first frees what they point at.
    db.prepare('DELETE FROM role_grant').run();
    db.prepare('DELETE FROM user_role').run();
    removeAbsent('role', doc.roles.map((r) => r.id), ' AND builtin = 0');
    removeAbsent('user', doc.users.map((u) => u.id));
    removeAbsent('camera', doc.cameras.map((c) => c.id));
    removeAbsent('hardware', doc.hardware.map((h) => h.id));
    removeAbsent('time_profile', doc.timeProfiles.map((p) => p.id));
    removeAbsent('storage', doc.storages.map((st) => st.id));
    db.prepare('UPDATE storage SET archive_storage_id = NULL').run();

    for (const st of doc.storages) {
      const key = secrets.storageKeys[st.id];
      db.prepare(`INSERT INTO storage (id, name, path, max_bytes, retention_hours, archive_every_minutes, grooming, encrypted, wrapped_key, min_free_bytes, recording_server_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET name = excluded.name, path = excluded.path, max_bytes = excluded.max_bytes, retention_hours = excluded.retention_hours,
          archive_every_minutes = excluded.archive_every_minutes, grooming = excluded.grooming, encrypted = excluded.encrypted,
          wrapped_key = excluded.wrapped_key, min_free_bytes = excluded.min_free_bytes, recording_server_id = excluded.recording_server_id`)
        .run(st.id, st.name, st.path, st.maxBytes, st.retentionHours, st.archiveEveryMinutes, st.archive?.grooming ? JSON.stringify(st.archive.grooming) : null,
          st.encrypted ? 1 : 0, key ? s.keys.wrapKey(Buffer.from(key, 'base64'), st.id) : null, st.minFreeBytes, server(st.recordingServerId));
    }
    for (const h of doc.hardware) {
      const password = secrets.hardwarePasswords[h.id];
      db.prepare(`INSERT INTO hardware (id, driver, address, name, username, password_wrapped, manufacturer, model, firmware, serial, created_at, recording_server_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET driver = excluded.driver, address = excluded.address, name = excluded.name, username = excluded.username,
          password_wrapped = excluded.password_wrapped, manufacturer = excluded.manufacturer, model = excluded.model, firmware = excluded.firmware,
          serial = excluded.serial, recording_server_id = excluded.recording_server_id`)
        .run(h.id, h.driver, h.address, h.name, h.username ?? null, password ? s.keys.wrapKey(Buffer.from(password), `hardware:${h.id}`) : null,
          h.manufacturer ?? null, h.model ?? null, h.firmware ?? null, h.serial ?? null, now, server(h.recordingServerId));
    }
    for (const c of doc.cameras) {
      db.prepare(`INSERT INTO camera (id, hardware_id, device_key, name, enabled, record_stream, live_stream, storage_id, policy, motion, transport, created_at, group_path, ptz)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET hardware_id = excluded.hardware_id, device_key = excluded.device_key, name = excluded.name, enabled = excluded.enabled,
          record_stream = excluded.record_stream, live_stream = excluded.live_stream, storage_id = excluded.storage_id, policy = excluded.policy,
          motion = excluded.motion, transport = excluded.transport, group_path = excluded.group_path, ptz = excluded.ptz`)
        .run(c.id, c.hardwareId, c.deviceKey, c.name, c.enabled ? 1 : 0, c.recordStream, c.liveStream, c.storageId, JSON.stringify(c.policy),
          JSON.stringify(c.motion), c.transport, now, c.group, c.ptz ? JSON.stringify(c.ptz) : null);
      db.prepare('DELETE FROM stream WHERE camera_id = ?').run(c.id);
      const ins = db.prepare('INSERT INTO stream (camera_id, key, name, url, codec, width, height, fps) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
      for (const st of c.streams) ins.run(c.id, st.key, st.name, st.url, st.codec ?? null, st.width ?? null, st.height ?? null, st.fps ?? null);
    }
    for (const st of doc.storages) {
      if (st.archive) db.prepare('UPDATE storage SET archive_storage_id = ? WHERE id = ?').run(st.archive.storageId, st.id);
    }
    removeAbsent('recording_server', [...doc.recordingServers.map((r) => server(r.id)!), ...(local ? [local.id] : [])]);

    for (const p of doc.timeProfiles) {
      const { id, name, description, ...rules } = p;
      db.prepare(`INSERT INTO time_profile (id, name, description, rules, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET name = excluded.name, description = excluded.description, rules = excluded.rules, updated_at = excluded.updated_at`)
        .run(id, name, description, JSON.stringify(rules), now, now);
    }
    const grant = db.prepare('INSERT INTO role_grant (role_id, camera_id, rights, time_profile, time_profile_id) VALUES (?, ?, ?, ?, ?)');
    for (const r of doc.roles) {
      // Administrators is built in: only its members come from the file.
      if (r.id !== ADMINISTRATORS_ROLE_ID) {
        db.prepare(`INSERT INTO role (id, name, builtin, manage_configuration, manage_users, created_at) VALUES (?, ?, 0, ?, ?, ?)
          ON CONFLICT (id) DO UPDATE SET name = excluded.name, manage_configuration = excluded.manage_configuration, manage_users = excluded.manage_users`)
          .run(r.id, r.name, r.manageConfiguration ? 1 : 0, r.manageUsers ? 1 : 0, now);
      }
      for (const g of r.grants) {
        const inline = g.timeProfileId === undefined && g.timeProfile ? JSON.stringify(g.timeProfile) : null;
        grant.run(r.id, g.cameraId, JSON.stringify([...new Set(g.rights)]), inline, g.timeProfileId ?? null);
      }
    }
    const member = db.prepare('INSERT INTO user_role (user_id, role_id) VALUES (?, ?)');
    for (const u of doc.users) {
      const hash = secrets.userPasswordHashes[u.id]!;
      db.prepare(`INSERT INTO user (id, username, password_hash, created_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET username = excluded.username, password_hash = excluded.password_hash`)
        .run(u.id, u.username, hash, Date.parse(u.createdAt));
      for (const r of new Set(u.roleIds)) member.run(u.id, r);
      // A restored password ends the sessions signed in with the one it replaces.
      const old = hashes.get(u.id);
      if (old !== undefined && old !== hash) {
        db.prepare("UPDATE token SET revoked_at = ?, revoked_reason = 'password' WHERE user_id = ? AND revoked_at IS NULL").run(now, u.id);
      }
    }
    // Shared view groups and client profiles refer to roles: after the roles are in place.
    clientCounts = applyClientConfiguration(db, doc, now);
    // Devices belong to hardware: after it is in place.
    deviceCounts = applyDevices(db, doc, now);
    // Rules and alarm definitions name cameras, devices, time profiles and roles by id: written last.
    eventServerCounts = applyEventServer(db, s.keys, doc, secrets, (id) => server(id)!, now);
  })();

  count('storages', doc.storages);
  count('hardware', doc.hardware);
  count('cameras', doc.cameras);
  count('timeProfiles', doc.timeProfiles);
  count('roles', doc.roles);
  count('users', doc.users);
  return { counts: { ...counts, ...clientCounts, ...(deviceCounts ? { devices: deviceCounts } : {}), ...eventServerCounts }, removedCameraIds };
}
