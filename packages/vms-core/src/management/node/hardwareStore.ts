import type { Db } from '../../base/node/sqlite';
import type { HardwareInfo, StreamInfo } from '../../devices/common/types';
import type { SiteKeys } from '../../security/node/siteKeys';
import type { Camera, Hardware } from '../common/camera';
import type { HardwareChanges } from '../common/hardwareChanges';
import { diffHardware } from '../common/hardwareChanges';
import type { Device } from '../common/device';
import type { ConfigStore } from './configStore';
import type { DeviceStore } from './deviceStore';

export interface HardwarePatch {
  name?: string;
  /** Where the device is reached now (same driver); only together with a probe. */
  address?: string;
  /** '' clears the stored user name or password. */
  username?: string;
  password?: string;
}

export interface HardwareUpdate {
  hardware: Hardware;
  cameras: Camera[];
  /** What the probe found changed; null when the device was not asked. */
  changes: HardwareChanges | null;
}

/** The largest stream first, as addHardware picks the recorded one. */
const largestFirst = (streams: readonly StreamInfo[]) =>
  [...streams].sort((a, b) => (b.width ?? 0) * (b.height ?? 0) - (a.width ?? 0) * (a.height ?? 0));

/**
 * Changing and removing hardware (configuration side; the API stops and restarts recording).
 * `update` applies a fresh probe of the device: streams follow what the device reports now,
 * new cameras are added, cameras it no longer reports are disabled, never deleted, so their
 * recordings, rights and bookmarks stay until an administrator removes the hardware.
 */
export class HardwareStore {
  constructor(
    private readonly db: Db,
    private readonly keys: SiteKeys,
    private readonly config: Pick<ConfigStore, 'getHardware' | 'listCameras' | 'getCamera' | 'addCamera' | 'listStorages'>,
    private readonly devices: DeviceStore,
  ) {}

  list(): Hardware[] {
    return (this.db.prepare('SELECT id FROM hardware ORDER BY created_at, rowid').all() as { id: string }[]).map((r) => this.config.getHardware(r.id));
  }

  camerasOf(hardwareId: string): Camera[] {
    return this.config.listCameras().filter((c) => c.hardwareId === hardwareId);
  }

  update(id: string, patch: HardwarePatch, probed: HardwareInfo | undefined, now: number): HardwareUpdate {
    const cur = this.config.getHardware(id);
    const cameras = this.camerasOf(id);
    const changes = probed ? diffHardware(cur, cameras, probed, this.devices.listDevices({ hardwareId: id })) : null;
    const name = patch.name?.trim() || cur.name;
    this.db.transaction(() => {
      const setCredentials = (column: 'username' | 'password_wrapped', value: string | null) =>
        this.db.prepare(`UPDATE hardware SET ${column} = ? WHERE id = ?`).run(value, id);
      this.db.prepare('UPDATE hardware SET name = ? WHERE id = ?').run(name, id);
      if (patch.username !== undefined) setCredentials('username', patch.username || null);
      if (patch.password !== undefined) {
        setCredentials('password_wrapped', patch.password ? this.keys.wrapKey(Buffer.from(patch.password), `hardware:${id}`) : null);
      }
      if (!probed) return;
      this.db.prepare('UPDATE hardware SET address = ?, manufacturer = ?, model = ?, firmware = ?, serial = ? WHERE id = ?')
        .run(probed.address, probed.manufacturer ?? null, probed.model ?? null, probed.firmware ?? null, probed.serial ?? null, id);
      const reported = new Map(probed.cameras.map((c) => [c.key, c]));
      for (const camera of cameras) {
        const now = reported.get(camera.deviceKey);
        if (now) {
          this.replaceStreams(camera, now.streams);
          // PTZ as the device describes it now (cameras added before PTZ support learn it here).
          this.db.prepare('UPDATE camera SET ptz = ? WHERE id = ?').run(now.ptz ? JSON.stringify(now.ptz) : null, camera.id);
        } else this.db.prepare('UPDATE camera SET enabled = 0 WHERE id = ?').run(camera.id);
      }
      const storageId = cameras[0]?.storageId ?? this.config.listStorages()[0]?.id;
      const configured = new Set(cameras.map((c) => c.deviceKey));
      for (const c of probed.cameras) {
        if (configured.has(c.key) || c.streams.length === 0 || !storageId) continue;
        this.config.addCamera(id, c, `${name} ${c.name}`, storageId, now);
      }
      this.devices.applyProbe(id, name, probed.devices ?? [], now, probed.devicesNotRead);
    })();
    return { hardware: this.config.getHardware(id), cameras: this.camerasOf(id), changes };
  }

  /**
   * Streams as the device reports them now. A camera recording, showing or analysing a stream
   * that is gone moves to the largest stream left (motion: back to its default choice).
   */
  private replaceStreams(camera: Camera, streams: readonly StreamInfo[]): void {
    if (streams.length === 0) return;
    this.db.prepare('DELETE FROM stream WHERE camera_id = ?').run(camera.id);
    const ins = this.db.prepare('INSERT INTO stream (camera_id, key, name, url, codec, width, height, fps) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    for (const s of streams) ins.run(camera.id, s.key, s.name, s.url, s.codec ?? null, s.width ?? null, s.height ?? null, s.fps ?? null);
    const keys = new Set(streams.map((s) => s.key));
    const fallback = largestFirst(streams)[0]!.key;
    const { streamKey: motionStream, ...motion } = camera.motion;
    this.db.prepare('UPDATE camera SET record_stream = ?, live_stream = ?, motion = ? WHERE id = ?').run(
      keys.has(camera.recordStream) ? camera.recordStream : fallback,
      keys.has(camera.liveStream) ? camera.liveStream : fallback,
      JSON.stringify(motionStream === undefined || keys.has(motionStream) ? camera.motion : motion),
      camera.id,
    );
  }

  /** Removes the hardware, its cameras (their streams, grants and bookmark links go too) and its other devices. */
  delete(id: string): { hardware: Hardware; cameras: Camera[]; devices: Device[] } {
    const hardware = this.config.getHardware(id);
    const cameras = this.camerasOf(id);
    const devices = this.devices.listDevices({ hardwareId: id });
    this.db.prepare('DELETE FROM hardware WHERE id = ?').run(id);
    return { hardware, cameras, devices };
  }
}
