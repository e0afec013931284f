import { randomUUID } from 'node:crypto';
import type { Clock } from '../../base/common/clock';
import { VmsError } from '../../base/common/errors';
import type { Db } from '../../base/node/sqlite';
import type { CameraGrant, CameraRight, RoleDefinition } from '../common/permissions';
import { ADMINISTRATORS_ROLE_ID, CAMERA_RIGHTS } from '../common/permissions';
import type { TimeProfile } from '../common/timeProfile';
import { timeProfileIssue } from '../common/timeProfileValidation';

export interface RoleInput {
  name: string;
  manageConfiguration?: boolean;
  manageUsers?: boolean;
  grants?: CameraGrant[];
}

interface RoleRow { id: string; name: string; builtin: number; manage_configuration: number; manage_users: number }
interface GrantRow {
  role_id: string; camera_id: string | null; rights: string; time_profile: string | null;
  time_profile_id: string | null; profile_rules: string | null;
}

/**
 * Roles, their camera grants and user membership in the configuration database. Decisions
 * are made by management/common/permissions.ts over what this returns.
 */
export class RoleStore {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  list(): RoleDefinition[] {
    const rows = this.db.prepare('SELECT * FROM role ORDER BY builtin DESC, name').all() as RoleRow[];
    return this.withGrants(rows);
  }

  get(id: string): RoleDefinition {
    const row = this.db.prepare('SELECT * FROM role WHERE id = ?').get(id) as RoleRow | undefined;
    if (!row) throw new VmsError('VMS_ERR_NOT_FOUND', `role ${id} does not exist`);
    return this.withGrants([row])[0]!;
  }

  /** The roles a user is a member of, read per request so changes apply at once. */
  rolesOfUser(userId: string): RoleDefinition[] {
    const rows = this.db
      .prepare('SELECT r.* FROM role r JOIN user_role ur ON ur.role_id = r.id WHERE ur.user_id = ? ORDER BY r.name')
      .all(userId) as RoleRow[];
    return this.withGrants(rows);
  }

  roleIdsOfUser(userId: string): string[] {
    return (this.db.prepare('SELECT role_id AS id FROM user_role WHERE user_id = ? ORDER BY role_id').all(userId) as { id: string }[])
      .map((r) => r.id);
  }

  membersOf(roleId: string): string[] {
    return (this.db.prepare('SELECT user_id AS id FROM user_role WHERE role_id = ?').all(roleId) as { id: string }[]).map((r) => r.id);
  }

  create(input: RoleInput): RoleDefinition {
    const id = randomUUID();
    this.db.transaction(() => {
      this.insertRow(id, input);
      this.writeGrants(id, input.grants ?? []);
    })();
    return this.get(id);
  }

  update(id: string, patch: Partial<RoleInput>): RoleDefinition {
    const cur = this.get(id);
    if (id === ADMINISTRATORS_ROLE_ID) throw new VmsError('VMS_ERR_CONFLICT', 'the built-in Administrators role cannot be changed');
    const next = { ...cur, ...patch };
    this.db.transaction(() => {
      try {
        this.db.prepare('UPDATE role SET name = ?, manage_configuration = ?, manage_users = ? WHERE id = ?')
          .run(next.name, next.manageConfiguration ? 1 : 0, next.manageUsers ? 1 : 0, id);
      } catch (e) {
        throw uniqueName(e, next.name);
      }
      if (patch.grants) this.writeGrants(id, patch.grants);
    })();
    return this.get(id);
  }

  delete(id: string): RoleDefinition {
    const cur = this.get(id);
    if (cur.builtin) throw new VmsError('VMS_ERR_CONFLICT', `the built-in ${cur.name} role cannot be deleted`);
    this.db.prepare('DELETE FROM role WHERE id = ?').run(id);
    return cur;
  }

  /** Replaces a user's memberships (in the caller's transaction when there is one). */
  setRolesOfUser(userId: string, roleIds: readonly string[]): void {
    for (const r of roleIds) this.get(r);
    this.db.prepare('DELETE FROM user_role WHERE user_id = ?').run(userId);
    const ins = this.db.prepare('INSERT INTO user_role (user_id, role_id) VALUES (?, ?)');
    for (const r of new Set(roleIds)) ins.run(userId, r);
  }

  /**
   * Grants as they read back once stored: a stored profile's rules in `timeProfile`. Rights
   * checks that compare grants (requireWithinOwnRights) need them before anything is written.
   */
  resolveGrants(grants: readonly CameraGrant[]): CameraGrant[] {
    const get = this.db.prepare('SELECT rules FROM time_profile WHERE id = ?');
    return grants.map((g) => {
      const row = g.timeProfileId === undefined ? undefined : (get.get(g.timeProfileId) as { rules: string } | undefined);
      return row ? { ...g, timeProfile: JSON.parse(row.rules) as TimeProfile } : g;
    });
  }

  private insertRow(id: string, input: RoleInput): void {
    try {
      this.db.prepare('INSERT INTO role (id, name, builtin, manage_configuration, manage_users, created_at) VALUES (?, ?, 0, ?, ?, ?)')
        .run(id, input.name, input.manageConfiguration ? 1 : 0, input.manageUsers ? 1 : 0, this.clock.now());
    } catch (e) {
      throw uniqueName(e, input.name);
    }
  }

  private writeGrants(roleId: string, grants: readonly CameraGrant[]): void {
    this.db.prepare('DELETE FROM role_grant WHERE role_id = ?').run(roleId);
    const ins = this.db.prepare('INSERT INTO role_grant (role_id, camera_id, rights, time_profile, time_profile_id) VALUES (?, ?, ?, ?, ?)');
    for (const [i, g] of grants.entries()) {
      const bad = g.rights.find((r) => !(CAMERA_RIGHTS as readonly string[]).includes(r));
      if (bad) throw new VmsError('VMS_ERR_BAD_INPUT', `unknown right "${bad}"`, { field: `grants[${i}].rights` });
      // A stored profile wins over an inline one: a client may send back the role it read, which shows both.
      const stored = g.timeProfileId !== undefined;
      if (stored && !this.db.prepare('SELECT 1 FROM time_profile WHERE id = ?').get(g.timeProfileId)) {
        throw new VmsError('VMS_ERR_BAD_INPUT', `time profile ${g.timeProfileId} does not exist`, { field: `grants[${i}].timeProfileId` });
      }
      const issue = !stored && g.timeProfile ? timeProfileIssue(g.timeProfile) : undefined;
      if (issue) {
        throw new VmsError('VMS_ERR_BAD_INPUT', `time profile: ${issue.field}: ${issue.message}`, { field: `grants[${i}].timeProfile.${issue.field}` });
      }
      if (g.cameraId !== null && !this.db.prepare('SELECT 1 FROM camera WHERE id = ?').get(g.cameraId)) {
        throw new VmsError('VMS_ERR_BAD_INPUT', `camera ${g.cameraId} does not exist`, { field: `grants[${i}].cameraId` });
      }
      ins.run(roleId, g.cameraId, JSON.stringify([...new Set(g.rights)]), !stored && g.timeProfile ? JSON.stringify(g.timeProfile) : null,
        stored ? g.timeProfileId : null);
    }
  }

  private withGrants(rows: RoleRow[]): RoleDefinition[] {
    if (rows.length === 0) return [];
    const grants = this.db
      .prepare(`SELECT g.*, tp.rules AS profile_rules FROM role_grant g LEFT JOIN time_profile tp ON tp.id = g.time_profile_id
        WHERE g.role_id IN (${rows.map(() => '?').join(',')}) ORDER BY g.id`)
      .all(...rows.map((r) => r.id)) as GrantRow[];
    return rows.map((r) => ({
      id: r.id, name: r.name, builtin: r.builtin === 1,
      manageConfiguration: r.manage_configuration === 1, manageUsers: r.manage_users === 1,
      grants: grants.filter((g) => g.role_id === r.id).map((g) => ({
        cameraId: g.camera_id, rights: JSON.parse(g.rights) as CameraRight[],
        // A stored profile is read with the grant, so editing the profile changes the grant at once.
        ...(g.time_profile_id
          ? { timeProfileId: g.time_profile_id, timeProfile: JSON.parse(g.profile_rules!) as TimeProfile }
          : g.time_profile ? { timeProfile: JSON.parse(g.time_profile) as TimeProfile } : {}),
      })),
    }));
  }
}

function uniqueName(e: unknown, name: string): unknown {
  return (e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' ? new VmsError('VMS_ERR_CONFLICT', `a role named ${name} exists`) : e;
}
