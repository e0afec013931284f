import { randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../../base/node/sqlite';
import { openDatabase } from '../../base/node/sqlite';
import { VmsError } from '../../base/common/errors';
import type { CameraInfo, HardwareInfo } from '../../devices/common/types';
import type { EvidenceLock, Grooming, StorageConfig } from '../../media-db/common/storageConfig';
import type { SiteKeys } from '../../security/node/siteKeys';
import { defaultRecordingPolicy } from '../../recording/common/recordingPolicy';
import type { Camera, Hardware, MotionSettings, PtzCapability } from '../common/camera';
import type { Device } from '../common/device';
import { defaultMotionSettings, noPtz, normalizeCameraGroup } from '../common/camera';
import type { EvidenceLockRecord } from '../common/evidence';
import { lockExtensionProblem } from '../common/evidence';
import { BookmarkStore } from './bookmarkStore';
import { DeviceStore } from './deviceStore';
import { ViewStore } from './viewStore';
import { ViewGroupStore } from './viewGroupStore';
import { ClientProfileStore } from './clientProfileStore';
import { HardwareStore } from './hardwareStore';
import { SiteStore } from './siteStore';
import { TimeProfileStore } from './timeProfileStore';
import { configMigrations } from './migrations/001_initial';

interface StorageRow {
  id: string; name: string; path: string; max_bytes: number; retention_hours: number; archive_every_minutes: number;
  archive_storage_id: string | null; grooming: string | null; encrypted: number; wrapped_key: string | null; min_free_bytes: number;
}

interface LockRow {
  id: string; camera_ids: string; from_90k: number; to_90k: number; until: number | null; reason: string;
  created_by: string; created_at: number; updated_by: string | null; updated_at: number | null;
}

interface StreamRow {
  key: string; name: string; url: string; codec: 'h264' | 'h265' | null; width: number | null; height: number | null; fps: number | null;
}

interface CameraRow {
  id: string; hardware_id: string; device_key: string; name: string; enabled: number; record_stream: string;
  live_stream: string; storage_id: string; policy: string; motion: string; transport: 'tcp' | 'udp'; group_path: string;
  ptz: string | null;
}

/**
 * The management server's configuration database: storages, hardware, cameras and their
 * streams, evidence locks, bookmarks (bookmarkStore.ts), Smart Client views (viewStore.ts).
 * Users and tokens live beside it in identity.ts (same file).
 */
export class ConfigStore {
  readonly db: Db;
  readonly bookmarks: BookmarkStore;
  readonly views: ViewStore;
  /** The folders views live in, and the Smart Client profiles assigned to roles (migration 013). */
  readonly viewGroups: ViewGroupStore;
  readonly clientProfiles: ClientProfileStore;
  /** Site name and recording servers; time profiles; changing and removing hardware (issue 5). */
  readonly site: SiteStore;
  readonly timeProfiles: TimeProfileStore;
  readonly hardwareStore: HardwareStore;
  /** The hardware's microphones, speakers, metadata, inputs and outputs (docs/design/devices.md). */
  readonly devices: DeviceStore;

  constructor(path: string, private readonly keys: SiteKeys) {
    this.db = openDatabase(path, configMigrations);
    // 16 MiB of page cache (SQLite's default is 2 MiB): the rule log's (rule_id, at) index takes
    // rows for every rule at once, and at thousands of firings a second its hot pages did not
    // fit, so commits spilled and re-read them (docs/benchmarks.md, "Event throughput").
    this.db.pragma('cache_size = -16384');
    this.bookmarks = new BookmarkStore(this.db);
    this.views = new ViewStore(this.db);
    this.viewGroups = new ViewGroupStore(this.db);
    this.clientProfiles = new ClientProfileStore(this.db);
    this.site = new SiteStore(this.db);
    this.timeProfiles = new TimeProfileStore(this.db);
    this.devices = new DeviceStore(this.db);
    this.hardwareStore = new HardwareStore(this.db, keys, this, this.devices);
  }

  close(): void {
    this.db.close();
  }

  // Storages

  listStorages(): StorageConfig[] {
    return (this.db.prepare('SELECT * FROM storage ORDER BY rowid').all() as StorageRow[]).map(toStorage);
  }

  getStorage(id: string): StorageConfig {
    const row = this.db.prepare('SELECT * FROM storage WHERE id = ?').get(id) as StorageRow | undefined;
    if (!row) throw new VmsError('VMS_ERR_NOT_FOUND', `storage ${id} does not exist`);
    return toStorage(row);
  }

  addStorage(s: Omit<StorageConfig, 'id' | 'wrappedKey'> & { id?: string }): StorageConfig {
    const id = s.id ?? randomUUID();
    const wrapped = s.encrypted ? this.keys.wrapKey(randomBytes(32), id) : null;
    this.db
      .prepare(
        `INSERT INTO storage (id, name, path, max_bytes, retention_hours, archive_every_minutes, archive_storage_id,
           grooming, encrypted, wrapped_key, min_free_bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, s.name, s.path, s.maxBytes, s.retentionHours, s.archiveEveryMinutes, s.archive?.storageId ?? null,
        s.archive?.grooming ? JSON.stringify(s.archive.grooming) : null, s.encrypted ? 1 : 0, wrapped, s.minFreeBytes);
    return this.getStorage(id);
  }

  updateStorage(id: string, patch: Partial<Omit<StorageConfig, 'id' | 'path' | 'wrappedKey'>>): StorageConfig {
    const cur = this.getStorage(id);
    const next = { ...cur, ...patch };
    if (next.archive && !this.listStorages().some((s) => s.id === next.archive!.storageId && s.id !== id)) {
      throw new VmsError('VMS_ERR_BAD_INPUT', `archive storage ${next.archive.storageId} does not exist`);
    }
    if (next.archive && this.archiveLoops(id, next.archive.storageId)) {
      throw new VmsError('VMS_ERR_BAD_INPUT', 'archive stages may not loop back to this storage');
    }
    // Turning encryption on creates a key for new recordings; old ones keep their own state.
    const wrapped = next.encrypted && !cur.wrappedKey ? this.keys.wrapKey(randomBytes(32), id) : (cur.wrappedKey ?? null);
    this.db
      .prepare(
        `UPDATE storage SET name = ?, max_bytes = ?, retention_hours = ?, archive_every_minutes = ?, archive_storage_id = ?,
           grooming = ?, encrypted = ?, wrapped_key = ?, min_free_bytes = ? WHERE id = ?`,
      )
      .run(next.name, next.maxBytes, next.retentionHours, next.archiveEveryMinutes, next.archive?.storageId ?? null,
        next.archive?.grooming ? JSON.stringify(next.archive.grooming) : null, next.encrypted ? 1 : 0, wrapped,
        next.minFreeBytes, id);
    return this.getStorage(id);
  }

  private archiveLoops(from: string, to: string): boolean {
    const seen = new Set([from]);
    let cur: string | undefined = to;
    while (cur) {
      if (seen.has(cur)) return true;
      seen.add(cur);
      cur = this.listStorages().find((s) => s.id === cur)?.archive?.storageId;
    }
    return false;
  }

  // Hardware and cameras

  addHardware(info: HardwareInfo, creds: { username?: string; password?: string }, name: string | undefined, storageId: string): { hardware: Hardware; cameras: Camera[]; devices: Device[] } {
    const hardwareId = randomUUID();
    const now = Date.now();
    const cameraIds: string[] = [];
    let devices: Device[] = [];
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO hardware (id, driver, address, name, username, password_wrapped, manufacturer, model, firmware, serial, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(hardwareId, info.driver, info.address, name ?? info.model ?? info.address, creds.username ?? null,
          creds.password ? this.keys.wrapKey(Buffer.from(creds.password), `hardware:${hardwareId}`) : null,
          info.manufacturer ?? null, info.model ?? null, info.firmware ?? null, info.serial ?? null, now);
      for (const c of info.cameras) {
        cameraIds.push(this.addCamera(hardwareId, c, info.cameras.length > 1 ? `${name ?? c.name} ${c.name}` : (name ?? c.name), storageId, now));
      }
      devices = this.devices.addDevices(hardwareId, this.getHardware(hardwareId).name, info.devices ?? [], now);
    })();
    return { hardware: this.getHardware(hardwareId), cameras: cameraIds.map((id) => this.getCamera(id)), devices };
  }

  /**
   * Inserts one camera of a hardware with its streams, recording and live view on the largest
   * stream (in the caller's transaction; also used when updating hardware finds a new camera).
   */
  addCamera(hardwareId: string, c: CameraInfo, name: string, storageId: string, now: number): string {
    const id = randomUUID();
    const streams = [...c.streams].sort((a, b) => (b.width ?? 0) * (b.height ?? 0) - (a.width ?? 0) * (a.height ?? 0));
    const main = streams[0]?.key ?? c.streams[0]!.key;
    this.db
      .prepare(
        `INSERT INTO camera (id, hardware_id, device_key, name, record_stream, live_stream, storage_id, policy, motion, created_at, ptz)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, hardwareId, c.key, name, main, main,
        storageId, JSON.stringify(defaultRecordingPolicy), JSON.stringify(defaultMotionSettings), now, c.ptz ? JSON.stringify(c.ptz) : null);
    const ins = this.db.prepare(
      'INSERT INTO stream (camera_id, key, name, url, codec, width, height, fps) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (const s of c.streams) ins.run(id, s.key, s.name, s.url, s.codec ?? null, s.width ?? null, s.height ?? null, s.fps ?? null);
    return id;
  }

  getHardware(id: string): Hardware {
    const r = this.db.prepare('SELECT * FROM hardware WHERE id = ?').get(id) as Record<string, string | null> | undefined;
    if (!r) throw new VmsError('VMS_ERR_NOT_FOUND', `hardware ${id} does not exist`);
    return {
      id: r.id!, driver: r.driver as Hardware['driver'], address: r.address!, name: r.name!,
      ...(r.username ? { username: r.username } : {}), ...(r.manufacturer ? { manufacturer: r.manufacturer } : {}),
      ...(r.model ? { model: r.model } : {}), ...(r.firmware ? { firmware: r.firmware } : {}), ...(r.serial ? { serial: r.serial } : {}),
    };
  }

  hardwareCredentials(id: string): { username?: string; password?: string } {
    const r = this.db.prepare('SELECT username, password_wrapped AS p FROM hardware WHERE id = ?').get(id) as { username: string | null; p: string | null } | undefined;
    if (!r) return {};
    return {
      ...(r.username ? { username: r.username } : {}),
      ...(r.p ? { password: this.keys.unwrapKey(r.p, `hardware:${id}`).toString() } : {}),
    };
  }

  listCameras(): Camera[] {
    // Two queries for the whole list, not one per camera for its streams: a site of a thousand
    // cameras is listed on every camera-tree load and rule check.
    const streams = new Map<string, StreamRow[]>();
    for (const s of this.db.prepare('SELECT * FROM stream ORDER BY camera_id, rowid').all() as (StreamRow & { camera_id: string })[]) {
      const list = streams.get(s.camera_id);
      if (list) list.push(s);
      else streams.set(s.camera_id, [s]);
    }
    return (this.db.prepare('SELECT * FROM camera ORDER BY created_at, rowid').all() as CameraRow[]).map((r) => this.toCamera(r, streams.get(r.id) ?? []));
  }

  getCamera(id: string): Camera {
    const row = this.db.prepare('SELECT * FROM camera WHERE id = ?').get(id) as CameraRow | undefined;
    if (!row) throw new VmsError('VMS_ERR_NOT_FOUND', `camera ${id} does not exist`);
    return this.toCamera(row);
  }

  updateCamera(id: string, patch: Partial<Pick<Camera, 'name' | 'enabled' | 'recordStream' | 'liveStream' | 'storageId' | 'transport' | 'group'>> & {
    policy?: Partial<Omit<Camera['policy'], 'maxFps'>> & { maxFps?: number | null };
    motion?: Partial<Omit<MotionSettings, 'streamKey'>> & { streamKey?: string | null };
  }): Camera {
    const cur = this.getCamera(id);
    // null clears an optional setting: no frame-rate limit, motion analysed on its default stream.
    const { maxFps, ...policy } = patch.policy ?? {};
    const { streamKey, ...motion } = patch.motion ?? {};
    const next: Camera = { ...cur, ...patch, policy: { ...cur.policy, ...policy }, motion: { ...cur.motion, ...motion } };
    if (maxFps === null) delete next.policy.maxFps;
    else if (maxFps !== undefined) next.policy.maxFps = maxFps;
    if (streamKey === null) delete next.motion.streamKey;
    else if (streamKey !== undefined) next.motion.streamKey = streamKey;
    const keys = new Set(cur.streams.map((s) => s.key));
    const streamFields = [['recordStream', next.recordStream], ['liveStream', next.liveStream], ['motion.streamKey', next.motion.streamKey]] as const;
    for (const [field, k] of streamFields) {
      if (k !== undefined && !keys.has(k)) throw new VmsError('VMS_ERR_BAD_INPUT', `camera ${id} has no stream "${k}"`, { field });
    }
    if (!this.listStorages().some((st) => st.id === next.storageId)) {
      throw new VmsError('VMS_ERR_BAD_INPUT', `storage ${next.storageId} does not exist`, { field: 'storageId' });
    }
    const group = normalizeCameraGroup(next.group ?? '');
    if ('problem' in group) throw new VmsError('VMS_ERR_BAD_INPUT', group.problem, { field: 'group' });
    this.db
      .prepare(
        `UPDATE camera SET name = ?, enabled = ?, record_stream = ?, live_stream = ?, storage_id = ?, policy = ?, motion = ?, transport = ?,
           group_path = ? WHERE id = ?`,
      )
      .run(next.name, next.enabled ? 1 : 0, next.recordStream, next.liveStream, next.storageId, JSON.stringify(next.policy),
        JSON.stringify(next.motion), next.transport, group.group, id);
    return this.getCamera(id);
  }

  private toCamera(r: CameraRow, streams = this.db.prepare('SELECT * FROM stream WHERE camera_id = ? ORDER BY rowid').all(r.id) as StreamRow[]): Camera {
    return {
      id: r.id, hardwareId: r.hardware_id, deviceKey: r.device_key, name: r.name, enabled: r.enabled === 1,
      streams: streams.map((s) => ({
        key: s.key, name: s.name, url: s.url, ...(s.codec ? { codec: s.codec } : {}), ...(s.width ? { width: s.width } : {}),
        ...(s.height ? { height: s.height } : {}), ...(s.fps ? { fps: s.fps } : {}),
      })),
      recordStream: r.record_stream, liveStream: r.live_stream, storageId: r.storage_id,
      policy: { ...defaultRecordingPolicy, ...(JSON.parse(r.policy) as object) },
      motion: { ...defaultMotionSettings, ...(JSON.parse(r.motion) as object) }, transport: r.transport, group: r.group_path,
      ptz: r.ptz ? { supported: true, ...(JSON.parse(r.ptz) as Omit<PtzCapability, 'supported'>) } : { ...noPtz },
    };
  }

  // Evidence locks

  createEvidenceLock(l: Omit<EvidenceLock, 'id' | 'createdAt'>, now: number): EvidenceLockRecord {
    for (const c of l.cameraIds) this.getCamera(c);
    if (!(l.to90k > l.from90k)) throw new VmsError('VMS_ERR_BAD_INPUT', 'evidence lock must end after it starts');
    const lock: EvidenceLockRecord = { ...l, id: randomUUID(), createdAt: now, updatedBy: null, updatedAt: null };
    this.db
      .prepare('INSERT INTO evidence_lock (id, camera_ids, from_90k, to_90k, until, reason, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(lock.id, JSON.stringify(lock.cameraIds), lock.from90k, lock.to90k, lock.until, lock.reason, lock.createdBy, now);
    return lock;
  }

  /** All locks, active and expired, oldest first; `cameraId` keeps those naming that camera. */
  listEvidenceLocks(filter: { cameraId?: string } = {}): EvidenceLockRecord[] {
    const rows = filter.cameraId === undefined
      ? this.db.prepare('SELECT * FROM evidence_lock ORDER BY created_at, rowid').all()
      : this.db.prepare('SELECT * FROM evidence_lock WHERE EXISTS (SELECT 1 FROM json_each(camera_ids) WHERE value = ?) ORDER BY created_at, rowid')
        .all(filter.cameraId);
    return (rows as LockRow[]).map(toLock);
  }

  getEvidenceLock(id: string): EvidenceLockRecord {
    const row = this.db.prepare('SELECT * FROM evidence_lock WHERE id = ?').get(id) as LockRow | undefined;
    if (!row) throw new VmsError('VMS_ERR_NOT_FOUND', `evidence lock ${id} does not exist`);
    return toLock(row);
  }

  /** Moves a lock's end later (or to never); see lockExtensionProblem for what is refused. */
  extendEvidenceLock(id: string, until: number | null, by: string, now: number): EvidenceLockRecord {
    const problem = lockExtensionProblem(this.getEvidenceLock(id), until, now);
    if (problem) throw new VmsError('VMS_ERR_BAD_INPUT', problem);
    this.db.prepare('UPDATE evidence_lock SET until = ?, updated_by = ?, updated_at = ? WHERE id = ?').run(until, by, now, id);
    return this.getEvidenceLock(id);
  }

  /** Removes a lock: retention may delete what it protected at its next pass. */
  deleteEvidenceLock(id: string): EvidenceLockRecord {
    const cur = this.getEvidenceLock(id);
    this.db.prepare('DELETE FROM evidence_lock WHERE id = ?').run(id);
    return cur;
  }
}

function toLock(r: LockRow): EvidenceLockRecord {
  return {
    id: r.id, cameraIds: JSON.parse(r.camera_ids) as string[], from90k: r.from_90k, to90k: r.to_90k, until: r.until,
    reason: r.reason, createdBy: r.created_by, createdAt: r.created_at, updatedBy: r.updated_by, updatedAt: r.updated_at,
  };
}

function toStorage(r: StorageRow): StorageConfig {
  return {
    id: r.id, name: r.name, path: r.path, maxBytes: r.max_bytes, retentionHours: r.retention_hours,
    archiveEveryMinutes: r.archive_every_minutes,
    ...(r.archive_storage_id
      ? { archive: { storageId: r.archive_storage_id, ...(r.grooming ? { grooming: JSON.parse(r.grooming) as Grooming } : {}) } }
      : {}),
    encrypted: r.encrypted === 1, ...(r.wrapped_key ? { wrappedKey: r.wrapped_key } : {}), minFreeBytes: r.min_free_bytes,
  };
}
