import { randomUUID } from 'node:crypto';
import { VmsError } from '../../base/common/errors';
import type { Db } from '../../base/node/sqlite';
import type { RoleDefinition } from '../common/permissions';
import type { ViewGroup, ViewGroupInput } from '../common/viewGroup';
import { VIEW_GROUP_LIMITS, canSeeGroup, sortViewGroups, viewGroupProblem } from '../common/viewGroup';
import type { OrderedList } from './listOrder';
import { compactList, placeInList } from './listOrder';

interface GroupRow {
  id: string; name: string; kind: 'private' | 'shared'; owner_id: string | null; all_roles: number; is_default: number;
  position: number; created_at: number; updated_at: number; role_ids: string | null;
}

export interface ViewGroupPatch {
  name?: string;
  allRoles?: boolean;
  roleIds?: string[];
  position?: number;
}

const SELECT = `SELECT g.*, (SELECT json_group_array(role_id) FROM view_group_role r WHERE r.group_id = g.id) AS role_ids FROM view_group g`;

/**
 * View groups in the configuration database (schema: migrations/013). Who may see or change a
 * group is the API's business (management/common/viewGroup.ts decides); the store validates,
 * keeps each list's order dense, and refuses to delete a default group or one holding views.
 */
export class ViewGroupStore {
  constructor(private readonly db: Db) {}

  /** Every group of the site, private ones of every user included (backup, tests). */
  list(): ViewGroup[] {
    return sortViewGroups((this.db.prepare(SELECT).all() as GroupRow[]).map(toGroup));
  }

  /** The user's private groups and the shared groups shown to them, private first, each list in its order. */
  listVisibleTo(userId: string, roles: readonly RoleDefinition[]): ViewGroup[] {
    const rows = this.db.prepare(`${SELECT} WHERE g.kind = 'shared' OR g.owner_id = ?`).all(userId) as GroupRow[];
    return sortViewGroups(rows.map(toGroup).filter((g) => canSeeGroup(g, userId, roles)));
  }

  get(id: string): ViewGroup {
    const row = this.db.prepare(`${SELECT} WHERE g.id = ?`).get(id) as GroupRow | undefined;
    if (!row) throw new VmsError('VMS_ERR_NOT_FOUND', `view group ${id} does not exist`);
    return toGroup(row);
  }

  /** How many views a group holds. */
  viewCount(id: string): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM saved_view WHERE group_id = ?').get(id) as { n: number }).n;
  }

  /** A new group at `position` in its list (the end when absent); a private one belongs to `ownerId`. */
  create(input: ViewGroupInput, ownerId: string | null, now: number, position?: number): ViewGroup {
    if (!input.shared && ownerId === null) throw new VmsError('VMS_ERR_BAD_INPUT', 'a private view group needs an owner');
    this.check(input);
    const id = randomUUID();
    const list = listOf({ shared: input.shared, ownerId });
    this.db.transaction(() => {
      const count = (this.db.prepare(`SELECT COUNT(*) AS n FROM view_group WHERE ${list.where}`).get(...list.args) as { n: number }).n;
      const max = input.shared ? VIEW_GROUP_LIMITS.maxShared : VIEW_GROUP_LIMITS.maxPrivatePerOwner;
      if (count >= max) throw new VmsError('VMS_ERR_BAD_INPUT', `at most ${max} ${input.shared ? 'shared view groups' : 'private view groups per user'}; delete some first`);
      try {
        this.db.prepare(`INSERT INTO view_group (id, name, kind, owner_id, all_roles, is_default, position, created_at, updated_at)
                         VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?)`)
          .run(id, input.name.trim(), input.shared ? 'shared' : 'private', input.shared ? null : ownerId, input.allRoles ? 1 : 0, count, now, now);
      } catch (e) {
        throw uniqueName(e, input.name);
      }
      this.writeRoles(id, input.roleIds);
      placeInList(this.db, list, id, position);
    })();
    return this.get(id);
  }

  /** Changes what the patch names; roles only for shared groups. */
  update(id: string, patch: ViewGroupPatch, now: number): ViewGroup {
    const current = this.get(id);
    const next: ViewGroupInput = {
      name: patch.name ?? current.name, shared: current.shared,
      allRoles: patch.allRoles ?? current.allRoles,
      // Shown to every role: a role list kept from before would be misleading.
      roleIds: patch.roleIds ?? (patch.allRoles === true ? [] : current.roleIds),
    };
    this.check(next);
    this.db.transaction(() => {
      try {
        this.db.prepare('UPDATE view_group SET name = ?, all_roles = ?, updated_at = ? WHERE id = ?')
          .run(next.name.trim(), next.allRoles ? 1 : 0, now, id);
      } catch (e) {
        throw uniqueName(e, next.name);
      }
      if (patch.roleIds !== undefined || patch.allRoles !== undefined) this.writeRoles(id, next.roleIds);
      if (patch.position !== undefined) placeInList(this.db, listOf(current), id, patch.position);
    })();
    return this.get(id);
  }

  /** Deletes an empty group that is not a default one (409 naming why otherwise). */
  delete(id: string): ViewGroup {
    const current = this.get(id);
    if (current.isDefault) {
      throw new VmsError('VMS_ERR_CONFLICT', `"${current.name}" is the default ${current.shared ? 'shared' : 'private'} view group (views without a group go there); rename it instead`);
    }
    const views = this.viewCount(id);
    if (views > 0) {
      throw new VmsError('VMS_ERR_CONFLICT', `view group "${current.name}" holds ${views} ${views === 1 ? 'view' : 'views'}; move or delete ${views === 1 ? 'it' : 'them'} first`);
    }
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM view_group WHERE id = ?').run(id);
      compactList(this.db, listOf(current));
    })();
    return current;
  }

  private check(input: ViewGroupInput): void {
    const exists = this.db.prepare('SELECT 1 FROM role WHERE id = ?');
    const problem = viewGroupProblem(input, (roleId) => exists.get(roleId) !== undefined);
    if (problem) throw new VmsError('VMS_ERR_BAD_INPUT', `${problem.field}: ${problem.message}`, { field: problem.field });
  }

  private writeRoles(id: string, roleIds: readonly string[]): void {
    this.db.prepare('DELETE FROM view_group_role WHERE group_id = ?').run(id);
    const insert = this.db.prepare('INSERT INTO view_group_role (group_id, role_id) VALUES (?, ?)');
    for (const roleId of roleIds) insert.run(id, roleId);
  }
}

/** The list a group is ordered in: the shared groups, or one user's private groups. */
function listOf(g: Pick<ViewGroup, 'shared' | 'ownerId'>): OrderedList {
  return g.shared ? { table: 'view_group', where: "kind = 'shared'", args: [] } : { table: 'view_group', where: 'owner_id = ?', args: [g.ownerId] };
}

function uniqueName(e: unknown, name: string): unknown {
  return (e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE'
    ? new VmsError('VMS_ERR_CONFLICT', `a view group named ${name.trim()} exists in this list`, { field: 'name' })
    : e;
}

function toGroup(r: GroupRow): ViewGroup {
  return {
    id: r.id, name: r.name, shared: r.kind === 'shared', ownerId: r.owner_id, allRoles: r.all_roles === 1,
    roleIds: (JSON.parse(r.role_ids ?? '[]') as string[]).sort(), position: r.position, isDefault: r.is_default === 1,
    createdAt: r.created_at, updatedAt: r.updated_at,
  };
}
