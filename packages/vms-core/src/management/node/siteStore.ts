import { randomUUID } from 'node:crypto';
import { VmsError } from '../../base/common/errors';
import type { Db } from '../../base/node/sqlite';
import type { RecordingServerRecord, SiteInfo } from '../common/siteInfo';

interface ServerRow { id: string; name: string; description: string; address: string; is_local: number }

const toServer = (r: ServerRow): RecordingServerRecord => ({ id: r.id, name: r.name, description: r.description, address: r.address, local: r.is_local === 1 });

/**
 * The site's name and description, and its recording servers (migration 006). In all-in-one
 * mode the one server is the local one, created at the first start.
 */
export class SiteStore {
  constructor(private readonly db: Db) {}

  getSite(): SiteInfo {
    return this.db.prepare('SELECT name, description FROM site WHERE id = 1').get() as SiteInfo;
  }

  updateSite(patch: Partial<SiteInfo>, now: number): SiteInfo {
    const next = { ...this.getSite(), ...patch };
    if (next.name.trim() === '') throw new VmsError('VMS_ERR_BAD_INPUT', 'the site needs a name', { field: 'name' });
    this.db.prepare('UPDATE site SET name = ?, description = ?, updated_at = ? WHERE id = 1').run(next.name.trim(), next.description, now);
    return this.getSite();
  }

  /**
   * Creates the local recording server unless there is one, and puts hardware and storages
   * that belong to no server (added before migration 006) on it. Returns the local server.
   */
  ensureLocalRecordingServer(defaults: { name: string; address: string }, now: number): RecordingServerRecord {
    return this.db.transaction(() => {
      let local = this.db.prepare('SELECT * FROM recording_server WHERE is_local = 1').get() as ServerRow | undefined;
      if (!local) {
        const id = randomUUID();
        this.db.prepare('INSERT INTO recording_server (id, name, description, address, is_local, created_at) VALUES (?, ?, \'\', ?, 1, ?)')
          .run(id, defaults.name, defaults.address, now);
        local = this.db.prepare('SELECT * FROM recording_server WHERE id = ?').get(id) as ServerRow;
      }
      this.db.prepare('UPDATE hardware SET recording_server_id = ? WHERE recording_server_id IS NULL').run(local.id);
      this.db.prepare('UPDATE storage SET recording_server_id = ? WHERE recording_server_id IS NULL').run(local.id);
      return toServer(local);
    })();
  }

  listRecordingServers(): RecordingServerRecord[] {
    return (this.db.prepare('SELECT * FROM recording_server ORDER BY is_local DESC, name').all() as ServerRow[]).map(toServer);
  }

  getRecordingServer(id: string): RecordingServerRecord {
    const row = this.db.prepare('SELECT * FROM recording_server WHERE id = ?').get(id) as ServerRow | undefined;
    if (!row) throw new VmsError('VMS_ERR_NOT_FOUND', `recording server ${id} does not exist`);
    return toServer(row);
  }

  updateRecordingServer(id: string, patch: { name?: string; description?: string }): RecordingServerRecord {
    const next = { ...this.getRecordingServer(id), ...patch };
    if (next.name.trim() === '') throw new VmsError('VMS_ERR_BAD_INPUT', 'a recording server needs a name', { field: 'name' });
    this.db.prepare('UPDATE recording_server SET name = ?, description = ? WHERE id = ?').run(next.name.trim(), next.description, id);
    return this.getRecordingServer(id);
  }

  /** Cameras (all, enabled) and storages per recording server. */
  serverContents(): Map<string, { cameras: number; enabledCameras: number; storageIds: string[] }> {
    const out = new Map<string, { cameras: number; enabledCameras: number; storageIds: string[] }>();
    const entry = (id: string) => {
      let e = out.get(id);
      if (!e) out.set(id, (e = { cameras: 0, enabledCameras: 0, storageIds: [] }));
      return e;
    };
    const counts = this.db.prepare(
      `SELECT h.recording_server_id AS id, COUNT(c.id) AS n, COALESCE(SUM(c.enabled), 0) AS enabled
       FROM camera c JOIN hardware h ON h.id = c.hardware_id WHERE h.recording_server_id IS NOT NULL GROUP BY h.recording_server_id`,
    ).all() as { id: string; n: number; enabled: number }[];
    for (const c of counts) Object.assign(entry(c.id), { cameras: c.n, enabledCameras: c.enabled });
    const storages = this.db.prepare('SELECT id, recording_server_id AS server FROM storage WHERE recording_server_id IS NOT NULL ORDER BY rowid')
      .all() as { id: string; server: string }[];
    for (const s of storages) entry(s.server).storageIds.push(s.id);
    return out;
  }
}
