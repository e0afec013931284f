import type { Db } from '../../base/node/sqlite';
import { openDatabase } from '../../base/node/sqlite';
import type { Time90k, VideoParameters } from '../../media/common/types';
import { decodeParamSets, encodeParamSets } from '../common/paramSets';
import type { RecordingRow, SequenceList } from '../common/types';
import { MotionGridStore } from './motionGridStore';
import { OpenRecordings } from './openRecordings';
import { TimelineQueries } from './timelineQueries';
import { mediaMigrations } from './migrations/001_initial';

export interface ClosedRecordingFields {
  end90k: Time90k;
  frames: number;
  keyFrames: number;
  fileBytes: number;
  frameIndex: Uint8Array;
  contentSha256: Uint8Array;
  prevChainHash: Uint8Array;
  chainHash: Uint8Array;
  signature: Uint8Array;
}

export interface SealFields {
  frameIndex: Uint8Array | null;
  contentSha256: Uint8Array | null;
  prevChainHash: Uint8Array | null;
  chainHash: Uint8Array | null;
  signature: Uint8Array | null;
  groomed: string | null;
}

/** The new file of a recording that archiving moved (see moveRecording). */
export interface RecordingMove {
  storageId: string;
  path: string;
  frameIndex: Uint8Array;
  frames: number;
  keyFrames: number;
  fileBytes: number;
  groomed: string | null;
}

export interface StoredParams {
  codec: 'h264' | 'h265';
  width: number;
  height: number;
  rfc6381: string;
  vps: Uint8Array[];
  sps: Uint8Array[];
  pps: Uint8Array[];
}

const recordingColumns = `id, camera_id AS cameraId, stream_key AS streamKey, storage_id AS storageId,
  path, run_id AS runId, start_90k AS start90k, end_90k AS end90k,
  video_params_id AS videoParamsId, frames, key_frames AS keyFrames, file_bytes AS fileBytes`;


/**
 * The recording server's media index: recordings, their per-frame index, motion spans, motion
 * grids (motionGridStore.ts) and the garbage list. Synchronous (better-sqlite3): each call is
 * a short transaction.
 */
export class MediaDb {
  readonly db: Db;
  readonly motionGrids: MotionGridStore;
  /** Indexes of the recordings being written, held by their writers (not in SQLite until closed). */
  readonly writing = new OpenRecordings();
  private paramsIds = new WeakMap<VideoParameters, number>();
  private lastRunId: number;
  private readonly timeline: TimelineQueries;

  constructor(path: string) {
    this.db = openDatabase(path, mediaMigrations);
    this.timeline = new TimelineQueries(this.db);
    this.motionGrids = new MotionGridStore(this.db);
    this.lastRunId = (this.db.prepare('SELECT MAX(run_id) AS m FROM recording').get() as { m: number | null }).m ?? 0;
  }

  close(): void {
    this.db.close();
  }

  newRunId(): number {
    return ++this.lastRunId;
  }

  paramsId(p: VideoParameters): number {
    const cached = this.paramsIds.get(p);
    if (cached !== undefined) return cached;
    const blob = encodeParamSets(p);
    this.db
      .prepare('INSERT OR IGNORE INTO video_params (codec, width, height, rfc6381, param_sets) VALUES (?, ?, ?, ?, ?)')
      .run(p.codec, p.width, p.height, p.rfc6381, blob);
    const row = this.db.prepare('SELECT id FROM video_params WHERE param_sets = ?').get(blob) as { id: number };
    this.paramsIds.set(p, row.id);
    return row.id;
  }

  getParams(id: number): StoredParams | undefined {
    const row = this.db
      .prepare('SELECT codec, width, height, rfc6381, param_sets AS ps FROM video_params WHERE id = ?')
      .get(id) as { codec: 'h264' | 'h265'; width: number; height: number; rfc6381: string; ps: Uint8Array } | undefined;
    if (!row) return undefined;
    return { codec: row.codec, width: row.width, height: row.height, rfc6381: row.rfc6381, ...decodeParamSets(row.ps) };
  }

  /**
   * Commits the row of a new recording before its file exists (so any file on disk has a
   * row, and a file without one is an orphan). Returns the id and the file's relative path.
   */
  insertOpenRecording(r: {
    cameraId: string;
    streamKey: string;
    storageId: string;
    runId: number;
    start90k: Time90k;
    videoParamsId: number;
    now: number;
  }): { id: number; path: string } {
    return this.db.transaction(() => {
      const { id } = this.db
        .prepare(
          `INSERT INTO recording (camera_id, stream_key, storage_id, path, run_id, start_90k, video_params_id, created_at)
           VALUES (?, ?, ?, '', ?, ?, ?, ?) RETURNING id`,
        )
        .get(r.cameraId, r.streamKey, r.storageId, r.runId, r.start90k, r.videoParamsId, r.now) as { id: number };
      const path = `${r.cameraId}/${id}.njf`;
      this.db.prepare('UPDATE recording SET path = ? WHERE id = ?').run(path, id);
      return { id, path };
    })();
  }

  closeRecording(id: number, f: ClosedRecordingFields): void {
    this.db.transaction(() => {
      const row = this.db
        .prepare(
          `UPDATE recording SET end_90k = ?, frames = ?, key_frames = ?, file_bytes = ?, frame_index = ?,
             content_sha256 = ?, prev_chain_hash = ?, chain_hash = ?, signature = ?
           WHERE id = ? AND end_90k IS NULL RETURNING camera_id AS cameraId, stream_key AS streamKey, start_90k AS start90k`,
        )
        .get(f.end90k, f.frames, f.keyFrames, f.fileBytes, f.frameIndex, f.contentSha256, f.prevChainHash,
          f.chainHash, f.signature, id) as { cameraId: string; streamKey: string; start90k: number } | undefined;
      if (!row) throw new Error(`recording ${id} is not open`);
      this.timeline.noteClosed('recording', f.end90k - row.start90k);
      this.db
        .prepare('INSERT OR REPLACE INTO chain_head (camera_id, stream_key, chain_hash) VALUES (?, ?, ?)')
        .run(row.cameraId, row.streamKey, f.chainHash);
    })();
  }

  chainHead(cameraId: string, streamKey: string): Uint8Array | undefined {
    const row = this.db
      .prepare('SELECT chain_hash AS h FROM chain_head WHERE camera_id = ? AND stream_key = ?')
      .get(cameraId, streamKey) as { h: Uint8Array } | undefined;
    return row?.h;
  }

  getRecording(id: number): RecordingRow | undefined {
    return this.db.prepare(`SELECT ${recordingColumns} FROM recording WHERE id = ?`).get(id) as RecordingRow | undefined;
  }

  openRecordings(): RecordingRow[] {
    return this.db.prepare(`SELECT ${recordingColumns} FROM recording WHERE end_90k IS NULL ORDER BY id`).all() as RecordingRow[];
  }

  allRecordings(): RecordingRow[] {
    return this.db.prepare(`SELECT ${recordingColumns} FROM recording ORDER BY id`).all() as RecordingRow[];
  }

  frameIndex(id: number): Uint8Array | undefined {
    const row = this.db.prepare('SELECT frame_index AS b FROM recording WHERE id = ?').get(id) as { b: Uint8Array | null } | undefined;
    return row?.b ?? undefined;
  }

  sealFields(id: number): SealFields | undefined {
    return this.db
      .prepare(
        `SELECT frame_index AS frameIndex, content_sha256 AS contentSha256, prev_chain_hash AS prevChainHash,
           chain_hash AS chainHash, signature, groomed FROM recording WHERE id = ?`,
      )
      .get(id) as SealFields | undefined;
  }

  /** Closed recordings of a camera overlapping [from, to), oldest first. */
  listRecordings(cameraId: string, from90k: Time90k, to90k: Time90k): RecordingRow[] {
    return this.db
      .prepare(
        `SELECT ${recordingColumns} FROM recording WHERE camera_id = @cam AND start_90k < @to AND start_90k >= @lower AND end_90k > @from
         UNION ALL
         SELECT ${recordingColumns} FROM recording INDEXED BY recording_open WHERE camera_id = @cam AND end_90k IS NULL AND start_90k < @to
         ORDER BY start_90k`,
      )
      .all({ cam: cameraId, to: to90k, from: from90k, lower: this.timeline.lowerBound('recording', from90k) }) as RecordingRow[];
  }

  /** Recorded and motion spans of each camera overlapping [from, to), clipped to it. */
  listSequences(cameraIds: string[], from90k: Time90k, to90k: Time90k, openEnd90k: Time90k): SequenceList[] {
    return cameraIds.map((cameraId) => ({
      cameraId,
      recordings: this.timeline.spans('recording', cameraId, from90k, to90k, openEnd90k),
      motion: this.timeline.spans('motion', cameraId, from90k, to90k, openEnd90k),
    }));
  }

  startMotion(cameraId: string, start90k: Time90k): number {
    return Number(this.db.prepare('INSERT INTO motion_event (camera_id, start_90k) VALUES (?, ?)').run(cameraId, start90k).lastInsertRowid);
  }

  endMotion(id: number, end90k: Time90k): void {
    this.db.transaction(() => {
      const row = this.db.prepare('UPDATE motion_event SET end_90k = ? WHERE id = ? RETURNING start_90k AS s').get(end90k, id) as { s: number } | undefined;
      if (row) this.timeline.noteClosed('motion', end90k - row.s);
    })();
  }

  /** After a crash: motion spans left open end where their camera's recordings end (or at once). */
  closeOpenMotion(): number {
    return this.db.transaction(() => {
      const rows = this.db
        .prepare(
          `UPDATE motion_event SET end_90k = MAX(start_90k,
             COALESCE((SELECT MAX(end_90k) FROM recording r WHERE r.camera_id = motion_event.camera_id), start_90k))
           WHERE end_90k IS NULL RETURNING end_90k - start_90k AS len`,
        )
        .all() as { len: number }[];
      for (const r of rows) this.timeline.noteClosed('motion', r.len);
      return rows.length;
    })();
  }

  /** Forgets recordings, and the motion grids of their time, and lists their files as garbage, in one transaction. */
  forgetRecordings(ids: number[]): void {
    const get = this.db.prepare('SELECT storage_id AS s, path, camera_id AS cameraId, start_90k AS start90k, end_90k AS end90k FROM recording WHERE id = ?');
    const del = this.db.prepare('DELETE FROM recording WHERE id = ?');
    const gar = this.db.prepare('INSERT OR IGNORE INTO garbage (storage_id, path) VALUES (?, ?)');
    this.db.transaction(() => {
      for (const id of ids) {
        const row = get.get(id) as { s: string; path: string; cameraId: string; start90k: number; end90k: number | null } | undefined;
        if (!row) continue;
        gar.run(row.s, row.path);
        del.run(id);
        this.motionGrids.forgetWithRecording(row.cameraId, row.start90k, row.end90k);
      }
    })();
  }

  garbage(): { storageId: string; path: string }[] {
    return this.db.prepare('SELECT storage_id AS storageId, path FROM garbage').all() as { storageId: string; path: string }[];
  }

  removeGarbage(storageId: string, path: string): void {
    this.db.prepare('DELETE FROM garbage WHERE storage_id = ? AND path = ?').run(storageId, path);
  }

  /**
   * Lists a file as garbage before it exists: a file being written by a move is deleted by
   * garbage collection if the move never commits (see moveRecording).
   */
  addGarbage(storageId: string, path: string): void {
    this.db.prepare('INSERT OR IGNORE INTO garbage (storage_id, path) VALUES (?, ?)').run(storageId, path);
  }

  /**
   * Points a closed recording at its new file, in one transaction: the new file leaves the
   * garbage list and the old one joins it. The signed chain columns are not touched. Returns
   * false (changing nothing) when the recording no longer sits at `from`.
   */
  moveRecording(id: number, from: { storageId: string; path: string }, to: RecordingMove): boolean {
    return this.db.transaction(() => {
      const changed = this.db
        .prepare(
          `UPDATE recording SET storage_id = ?, path = ?, frame_index = ?, frames = ?, key_frames = ?, file_bytes = ?,
             groomed = ? WHERE id = ? AND storage_id = ? AND path = ? AND end_90k IS NOT NULL`,
        )
        .run(to.storageId, to.path, to.frameIndex, to.frames, to.keyFrames, to.fileBytes, to.groomed, id, from.storageId,
          from.path).changes;
      if (changed === 0) return false;
      this.removeGarbage(to.storageId, to.path);
      this.addGarbage(from.storageId, from.path);
      return true;
    })();
  }

  /** Closed recordings of a storage, oldest first, after a (start, id) cursor. */
  oldestRecordings(storageId: string, o: { limit: number; endBefore90k?: Time90k; after?: { start90k: Time90k; id: number } }): RecordingRow[] {
    const after = o.after ?? { start90k: -Number.MAX_SAFE_INTEGER, id: 0 };
    return this.db
      .prepare(
        `SELECT ${recordingColumns} FROM recording
         WHERE storage_id = ? AND end_90k IS NOT NULL AND end_90k <= ? AND (start_90k, id) > (?, ?)
         ORDER BY start_90k, id LIMIT ?`,
      )
      .all(storageId, o.endBefore90k ?? Number.MAX_SAFE_INTEGER, after.start90k, after.id, o.limit) as RecordingRow[];
  }

  storageBytes(storageId: string): number {
    const row = this.db.prepare('SELECT COALESCE(SUM(file_bytes), 0) AS b FROM recording WHERE storage_id = ?').get(storageId) as { b: number };
    return row.b;
  }

  /** Bytes of closed recordings per camera and storage (the system monitor; one scan of the index). */
  bytesByCamera(): { cameraId: string; storageId: string; bytes: number }[] {
    return this.db.prepare('SELECT camera_id AS cameraId, storage_id AS storageId, SUM(file_bytes) AS bytes FROM recording WHERE end_90k IS NOT NULL GROUP BY camera_id, storage_id')
      .all() as { cameraId: string; storageId: string; bytes: number }[];
  }
}
