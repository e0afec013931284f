import { randomUUID } from 'node:crypto';
import { VmsError } from '../../base/common/errors';
import type { Db } from '../../base/node/sqlite';
import type { View, ViewContent, ViewInput, ViewLayout, ViewLayoutId } from '../common/view';
import { VIEW_LIMITS, viewProblem } from '../common/view';

interface ViewRow {
  id: string; name: string; group_id: string; kind: 'private' | 'shared'; owner_id: string; layout_id: string; layout: string; camera_ids: string;
  revision: number; created_at: number; updated_at: number;
}

const SELECT = 'SELECT v.*, g.kind FROM saved_view v JOIN view_group g ON g.id = v.group_id';

/**
 * Smart Client views in the configuration database (schema: migrations/004_views.ts, grouped by
 * 013). Who may see or change a view is the API's business (management/common/viewGroup.ts
 * decides by the view's group); the store validates, stores, keeps a private group to its
 * owner's views, and refuses an update based on an old revision.
 */
export class ViewStore {
  constructor(private readonly db: Db) {}

  /** The views of these groups, by name. */
  listInGroups(groupIds: readonly string[]): View[] {
    if (groupIds.length === 0) return [];
    const rows = this.db
      .prepare(`${SELECT} WHERE v.group_id IN (${groupIds.map(() => '?').join(',')}) ORDER BY v.name COLLATE NOCASE, v.created_at, v.id`)
      .all(...groupIds) as ViewRow[];
    return rows.map(toView);
  }

  get(id: string): View {
    const row = this.db.prepare(`${SELECT} WHERE v.id = ?`).get(id) as ViewRow | undefined;
    if (!row) throw new VmsError('VMS_ERR_NOT_FOUND', `view ${id} does not exist`);
    return toView(row);
  }

  create(input: ViewInput, ownerId: string, now: number): View {
    check(input);
    const id = randomUUID();
    this.db.transaction(() => {
      this.checkGroup(input.groupId, ownerId);
      const owned = (this.db.prepare('SELECT COUNT(*) AS n FROM saved_view WHERE owner_id = ?').get(ownerId) as { n: number }).n;
      if (owned >= VIEW_LIMITS.maxViewsPerOwner) {
        throw new VmsError('VMS_ERR_BAD_INPUT', `a user may own at most ${VIEW_LIMITS.maxViewsPerOwner} views; delete some first`);
      }
      this.db
        .prepare(`INSERT INTO saved_view (id, name, group_id, owner_id, layout_id, layout, camera_ids, revision, created_at, updated_at)
                  VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`)
        .run(id, input.name, input.groupId, ownerId, input.layoutId, layoutJson(input.layout), JSON.stringify(input.cameraIds), now, now);
    })();
    return this.get(id);
  }

  /**
   * Replaces a view's name, group, layout and cameras. `revision` is the one the caller read:
   * when someone changed the view since, nothing is written and VMS_ERR_STALE_REVISION says so.
   */
  update(id: string, input: ViewInput, revision: number, now: number): View {
    check(input);
    const before = this.get(id);
    this.checkGroup(input.groupId, before.ownerId);
    const result = this.db
      .prepare(`UPDATE saved_view SET name = ?, group_id = ?, layout_id = ?, layout = ?, camera_ids = ?, revision = revision + 1, updated_at = ?
                WHERE id = ? AND revision = ?`)
      .run(input.name, input.groupId, input.layoutId, layoutJson(input.layout), JSON.stringify(input.cameraIds), now, id, revision);
    if (result.changes === 0) {
      const current = this.get(id);
      throw new VmsError('VMS_ERR_STALE_REVISION', `view ${id} is at revision ${current.revision}, not ${revision}: someone changed it; read it again`);
    }
    return this.get(id);
  }

  delete(id: string): View {
    const current = this.get(id);
    this.db.prepare('DELETE FROM saved_view WHERE id = ?').run(id);
    return current;
  }

  /** A private group holds only its owner's views: it is theirs alone, and goes with them. */
  private checkGroup(groupId: string, ownerId: string): void {
    const group = this.db.prepare('SELECT kind, owner_id FROM view_group WHERE id = ?').get(groupId) as { kind: string; owner_id: string | null } | undefined;
    if (!group) throw new VmsError('VMS_ERR_BAD_INPUT', `groupId: view group ${groupId} does not exist`, { field: 'groupId' });
    if (group.kind === 'private' && group.owner_id !== ownerId) {
      throw new VmsError('VMS_ERR_BAD_INPUT', "groupId: a private view group holds only its owner's views", { field: 'groupId' });
    }
  }
}

function check(input: ViewContent): void {
  const problem = viewProblem(input);
  if (problem) throw new VmsError('VMS_ERR_BAD_INPUT', problem);
}

/** Only the known fields: whatever else a caller put in the objects is not stored. */
function layoutJson(l: ViewLayout): string {
  return JSON.stringify({ columns: l.columns, rows: l.rows, tiles: l.tiles.map(({ x, y, width, height }) => ({ x, y, width, height })) });
}

function toView(r: ViewRow): View {
  return {
    id: r.id, name: r.name, groupId: r.group_id, shared: r.kind === 'shared', ownerId: r.owner_id, layoutId: r.layout_id as ViewLayoutId,
    layout: JSON.parse(r.layout) as ViewLayout, cameraIds: JSON.parse(r.camera_ids) as (string | null)[],
    revision: r.revision, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}
