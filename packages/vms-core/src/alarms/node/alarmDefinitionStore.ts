import { randomUUID } from 'node:crypto';
import { VmsError } from '../../base/common/errors';
import { Emitter } from '../../base/common/event';
import type { Db } from '../../base/node/sqlite';
import type { AlarmDefinition, AlarmDefinitionInput } from '../common/alarm';
import type { AlarmContext } from '../common/alarmDefinitionValidation';
import { alarmDefinitionProblem } from '../common/alarmDefinitionValidation';

interface Row { id: string; name: string; enabled: number; definition: string; created_at: number; updated_at: number }

/** A change to a definition: each field replaces the stored one; `null` removes the time profile or the close event. */
export type AlarmDefinitionPatch = { [K in keyof AlarmDefinitionInput]?: AlarmDefinitionInput[K] | null };

function toDefinition(r: Row): AlarmDefinition {
  const stored = JSON.parse(r.definition) as Omit<AlarmDefinitionInput, 'name' | 'enabled'>;
  return { ...stored, id: r.id, name: r.name, enabled: r.enabled === 1, createdAt: r.created_at, updatedAt: r.updated_at };
}

/** The definition without what has columns of its own, fields in a fixed order (also what a configuration restore writes). */
export function alarmDefinitionJson(d: AlarmDefinitionInput): string {
  return JSON.stringify({
    description: d.description, trigger: d.trigger, ...(d.timeProfileId !== undefined ? { timeProfileId: d.timeProfileId } : {}),
    priority: d.priority, category: d.category.trim(), relatedCameraIds: d.relatedCameraIds, instructions: d.instructions,
    roleIds: d.roleIds, ...(d.close ? { close: d.close } : {}), sound: d.sound,
  });
}

/**
 * Alarm definitions in the configuration database (migration 008). Every write is checked
 * against what exists on the site now (`context`); the alarm service listens to onDidChange.
 */
export class AlarmDefinitionStore {
  private readonly onDidChangeEmitter = new Emitter<void>();
  readonly onDidChange = this.onDidChangeEmitter.event;

  constructor(private readonly db: Db, private readonly context: () => AlarmContext) {}

  list(): AlarmDefinition[] {
    return (this.db.prepare('SELECT * FROM alarm_definition ORDER BY name').all() as Row[]).map(toDefinition);
  }

  get(id: string): AlarmDefinition {
    const row = this.db.prepare('SELECT * FROM alarm_definition WHERE id = ?').get(id) as Row | undefined;
    if (!row) throw new VmsError('VMS_ERR_NOT_FOUND', `alarm definition ${id} does not exist`);
    return toDefinition(row);
  }

  create(input: AlarmDefinitionInput, now: number): AlarmDefinition {
    this.check(input);
    const id = randomUUID();
    try {
      this.db.prepare('INSERT INTO alarm_definition (id, name, enabled, definition, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(id, input.name.trim(), input.enabled ? 1 : 0, alarmDefinitionJson(input), now, now);
    } catch (e) {
      throw uniqueName(e, input.name);
    }
    this.onDidChangeEmitter.fire();
    return this.get(id);
  }

  update(id: string, patch: AlarmDefinitionPatch, now: number): AlarmDefinition {
    const { id: _id, createdAt: _c, updatedAt: _u, ...cur } = this.get(id);
    const merged: Record<string, unknown> = { ...cur };
    for (const [k, v] of Object.entries(patch)) {
      if (v === null) delete merged[k];
      else if (v !== undefined) merged[k] = v;
    }
    const next = merged as unknown as AlarmDefinitionInput;
    this.check(next);
    try {
      this.db.prepare('UPDATE alarm_definition SET name = ?, enabled = ?, definition = ?, updated_at = ? WHERE id = ?')
        .run(next.name.trim(), next.enabled ? 1 : 0, alarmDefinitionJson(next), now, id);
    } catch (e) {
      throw uniqueName(e, next.name);
    }
    this.onDidChangeEmitter.fire();
    return this.get(id);
  }

  /** Refused while the definition has alarms not yet closed (`openAlarms`): their operators would lose them. */
  delete(id: string, openAlarms: number): AlarmDefinition {
    const cur = this.get(id);
    if (openAlarms > 0) {
      throw new VmsError('VMS_ERR_CONFLICT', `${openAlarms} alarm(s) of ${cur.name} are not closed yet: close them first, or disable the definition instead`);
    }
    this.db.prepare('DELETE FROM alarm_definition WHERE id = ?').run(id);
    this.onDidChangeEmitter.fire();
    return cur;
  }

  /** Tells the listeners that definitions were written past this store (a configuration restore), so the alarm service reloads. */
  announceChange(): void {
    this.onDidChangeEmitter.fire();
  }

  /** Names of the definitions raising alarms only within a time profile. */
  usingTimeProfile(profileId: string): string[] {
    return this.list().filter((d) => d.timeProfileId === profileId).map((d) => d.name);
  }

  private check(def: AlarmDefinitionInput): void {
    const p = alarmDefinitionProblem(def, this.context());
    if (p) throw new VmsError('VMS_ERR_BAD_INPUT', `${p.field}: ${p.message}`, { field: p.field });
  }

  dispose(): void {
    this.onDidChangeEmitter.dispose();
  }
}

function uniqueName(e: unknown, name: string): unknown {
  return (e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE'
    ? new VmsError('VMS_ERR_CONFLICT', `an alarm definition named ${name.trim()} exists`, { field: 'name' })
    : e;
}
