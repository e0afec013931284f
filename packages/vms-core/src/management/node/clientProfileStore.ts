import { randomUUID } from 'node:crypto';
import { VmsError } from '../../base/common/errors';
import type { Db } from '../../base/node/sqlite';
import type { ClientProfile, ClientProfileInput, ClientProfileSettings } from '../common/clientProfile';
import { CLIENT_PROFILE_LIMITS, clientProfileProblem, completeSettings, effectiveClientProfile, sortClientProfiles } from '../common/clientProfile';
import type { OrderedList } from './listOrder';
import { compactList, placeInList } from './listOrder';

interface ProfileRow {
  id: string; name: string; description: string; is_default: number; position: number; settings: string;
  created_at: number; updated_at: number; role_ids: string | null;
}

export interface ClientProfilePatch {
  name?: string;
  description?: string;
  roleIds?: string[];
  /** Only the settings named change. */
  settings?: Partial<ClientProfileSettings>;
  position?: number;
}

const SELECT = `SELECT p.*, (SELECT json_group_array(role_id) FROM client_profile_role r WHERE r.profile_id = p.id) AS role_ids FROM client_profile p`;
/** The profiles ordered by hand; the default profile stays last outside this list. */
const RANKED: OrderedList = { table: 'client_profile', where: 'is_default = 0', args: [] };

/**
 * Smart Client profiles in the configuration database (schema: migrations/013). A role is
 * assigned to at most one profile: assigning it here takes it from the profile that had it (the
 * caller reads the list before, to say so in the audit log).
 */
export class ClientProfileStore {
  constructor(private readonly db: Db) {}

  /** By priority, the default profile last. */
  list(): ClientProfile[] {
    return sortClientProfiles((this.db.prepare(SELECT).all() as ProfileRow[]).map(toProfile));
  }

  get(id: string): ClientProfile {
    const row = this.db.prepare(`${SELECT} WHERE p.id = ?`).get(id) as ProfileRow | undefined;
    if (!row) throw new VmsError('VMS_ERR_NOT_FOUND', `client profile ${id} does not exist`);
    return toProfile(row);
  }

  /** The profile a member of these roles gets (clientProfile.ts, effectiveClientProfile). */
  effectiveFor(roleIds: readonly string[]): ClientProfile {
    const profile = effectiveClientProfile(this.list(), roleIds);
    // Migration 013 creates it and delete() refuses it: a missing default is a damaged database.
    if (!profile) throw new VmsError('VMS_ERR_DATA_CORRUPT', 'the default client profile is missing from the configuration database');
    return profile;
  }

  /** A new profile with the given settings completed from the defaults, at `position` in the priority order (last when absent). */
  create(input: Omit<ClientProfileInput, 'settings'> & { settings?: Partial<ClientProfileSettings> }, now: number, position?: number): ClientProfile {
    const next = { ...input, name: input.name.trim(), settings: completeSettings(input.settings), isDefault: false };
    this.check(next);
    const id = randomUUID();
    this.db.transaction(() => {
      const count = (this.db.prepare('SELECT COUNT(*) AS n FROM client_profile').get() as { n: number }).n;
      if (count >= CLIENT_PROFILE_LIMITS.maxProfiles) {
        throw new VmsError('VMS_ERR_BAD_INPUT', `at most ${CLIENT_PROFILE_LIMITS.maxProfiles} client profiles; delete some first`);
      }
      try {
        this.db.prepare(`INSERT INTO client_profile (id, name, description, is_default, position, settings, created_at, updated_at)
                         VALUES (?, ?, ?, 0, ?, ?, ?, ?)`)
          .run(id, next.name, next.description, count, JSON.stringify(next.settings), now, now);
      } catch (e) {
        throw uniqueName(e, next.name);
      }
      this.assignRoles(id, next.roleIds);
      placeInList(this.db, RANKED, id, position);
    })();
    return this.get(id);
  }

  /** Changes what the patch names; the default profile takes no roles and keeps its place (last). */
  update(id: string, patch: ClientProfilePatch, now: number): ClientProfile {
    const current = this.get(id);
    const next = {
      name: (patch.name ?? current.name).trim(), description: patch.description ?? current.description,
      roleIds: patch.roleIds ?? current.roleIds, settings: completeSettings(patch.settings, current.settings), isDefault: current.isDefault,
    };
    this.check(next);
    if (current.isDefault && patch.position !== undefined) {
      throw new VmsError('VMS_ERR_BAD_INPUT', 'position: the default profile comes last, after every profile assigned to roles', { field: 'position' });
    }
    this.db.transaction(() => {
      try {
        this.db.prepare('UPDATE client_profile SET name = ?, description = ?, settings = ?, updated_at = ? WHERE id = ?')
          .run(next.name, next.description, JSON.stringify(next.settings), now, id);
      } catch (e) {
        throw uniqueName(e, next.name);
      }
      if (patch.roleIds !== undefined) this.assignRoles(id, next.roleIds);
      if (patch.position !== undefined) placeInList(this.db, RANKED, id, patch.position);
    })();
    return this.get(id);
  }

  /** Deletes a profile; its roles fall back to the default profile. The default profile stays. */
  delete(id: string): ClientProfile {
    const current = this.get(id);
    if (current.isDefault) {
      throw new VmsError('VMS_ERR_CONFLICT', `"${current.name}" is the default client profile (roles without a profile use it); change it instead`);
    }
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM client_profile WHERE id = ?').run(id);
      compactList(this.db, RANKED);
    })();
    return current;
  }

  private check(p: ClientProfileInput & { isDefault: boolean }): void {
    const exists = this.db.prepare('SELECT 1 FROM role WHERE id = ?');
    const problem = clientProfileProblem(p, (roleId) => exists.get(roleId) !== undefined);
    if (problem) throw new VmsError('VMS_ERR_BAD_INPUT', `${problem.field}: ${problem.message}`, { field: problem.field });
  }

  /** The profile's roles become exactly these; each is taken from whichever profile had it. */
  private assignRoles(id: string, roleIds: readonly string[]): void {
    this.db.prepare('DELETE FROM client_profile_role WHERE profile_id = ?').run(id);
    const assign = this.db.prepare(`INSERT INTO client_profile_role (role_id, profile_id) VALUES (?, ?)
                                    ON CONFLICT (role_id) DO UPDATE SET profile_id = excluded.profile_id`);
    for (const roleId of roleIds) assign.run(roleId, id);
  }
}

function uniqueName(e: unknown, name: string): unknown {
  return (e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE'
    ? new VmsError('VMS_ERR_CONFLICT', `a client profile named ${name} exists`, { field: 'name' })
    : e;
}

function toProfile(r: ProfileRow): ClientProfile {
  return {
    id: r.id, name: r.name, description: r.description, isDefault: r.is_default === 1, position: r.position,
    roleIds: (JSON.parse(r.role_ids ?? '[]') as string[]).sort(),
    settings: completeSettings(JSON.parse(r.settings) as Partial<ClientProfileSettings>),
    createdAt: r.created_at, updatedAt: r.updated_at,
  };
}
