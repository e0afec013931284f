import { randomUUID } from 'node:crypto';
import { VmsError } from '../../base/common/errors';
import type { Db } from '../../base/node/sqlite';
import type { UserDefinedEvent } from '../common/definedEvents';
import { nameProblem } from '../common/definedEvents';

interface Row { id: string; name: string; description: string; created_at: number; updated_at: number }

const toEvent = (r: Row): UserDefinedEvent => ({ id: r.id, name: r.name, description: r.description, createdAt: r.created_at, updatedAt: r.updated_at });

/** User-defined events in the configuration database (migration 007). Rules refer to them by id. */
export class UserDefinedEventStore {
  constructor(private readonly db: Db) {}

  list(): UserDefinedEvent[] {
    return (this.db.prepare('SELECT * FROM user_defined_event ORDER BY name').all() as Row[]).map(toEvent);
  }

  get(id: string): UserDefinedEvent {
    const row = this.db.prepare('SELECT * FROM user_defined_event WHERE id = ?').get(id) as Row | undefined;
    if (!row) throw new VmsError('VMS_ERR_NOT_FOUND', `user-defined event ${id} does not exist`);
    return toEvent(row);
  }

  create(input: { name: string; description?: string }, now: number): UserDefinedEvent {
    const problem = nameProblem(input.name, input.description);
    if (problem) throw new VmsError('VMS_ERR_BAD_INPUT', `${problem.field}: ${problem.message}`, { field: problem.field });
    const id = randomUUID();
    try {
      this.db.prepare('INSERT INTO user_defined_event (id, name, description, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
        .run(id, input.name.trim(), input.description ?? '', now, now);
    } catch (e) {
      if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
        throw new VmsError('VMS_ERR_CONFLICT', `a user-defined event named ${input.name.trim()} exists`, { field: 'name' });
      }
      throw e;
    }
    return this.get(id);
  }

  /** Renames or re-describes it; rules refer to it by id, so they keep working. */
  update(id: string, patch: { name?: string; description?: string }, now: number): UserDefinedEvent {
    const cur = this.get(id);
    const next = { name: patch.name ?? cur.name, description: patch.description ?? cur.description };
    const problem = nameProblem(next.name, next.description);
    if (problem) throw new VmsError('VMS_ERR_BAD_INPUT', `${problem.field}: ${problem.message}`, { field: problem.field });
    try {
      this.db.prepare('UPDATE user_defined_event SET name = ?, description = ?, updated_at = ? WHERE id = ?').run(next.name.trim(), next.description, now, id);
    } catch (e) {
      if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
        throw new VmsError('VMS_ERR_CONFLICT', `a user-defined event named ${next.name.trim()} exists`, { field: 'name' });
      }
      throw e;
    }
    return this.get(id);
  }

  /** Refused while a rule uses it: `usedBy` names those rules. */
  delete(id: string, usedBy: string[]): UserDefinedEvent {
    const cur = this.get(id);
    if (usedBy.length > 0) throw new VmsError('VMS_ERR_CONFLICT', `user-defined event ${cur.name} is used by the rule(s) ${usedBy.join(', ')}`);
    this.db.prepare('DELETE FROM user_defined_event WHERE id = ?').run(id);
    return cur;
  }
}
