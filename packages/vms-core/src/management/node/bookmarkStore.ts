import { randomUUID } from 'node:crypto';
import { VmsError } from '../../base/common/errors';
import type { Db } from '../../base/node/sqlite';
import type { Bookmark, BookmarkInput, BookmarkQuery } from '../common/evidence';
import { BOOKMARK_LIMITS, bookmarkProblem, bookmarkSpan } from '../common/evidence';

interface BookmarkRow {
  id: string; at: number; pre_seconds: number; post_seconds: number; header: string; description: string;
  created_by: string; created_at: number; updated_by: string | null; updated_at: number | null;
}

/** The trigram tokenizer indexes three-character pieces; shorter words cannot be matched by it. */
const TRIGRAM = 3;

/**
 * Bookmarks in the configuration database (schema: migrations/003_bookmarks.ts). Who and
 * when come from the caller, as for evidence locks: the API knows the user and the clock.
 * Rights are the API's business; `visibleCameraIds` lets it push its filter into the query.
 */
export class BookmarkStore {
  constructor(private readonly db: Db) {}

  create(input: BookmarkInput, by: string, now: number): Bookmark {
    const id = randomUUID();
    this.db.transaction(() => {
      this.check(input);
      const { start, end } = bookmarkSpan(input);
      this.db
        .prepare(`INSERT INTO bookmark (id, at, pre_seconds, post_seconds, start_at, end_at, header, description, created_by, created_at)
                  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(id, input.at, input.preSeconds, input.postSeconds, start, end, input.header, input.description, by, now);
      this.writeCameras(id, input.cameraIds);
    })();
    return this.get(id);
  }

  get(id: string): Bookmark {
    const row = this.db.prepare('SELECT * FROM bookmark WHERE id = ?').get(id) as BookmarkRow | undefined;
    if (!row) throw new VmsError('VMS_ERR_NOT_FOUND', `bookmark ${id} does not exist`);
    return this.toBookmarks([row])[0]!;
  }

  /** Changes the given fields; the creator and creation time stay, the editor is recorded. */
  update(id: string, patch: Partial<BookmarkInput>, by: string, now: number): Bookmark {
    this.db.transaction(() => {
      const next: BookmarkInput = { ...this.get(id), ...patch };
      this.check(next);
      const { start, end } = bookmarkSpan(next);
      this.db
        .prepare(`UPDATE bookmark SET at = ?, pre_seconds = ?, post_seconds = ?, start_at = ?, end_at = ?, header = ?, description = ?,
                    updated_by = ?, updated_at = ? WHERE id = ?`)
        .run(next.at, next.preSeconds, next.postSeconds, start, end, next.header, next.description, by, now, id);
      if (patch.cameraIds) this.writeCameras(id, patch.cameraIds);
    })();
    return this.get(id);
  }

  delete(id: string): Bookmark {
    const cur = this.get(id);
    this.db.prepare('DELETE FROM bookmark WHERE id = ?').run(id);
    return cur;
  }

  /** Bookmarks matching every condition given, newest `at` first. */
  search(q: BookmarkQuery = {}): Bookmark[] {
    if (q.visibleCameraIds?.length === 0) return [];
    const where: string[] = [];
    const args: (string | number)[] = [];
    const words = (q.text ?? '').split(/\s+/).filter((w) => w !== '');
    const long = words.filter((w) => [...w].length >= TRIGRAM);
    if (long.length) {
      // Each word is a quoted FTS5 string (a substring for the trigram tokenizer); together they are ANDed.
      where.push('b.seq IN (SELECT rowid FROM bookmark_text WHERE bookmark_text MATCH ?)');
      args.push(long.map((w) => `"${w.replaceAll('"', '""')}"`).join(' '));
    }
    for (const w of words.filter((x) => [...x].length < TRIGRAM)) {
      where.push("(b.header LIKE ? ESCAPE '\\' OR b.description LIKE ? ESCAPE '\\')");
      const pattern = `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      args.push(pattern, pattern);
    }
    if (q.from !== undefined) {
      where.push('b.end_at >= ?');
      args.push(q.from);
    }
    if (q.to !== undefined) {
      where.push('b.start_at < ?');
      args.push(q.to);
    }
    if (q.cameraIds) {
      where.push(`EXISTS (SELECT 1 FROM bookmark_camera c WHERE c.bookmark_id = b.id AND c.camera_id IN (${marks(q.cameraIds)}))`);
      args.push(...q.cameraIds);
    }
    if (q.visibleCameraIds) {
      // Visible only when every camera of the bookmark is (management/common/evidence.ts says why).
      where.push(`NOT EXISTS (SELECT 1 FROM bookmark_camera c WHERE c.bookmark_id = b.id AND c.camera_id NOT IN (${marks(q.visibleCameraIds)}))`);
      where.push('EXISTS (SELECT 1 FROM bookmark_camera c WHERE c.bookmark_id = b.id)');
      args.push(...q.visibleCameraIds);
    }
    const limit = Math.min(q.limit ?? 100, BOOKMARK_LIMITS.maxResults);
    const sql = `SELECT b.* FROM bookmark b ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY b.at DESC, b.seq DESC LIMIT ?`;
    return this.toBookmarks(this.db.prepare(sql).all(...args, limit) as BookmarkRow[]);
  }

  private check(b: BookmarkInput): void {
    const problem = bookmarkProblem(b);
    if (problem) throw new VmsError('VMS_ERR_BAD_INPUT', problem);
    const exists = this.db.prepare('SELECT 1 FROM camera WHERE id = ?');
    for (const c of b.cameraIds) if (!exists.get(c)) throw new VmsError('VMS_ERR_NOT_FOUND', `camera ${c} does not exist`);
  }

  private writeCameras(id: string, cameraIds: readonly string[]): void {
    this.db.prepare('DELETE FROM bookmark_camera WHERE bookmark_id = ?').run(id);
    const ins = this.db.prepare('INSERT INTO bookmark_camera (bookmark_id, camera_id, position) VALUES (?, ?, ?)');
    [...new Set(cameraIds)].forEach((c, i) => ins.run(id, c, i));
  }

  private toBookmarks(rows: BookmarkRow[]): Bookmark[] {
    if (rows.length === 0) return [];
    const cams = this.db
      .prepare(`SELECT bookmark_id AS id, camera_id AS cameraId FROM bookmark_camera WHERE bookmark_id IN (${marks(rows)}) ORDER BY position`)
      .all(...rows.map((r) => r.id)) as { id: string; cameraId: string }[];
    return rows.map((r) => ({
      id: r.id, at: r.at, preSeconds: r.pre_seconds, postSeconds: r.post_seconds, header: r.header, description: r.description,
      cameraIds: cams.filter((c) => c.id === r.id).map((c) => c.cameraId),
      createdBy: r.created_by, createdAt: r.created_at, updatedBy: r.updated_by, updatedAt: r.updated_at,
    }));
  }
}

const marks = (list: readonly unknown[]): string => list.map(() => '?').join(',');
