/**
 * The Smart Client part of a configuration restore: shared view groups and client profiles
 * (docs/design/client-profiles.md, "Backup"). Checked with the rest of the file before anything
 * is written, applied inside the import's transaction. A file without these lists (made before
 * they existed) leaves them as they are; a file with them replaces them, except that the default
 * shared group and the default profile always stay. Views are not configuration: views in a
 * shared group the file lacks move to the default shared group rather than vanish.
 */
import { VmsError } from '../../base/common/errors';
import type { Db } from '../../base/node/sqlite';
import { DEFAULT_CLIENT_PROFILE_ID, clientProfileProblem } from '../common/clientProfile';
import type { ConfigurationDocument } from '../common/configurationDocument';
import { DEFAULT_SHARED_GROUP_ID, viewGroupProblem } from '../common/viewGroup';
import type { ImportCounts } from './configurationImport';
import { compactList } from './listOrder';

const bad = (field: string, message: string) => new VmsError('VMS_ERR_BAD_INPUT', `${field}: ${message}`, { field });

/** Throws naming the item ("document.<list>[i]") whose key an earlier item already has. */
export function uniqueBy<T>(items: readonly T[], key: (t: T) => string, list: string, what: string): void {
  const seen = new Map<string, number>();
  for (const [i, item] of items.entries()) {
    const k = key(item);
    const first = seen.get(k);
    if (first !== undefined) throw bad(`document.${list}[${i}]`, `${what} "${k}" is also used by ${list}[${first}]`);
    seen.set(k, i);
  }
}

/** Throws VMS_ERR_BAD_INPUT naming the field when the groups or profiles do not hold together. */
export function checkClientConfiguration(doc: Pick<ConfigurationDocument, 'roles' | 'viewGroups' | 'clientProfiles'>): void {
  const roles = new Set(doc.roles.map((r) => r.id));
  const roleExists = (id: string) => roles.has(id);
  const groups = doc.viewGroups ?? [];
  uniqueBy(groups, (g) => g.id, 'viewGroups', 'id');
  uniqueBy(groups, (g) => g.name.trim().toLowerCase(), 'viewGroups', 'name');
  for (const [i, g] of groups.entries()) {
    const problem = viewGroupProblem({ name: g.name, shared: true, allRoles: g.allRoles, roleIds: g.roleIds }, roleExists);
    if (problem) throw bad(`document.viewGroups[${i}].${problem.field}`, problem.message);
  }
  const profiles = doc.clientProfiles ?? [];
  uniqueBy(profiles, (p) => p.id, 'clientProfiles', 'id');
  uniqueBy(profiles, (p) => p.name.trim().toLowerCase(), 'clientProfiles', 'name');
  const assigned = new Map<string, number>();
  for (const [i, p] of profiles.entries()) {
    const problem = clientProfileProblem({ ...p, isDefault: p.id === DEFAULT_CLIENT_PROFILE_ID }, roleExists);
    if (problem) throw bad(`document.clientProfiles[${i}].${problem.field}`, problem.message);
    for (const r of p.roleIds) {
      const other = assigned.get(r);
      if (other !== undefined) throw bad(`document.clientProfiles[${i}].roleIds`, `role ${r} is also assigned to clientProfiles[${other}]; a role has one profile`);
      assigned.set(r, i);
    }
  }
}

export interface ClientImportCounts {
  viewGroups?: ImportCounts;
  clientProfiles?: ImportCounts;
}

/** Writes the file's shared groups and profiles; runs inside the import's transaction. */
export function applyClientConfiguration(db: Db, doc: ConfigurationDocument, now: number): ClientImportCounts {
  const out: ClientImportCounts = {};
  if (doc.viewGroups) out.viewGroups = applyViewGroups(db, doc.viewGroups, now);
  if (doc.clientProfiles) out.clientProfiles = applyClientProfiles(db, doc.clientProfiles, now);
  return out;
}

function counts(had: ReadonlySet<string>, incoming: readonly { id: string }[], kept: string): ImportCounts {
  const ids = new Set(incoming.map((o) => o.id));
  const added = incoming.filter((o) => !had.has(o.id)).length;
  return { added, changed: incoming.length - added, removed: [...had].filter((id) => !ids.has(id) && id !== kept).length };
}

function applyViewGroups(db: Db, groups: NonNullable<ConfigurationDocument['viewGroups']>, now: number): ImportCounts {
  const had = new Set((db.prepare("SELECT id FROM view_group WHERE kind = 'shared'").all() as { id: string }[]).map((r) => r.id));
  const keep = new Set([...groups.map((g) => g.id), DEFAULT_SHARED_GROUP_ID]);
  for (const id of had) {
    if (keep.has(id)) continue;
    db.prepare('UPDATE saved_view SET group_id = ? WHERE group_id = ?').run(DEFAULT_SHARED_GROUP_ID, id);
    db.prepare('DELETE FROM view_group WHERE id = ?').run(id);
  }
  // Names are unique at once, not at commit: park the kept ones under their ids so a file that
  // swaps two names does not collide halfway. Behind char(1), not char(0): NOCASE compares stop
  // at a NUL, so every parked id of one length (every UUID) would be the same name.
  db.prepare("UPDATE view_group SET name = char(1) || id WHERE kind = 'shared'").run();
  const role = db.prepare('INSERT INTO view_group_role (group_id, role_id) VALUES (?, ?)');
  for (const g of groups) {
    db.prepare(`INSERT INTO view_group (id, name, kind, owner_id, all_roles, is_default, position, created_at, updated_at)
                VALUES (?, ?, 'shared', NULL, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, all_roles = excluded.all_roles, position = excluded.position, updated_at = excluded.updated_at`)
      .run(g.id, g.name.trim(), g.allRoles ? 1 : 0, g.id === DEFAULT_SHARED_GROUP_ID ? 1 : 0, g.position, now, now);
    db.prepare('DELETE FROM view_group_role WHERE group_id = ?').run(g.id);
    for (const r of new Set(g.roleIds)) role.run(g.id, r);
  }
  // The default group the file lacked gets its name back.
  db.prepare("UPDATE view_group SET name = 'Shared' WHERE id = ? AND name = char(1) || id").run(DEFAULT_SHARED_GROUP_ID);
  compactList(db, { table: 'view_group', where: "kind = 'shared'", args: [] });
  return counts(had, groups, DEFAULT_SHARED_GROUP_ID);
}

function applyClientProfiles(db: Db, profiles: NonNullable<ConfigurationDocument['clientProfiles']>, now: number): ImportCounts {
  const had = new Set((db.prepare('SELECT id FROM client_profile').all() as { id: string }[]).map((r) => r.id));
  const keep = new Set([...profiles.map((p) => p.id), DEFAULT_CLIENT_PROFILE_ID]);
  for (const id of had) if (!keep.has(id)) db.prepare('DELETE FROM client_profile WHERE id = ?').run(id);
  db.prepare('UPDATE client_profile SET name = char(1) || id').run();
  db.prepare('DELETE FROM client_profile_role').run();
  const role = db.prepare('INSERT INTO client_profile_role (role_id, profile_id) VALUES (?, ?)');
  for (const p of profiles) {
    db.prepare(`INSERT INTO client_profile (id, name, description, is_default, position, settings, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, description = excluded.description, position = excluded.position,
                  settings = excluded.settings, updated_at = excluded.updated_at`)
      .run(p.id, p.name.trim(), p.description, p.id === DEFAULT_CLIENT_PROFILE_ID ? 1 : 0, p.position, JSON.stringify(p.settings), now, now);
    for (const r of new Set(p.roleIds)) role.run(r, p.id);
  }
  db.prepare("UPDATE client_profile SET name = 'Default' WHERE id = ? AND name = char(1) || id").run(DEFAULT_CLIENT_PROFILE_ID);
  compactList(db, { table: 'client_profile', where: 'is_default = 0', args: [] });
  return counts(had, profiles, DEFAULT_CLIENT_PROFILE_ID);
}
