import { randomUUID } from 'node:crypto';
import type { Db } from '../../base/node/sqlite';
import { VmsError } from '../../base/common/errors';
import type { DeviceInfo, DeviceKind } from '../../devices/common/types';
import type { Device, DeviceSettings, DeviceUpdate } from '../common/device';
import { applyDeviceUpdate, deviceName } from '../common/device';
import { diffDevices, followedName } from '../common/deviceChanges';

interface DeviceRow {
  id: string; hardware_id: string; kind: DeviceKind; device_key: string; name: string; enabled: number;
  device_group: string; settings: string; reported_name: string; created_at: number;
}

export interface DeviceFilter {
  hardwareId?: string;
  kind?: DeviceKind;
}

/**
 * The hardware's microphones, speakers, metadata, inputs and outputs (docs/design/devices.md).
 * Added with their hardware (ConfigStore.addHardware), kept in step with it by
 * `applyProbe` (updateHardware), removed with it (ON DELETE CASCADE).
 */
export class DeviceStore {
  constructor(private readonly db: Db) {}

  /** In the order they were added, per hardware; `filter` narrows by hardware and kind. */
  listDevices(filter: DeviceFilter = {}): Device[] {
    const conditions = [['hardware_id', filter.hardwareId], ['kind', filter.kind]].filter((c): c is [string, string] => c[1] !== undefined);
    const where = conditions.length ? `WHERE ${conditions.map(([column]) => `${column} = ?`).join(' AND ')}` : '';
    return (this.db.prepare(`SELECT * FROM device ${where} ORDER BY created_at, rowid`).all(...conditions.map((c) => c[1])) as DeviceRow[]).map(toDevice);
  }

  getDevice(id: string): Device {
    const row = this.db.prepare('SELECT * FROM device WHERE id = ?').get(id) as DeviceRow | undefined;
    if (!row) throw new VmsError('VMS_ERR_NOT_FOUND', `device ${id} does not exist`);
    return toDevice(row);
  }

  /** The device a hardware unit knows by this key (an ONVIF token), or undefined. */
  findDevice(hardwareId: string, kind: DeviceKind, deviceKey: string): Device | undefined {
    const row = this.db.prepare('SELECT * FROM device WHERE hardware_id = ? AND kind = ? AND device_key = ?').get(hardwareId, kind, deviceKey) as DeviceRow | undefined;
    return row && toDevice(row);
  }

  updateDevice(id: string, patch: DeviceUpdate): Device {
    const result = applyDeviceUpdate(this.getDevice(id), patch);
    if ('problem' in result) throw new VmsError('VMS_ERR_BAD_INPUT', `${result.problem.field}: ${result.problem.message}`, { field: result.problem.field });
    const d = result.device;
    this.db.prepare('UPDATE device SET name = ?, enabled = ?, device_group = ?, settings = ? WHERE id = ?')
      .run(d.name, d.enabled ? 1 : 0, d.group, JSON.stringify(d.settings), id);
    return this.getDevice(id);
  }

  /** Inserts a hardware unit's devices, enabled, named after it (in the caller's transaction). */
  addDevices(hardwareId: string, hardwareName: string, devices: readonly DeviceInfo[], now: number): Device[] {
    const ins = this.db.prepare(
      'INSERT INTO device (id, hardware_id, kind, device_key, name, reported_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const ids = devices.map((d) => {
      const id = randomUUID();
      ins.run(id, hardwareId, d.kind, d.key, deviceName(hardwareName, d), d.name, now);
      return id;
    });
    return ids.map((id) => this.getDevice(id));
  }

  /**
   * Applies a fresh probe (in the caller's transaction; diffDevices says what it finds): new
   * devices are added, missing ones disabled and kept, and renamed ones get the device's new
   * name while an administrator has not given them their own. Kinds the hardware failed to
   * list (`notRead`) are left as they are.
   */
  applyProbe(hardwareId: string, hardwareName: string, reported: readonly DeviceInfo[], now: number, notRead: readonly DeviceKind[] = []): void {
    const configured = this.listDevices({ hardwareId });
    const changes = diffDevices(configured, reported, notRead);
    const byId = new Map(configured.map((d) => [d.id, d]));
    for (const m of changes.missing) this.db.prepare('UPDATE device SET enabled = 0 WHERE id = ?').run(m.deviceId);
    for (const r of changes.renamed) {
      const name = followedName(byId.get(r.deviceId)!, hardwareName, r.to);
      this.db.prepare('UPDATE device SET name = ?, reported_name = ? WHERE id = ?').run(name, r.to, r.deviceId);
    }
    const added = new Set(changes.added.map((a) => `${a.kind}\u0000${a.deviceKey}`));
    this.addDevices(hardwareId, hardwareName, reported.filter((d) => added.has(`${d.kind}\u0000${d.key}`)), now);
  }
}

function toDevice(r: DeviceRow): Device {
  return {
    id: r.id, hardwareId: r.hardware_id, kind: r.kind, deviceKey: r.device_key, name: r.name, enabled: r.enabled === 1,
    group: r.device_group, settings: JSON.parse(r.settings) as DeviceSettings, reportedName: r.reported_name, createdAt: r.created_at,
  };
}
