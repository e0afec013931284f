import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ManualClock } from '../../base/common/clock';
import { msTo90k } from '../../media/common/types';
import { FrameCipher } from '../../security/node/frameCipher';
import { SiteKeys } from '../../security/node/siteKeys';
import { syntheticFrames, tempDir } from '../../../test/util/syntheticMedia';
import type { EvidenceLock, StorageConfig } from '../common/storageConfig';
import type { RecordingRow } from '../common/types';
import { readRecordingFile } from './archiverFiles';
import { MediaDb } from './mediaDb';
import { RecordingWriter } from './recordingWriter';
import type { StorageHandle } from './storageHandle';
import { StorageMaintenanceEvents } from './storageMaintenanceEvents';
import type { RecordingsArchived, RecordingsDeleted, StorageFull, StorageRecovered } from './storageMaintenanceEvents';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/**
 * Test state for storage maintenance: a temp folder with a real SQLite media database, real
 * storage folders (optionally encrypted), a manual clock and the real recording writer.
 * Only the tests import it.
 */
export class MaintenanceFixture {
  readonly dir = tempDir('nightjar-maint-');
  readonly clock = new ManualClock();
  readonly keys = SiteKeys.loadOrCreate(join(this.dir.path, 'site-key.json'));
  db = new MediaDb(join(this.dir.path, 'media.db'));
  readonly storages = new Map<string, StorageConfig>();
  private readonly handleMap = new Map<string, StorageHandle>();
  locks: EvidenceLock[] = [];
  readonly events = new StorageMaintenanceEvents();
  readonly seen = { deleted: [] as RecordingsDeleted[], archived: [] as RecordingsArchived[], full: [] as StorageFull[],
    recovered: [] as StorageRecovered[] };

  constructor() {
    this.events.onDidDeleteRecordings((e) => this.seen.deleted.push(e));
    this.events.onDidArchive((e) => this.seen.archived.push(e));
    this.events.onStorageFull((e) => this.seen.full.push(e));
    this.events.onStorageRecovered((e) => this.seen.recovered.push(e));
  }

  readonly handles = (id: string): StorageHandle => {
    const h = this.handleMap.get(id);
    if (!h) throw new Error(`no storage ${id}`);
    return h;
  };

  storageList = (): StorageConfig[] => [...this.storages.values()];
  lockList = (): EvidenceLock[] => this.locks;

  addStorage(c: Partial<StorageConfig> & { id: string }): StorageConfig {
    const path = join(this.dir.path, c.id);
    mkdirSync(path);
    const dataKey = randomBytes(32);
    const config: StorageConfig = {
      name: c.id, path, maxBytes: Number.MAX_SAFE_INTEGER, retentionHours: 24 * 365, archiveEveryMinutes: 60,
      encrypted: false, minFreeBytes: 0, ...c,
      ...(c.encrypted && { wrappedKey: this.keys.wrapKey(dataKey, c.id) }),
    };
    this.storages.set(c.id, config);
    this.handleMap.set(c.id, { id: c.id, root: path, ...(c.encrypted && { cipher: new FrameCipher(dataKey) }) });
    return config;
  }

  /** Writes one closed recording of `seconds` at 25 fps (a key frame every `gop`) starting now. */
  async record(storageId: string, o: { cameraId?: string; seconds?: number; gop?: number; start90k?: number } = {}): Promise<RecordingRow> {
    const frames = syntheticFrames({ count: (o.seconds ?? 2) * 25, start90k: o.start90k ?? msTo90k(this.clock.now()), gop: o.gop });
    const w = await RecordingWriter.create({ db: this.db, keys: this.keys, clock: this.clock }, {
      storage: this.handles(storageId), cameraId: o.cameraId ?? 'cam1', streamKey: 'main', runId: this.db.newRunId(),
      params: frames[0]!.params, start90k: frames[0]!.time90k,
    });
    for (const f of frames) w.append(f);
    const closed = await w.close();
    return this.db.getRecording(closed!.id)!;
  }

  /** The plaintext frame payloads of a recording as its file holds them now (checks the file). */
  async payloads(id: number): Promise<{ ptsOffset: number; isKey: boolean; data: Buffer }[]> {
    const row = this.db.getRecording(id)!;
    const h = this.handles(row.storageId);
    const file = await readRecordingFile(join(h.root, row.path), this.db.frameIndex(id)!, row.fileBytes);
    return file.frames.map((f, i) => ({
      ptsOffset: f.ptsOffset, isKey: f.isKey,
      data: h.cipher ? h.cipher.decrypt(file.header.noncePrefix, i, f.payload) : Buffer.from(f.payload),
    }));
  }

  lock(l: Partial<EvidenceLock> & { from90k: number; to90k: number }): EvidenceLock {
    const lock: EvidenceLock = { id: `lock${this.locks.length + 1}`, cameraIds: ['cam1'], until: null, reason: 'test',
      createdBy: 'tester', createdAt: this.clock.now(), ...l };
    this.locks.push(lock);
    return lock;
  }

  /** Simulates a process restart: the database is closed and opened again from its file. */
  reopen(): void {
    this.db.close();
    this.db = new MediaDb(join(this.dir.path, 'media.db'));
  }

  dispose(): void {
    this.events.dispose();
    this.db.close();
    this.dir.dispose();
  }
}
