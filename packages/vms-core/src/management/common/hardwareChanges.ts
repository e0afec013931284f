/**
 * What "update hardware" found: the device as it reports itself now against the cameras and
 * streams configured for it. Pure, so a client can show the same report it received.
 */
import type { HardwareInfo, StreamInfo } from '../../devices/common/types';
import type { JsonDiff } from './audit';
import { jsonDiff } from './audit';
import type { Camera, Hardware } from './camera';
import type { Device } from './device';
import type { DeviceChanges } from './deviceChanges';
import { diffDevices, hasDeviceChanges } from './deviceChanges';

export interface CameraStreamChanges {
  cameraId: string;
  name: string;
  added: StreamInfo[];
  removed: StreamInfo[];
  /** Streams whose URL, codec, size or rate changed, by key. */
  changed: { key: string; changes: JsonDiff }[];
}

export interface HardwareChanges {
  /** Identity fields: manufacturer, model, firmware, serial, address. */
  hardware: JsonDiff;
  /** Cameras (video sources, channels) the device reports that are not configured: added. */
  camerasAdded: { deviceKey: string; name: string }[];
  /** Configured cameras the device no longer reports: disabled, kept with their recordings. */
  camerasMissing: { cameraId: string; deviceKey: string; name: string }[];
  /** Configured cameras whose streams differ; cameras without changes are left out. */
  cameras: CameraStreamChanges[];
  /**
   * Microphones, speakers, metadata, inputs and outputs added, missing (disabled) or renamed on
   * the device. diffHardware always sets it; optional for reports written before devices existed.
   */
  devices?: DeviceChanges;
}

const identity = (h: Pick<Hardware, 'address' | 'manufacturer' | 'model' | 'firmware' | 'serial'>) => ({
  address: h.address, manufacturer: h.manufacturer ?? null, model: h.model ?? null, firmware: h.firmware ?? null, serial: h.serial ?? null,
});

const streamFields = (s: StreamInfo) => ({ name: s.name, url: s.url, codec: s.codec ?? null, width: s.width ?? null, height: s.height ?? null, fps: s.fps ?? null });

export function diffHardware(hardware: Hardware, cameras: readonly Camera[], probed: HardwareInfo, devices: readonly Device[] = []): HardwareChanges {
  const reported = new Map(probed.cameras.map((c) => [c.key, c]));
  const configured = new Set(cameras.map((c) => c.deviceKey));
  const out: HardwareChanges = {
    hardware: jsonDiff(identity(hardware), identity(probed)),
    camerasAdded: probed.cameras.filter((c) => !configured.has(c.key)).map((c) => ({ deviceKey: c.key, name: c.name })),
    camerasMissing: [],
    cameras: [],
    devices: diffDevices(devices, probed.devices ?? [], probed.devicesNotRead),
  };
  for (const camera of cameras) {
    const now = reported.get(camera.deviceKey);
    if (!now) {
      out.camerasMissing.push({ cameraId: camera.id, deviceKey: camera.deviceKey, name: camera.name });
      continue;
    }
    const before = new Map(camera.streams.map((s) => [s.key, s]));
    const after = new Map(now.streams.map((s) => [s.key, s]));
    const entry: CameraStreamChanges = {
      cameraId: camera.id, name: camera.name,
      added: now.streams.filter((s) => !before.has(s.key)),
      removed: camera.streams.filter((s) => !after.has(s.key)),
      changed: [],
    };
    for (const s of now.streams) {
      const old = before.get(s.key);
      const changes = old && jsonDiff(streamFields(old), streamFields(s));
      if (changes && Object.keys(changes).length > 0) entry.changed.push({ key: s.key, changes });
    }
    if (entry.added.length || entry.removed.length || entry.changed.length) out.cameras.push(entry);
  }
  return out;
}

export function hasHardwareChanges(c: HardwareChanges): boolean {
  return Object.keys(c.hardware).length > 0 || c.camerasAdded.length > 0 || c.camerasMissing.length > 0 || c.cameras.length > 0 || (c.devices !== undefined && hasDeviceChanges(c.devices));
}
