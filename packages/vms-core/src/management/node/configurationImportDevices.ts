/**
 * The devices part of a configuration restore: the hardware's microphones, speakers, metadata,
 * inputs and outputs (docs/design/devices.md, "Backup"). Checked with the rest of the file
 * before anything is written, applied inside the import's transaction. Devices keep their ids,
 * so rules and alarm definitions naming them still point at them. A file without the list (made
 * before devices) leaves the devices of the hardware it keeps as they are; removed hardware
 * takes its devices along (ON DELETE CASCADE).
 */
import { VmsError } from '../../base/common/errors';
import type { Db } from '../../base/node/sqlite';
import { DEVICE_KINDS } from '../../devices/common/types';
import { normalizeCameraGroup } from '../common/camera';
import type { ConfigurationDocument } from '../common/configurationDocument';
import { DEVICE_LIMITS, deviceSettingsProblem } from '../common/device';
import type { ImportCounts } from './configurationImport';

const bad = (field: string, message: string) => new VmsError('VMS_ERR_BAD_INPUT', `${field}: ${message}`, { field });

/** Throws VMS_ERR_BAD_INPUT naming the field when the devices do not hold together with the hardware. */
export function checkDevices(doc: Pick<ConfigurationDocument, 'hardware' | 'devices'>): void {
  const hardware = new Set(doc.hardware.map((h) => h.id));
  const ids = new Map<string, number>();
  const keys = new Map<string, number>();
  for (const [i, d] of (doc.devices ?? []).entries()) {
    const f = `document.devices[${i}]`;
    const sameId = ids.get(d.id);
    if (sameId !== undefined) throw bad(f, `id "${d.id}" is also used by devices[${sameId}]`);
    ids.set(d.id, i);
    if (!hardware.has(d.hardwareId)) throw bad(`${f}.hardwareId`, `no hardware ${d.hardwareId}`);
    if (!DEVICE_KINDS.includes(d.kind)) throw bad(`${f}.kind`, `one of ${DEVICE_KINDS.join(', ')}`);
    const key = `${d.hardwareId}\u0000${d.kind}\u0000${d.deviceKey}`;
    const sameKey = keys.get(key);
    if (sameKey !== undefined) throw bad(`${f}.deviceKey`, `the hardware already has a ${d.kind} "${d.deviceKey}" (devices[${sameKey}])`);
    keys.set(key, i);
    if (d.name.trim() === '' || [...d.name].length > DEVICE_LIMITS.nameMaxLength) throw bad(`${f}.name`, `1 to ${DEVICE_LIMITS.nameMaxLength} characters`);
    const group = normalizeCameraGroup(d.group);
    if ('problem' in group) throw bad(`${f}.group`, group.problem);
    const settings = deviceSettingsProblem(d.kind, d.settings);
    if (settings) throw bad(`${f}.${settings.field}`, settings.message);
  }
}

/** Writes the file's devices (in the import's transaction, after its hardware); undefined when the file has none. */
export function applyDevices(db: Db, doc: Pick<ConfigurationDocument, 'devices'>, now: number): ImportCounts | undefined {
  if (!doc.devices) return undefined;
  const had = new Set((db.prepare('SELECT id FROM device').all() as { id: string }[]).map((r) => r.id));
  const keep = new Set(doc.devices.map((d) => d.id));
  const removed = [...had].filter((id) => !keep.has(id)).length;
  // Rewritten whole: nothing references device rows (rules name ids), and a key moving between
  // two ids would trip the (hardware, kind, key) uniqueness half-way through an update in place.
  db.prepare('DELETE FROM device').run();
  const insert = db.prepare(`INSERT INTO device (id, hardware_id, kind, device_key, name, enabled, device_group, settings, reported_name, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  for (const d of doc.devices) {
    const group = normalizeCameraGroup(d.group);
    insert.run(d.id, d.hardwareId, d.kind, d.deviceKey, d.name.trim(), d.enabled ? 1 : 0, 'group' in group ? group.group : '',
      JSON.stringify(d.settings), d.reportedName, now);
  }
  const added = doc.devices.filter((d) => !had.has(d.id)).length;
  return { added, changed: doc.devices.length - added, removed };
}
