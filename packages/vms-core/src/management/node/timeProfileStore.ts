import { randomUUID } from 'node:crypto';
import { VmsError } from '../../base/common/errors';
import type { Db } from '../../base/node/sqlite';
import type { StoredTimeProfile, TimeProfile } from '../common/timeProfile';
import { timeProfileIssue } from '../common/timeProfileValidation';

export interface TimeProfileInput extends TimeProfile {
  name: string;
  description?: string;
}

interface Row { id: string; name: string; description: string; rules: string }

const toProfile = (r: Row): StoredTimeProfile => ({ id: r.id, name: r.name, description: r.description, ...(JSON.parse(r.rules) as TimeProfile) });

/** Only the rule fields, in a fixed order, so stored JSON compares equal when the rules do. */
function rulesOf(p: TimeProfile): TimeProfile {
  return {
    ...(p.timeZone !== undefined ? { timeZone: p.timeZone } : {}),
    ...(p.windows !== undefined ? { windows: p.windows } : {}),
    ...(p.exceptions !== undefined ? { exceptions: p.exceptions } : {}),
    ...(p.maxAgeDays !== undefined ? { maxAgeDays: p.maxAgeDays } : {}),
  };
}

/**
 * Named time profiles (migration 006). Role grants refer to them by id; the roles read them
 * per request (RoleStore), so an edit applies at every member's next call.
 */
export class TimeProfileStore {
  constructor(private readonly db: Db) {}

  list(): StoredTimeProfile[] {
    return (this.db.prepare('SELECT * FROM time_profile ORDER BY name').all() as Row[]).map(toProfile);
  }

  get(id: string): StoredTimeProfile {
    const row = this.db.prepare('SELECT * FROM time_profile WHERE id = ?').get(id) as Row | undefined;
    if (!row) throw new VmsError('VMS_ERR_NOT_FOUND', `time profile ${id} does not exist`);
    return toProfile(row);
  }

  create(input: TimeProfileInput, now: number, id: string = randomUUID()): StoredTimeProfile {
    check(input);
    try {
      this.db.prepare('INSERT INTO time_profile (id, name, description, rules, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(id, input.name.trim(), input.description ?? '', JSON.stringify(rulesOf(input)), now, now);
    } catch (e) {
      throw uniqueName(e, input.name);
    }
    return this.get(id);
  }

  /**
   * Replaces what the patch names; `null` clears an optional rule (time zone, windows,
   * exceptions, age limit), since absent means "keep".
   */
  update(id: string, patch: Partial<{ [K in keyof TimeProfileInput]: TimeProfileInput[K] | null }>, now: number): StoredTimeProfile {
    const cur = this.get(id);
    const merged: Record<string, unknown> = { ...cur };
    for (const [k, v] of Object.entries(patch)) {
      if (v === null) delete merged[k];
      else if (v !== undefined) merged[k] = v;
    }
    const next = merged as unknown as StoredTimeProfile;
    check(next);
    try {
      this.db.prepare('UPDATE time_profile SET name = ?, description = ?, rules = ?, updated_at = ? WHERE id = ?')
        .run(next.name.trim(), next.description, JSON.stringify(rulesOf(next)), now, id);
    } catch (e) {
      throw uniqueName(e, next.name);
    }
    return this.get(id);
  }

  /** Names of the roles whose grants use the profile. */
  usedBy(id: string): string[] {
    return (this.db.prepare('SELECT DISTINCT r.name FROM role r JOIN role_grant g ON g.role_id = r.id WHERE g.time_profile_id = ? ORDER BY r.name')
      .all(id) as { name: string }[]).map((r) => r.name);
  }

  delete(id: string): StoredTimeProfile {
    const cur = this.get(id);
    const roles = this.usedBy(id);
    if (roles.length > 0) {
      throw new VmsError('VMS_ERR_CONFLICT', `time profile ${cur.name} is used by the role(s) ${roles.join(', ')}; change their grants first`);
    }
    this.db.prepare('DELETE FROM time_profile WHERE id = ?').run(id);
    return cur;
  }
}

function check(p: TimeProfileInput): void {
  if (p.name.trim() === '') throw new VmsError('VMS_ERR_BAD_INPUT', 'name: a time profile needs a name', { field: 'name' });
  const issue = timeProfileIssue(p);
  if (issue) throw new VmsError('VMS_ERR_BAD_INPUT', `${issue.field}: ${issue.message}`, { field: issue.field });
}

function uniqueName(e: unknown, name: string): unknown {
  return (e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE'
    ? new VmsError('VMS_ERR_CONFLICT', `a time profile named ${name} exists`, { field: 'name' })
    : e;
}
