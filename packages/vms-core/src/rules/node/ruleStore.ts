import { randomUUID } from 'node:crypto';
import { VmsError } from '../../base/common/errors';
import { Emitter } from '../../base/common/event';
import type { Db } from '../../base/node/sqlite';
import type { BuiltInRuleId, Rule, RuleAction, RuleDefinition } from '../common/rule';
import type { RuleContext } from '../common/ruleValidation';
import { ruleProblem } from '../common/ruleValidation';

interface Row { id: string; name: string; enabled: number; definition: string; built_in: BuiltInRuleId | null; created_at: number; updated_at: number }

/**
 * A change to a rule: fields of its sentence, each replacing the stored one; `null` removes the
 * time profile, the trigger or the stop trigger. The merged rule is checked as a whole.
 */
export type RulePatch = Record<string, unknown>;

function toRule(r: Row): Rule {
  const stored = JSON.parse(r.definition) as RuleDefinition;
  return {
    ...stored, id: r.id, name: r.name, enabled: r.enabled === 1, createdAt: r.created_at, updatedAt: r.updated_at,
    ...(r.built_in ? { builtIn: r.built_in } : {}),
  } as Rule;
}

/** The sentence without what has columns of its own (also what a configuration restore writes). */
export function ruleDefinitionJson(d: RuleDefinition): string {
  const { name: _name, enabled: _enabled, ...rest } = d;
  return JSON.stringify(rest);
}

/**
 * Rules in the configuration database (migration 007). Every write is checked against what
 * exists on the site now (`context`); listeners of onDidChange (the engine) reload at once.
 */
export class RuleStore {
  private readonly onDidChangeEmitter = new Emitter<void>();
  readonly onDidChange = this.onDidChangeEmitter.event;

  constructor(private readonly db: Db, private readonly context: () => RuleContext) {}

  list(): Rule[] {
    return (this.db.prepare('SELECT * FROM rule ORDER BY built_in IS NULL, name').all() as Row[]).map(toRule);
  }

  get(id: string): Rule {
    const row = this.db.prepare('SELECT * FROM rule WHERE id = ?').get(id) as Row | undefined;
    if (!row) throw new VmsError('VMS_ERR_NOT_FOUND', `rule ${id} does not exist`);
    return toRule(row);
  }

  create(def: RuleDefinition, now: number): Rule {
    this.check(def);
    const id = randomUUID();
    try {
      this.db.prepare('INSERT INTO rule (id, name, enabled, definition, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(id, def.name.trim(), def.enabled ? 1 : 0, ruleDefinitionJson(def), now, now);
    } catch (e) {
      throw uniqueName(e, def.name);
    }
    this.onDidChangeEmitter.fire();
    return this.get(id);
  }

  update(id: string, patch: RulePatch, now: number): Rule {
    const cur = this.get(id);
    const merged: Record<string, unknown> = { ...cur };
    for (const k of ['id', 'createdAt', 'updatedAt', 'builtIn'] as const) delete merged[k];
    for (const [k, v] of Object.entries(patch)) {
      if (v === null) delete merged[k];
      else if (v !== undefined) merged[k] = v;
    }
    const next = merged as unknown as RuleDefinition;
    this.check(next);
    try {
      this.db.prepare('UPDATE rule SET name = ?, enabled = ?, definition = ?, updated_at = ? WHERE id = ?')
        .run(next.name.trim(), next.enabled ? 1 : 0, ruleDefinitionJson(next), now, id);
    } catch (e) {
      throw uniqueName(e, next.name);
    }
    this.onDidChangeEmitter.fire();
    return this.get(id);
  }

  delete(id: string): Rule {
    const cur = this.get(id);
    this.db.prepare('DELETE FROM rule WHERE id = ?').run(id);
    this.onDidChangeEmitter.fire();
    return cur;
  }

  /** Tells the listeners that rules were written past this store (a configuration restore), so the engine reloads. */
  announceChange(): void {
    this.onDidChangeEmitter.fire();
  }

  /** Names of the rules that trigger on, or trigger, a user-defined or generic event. */
  usingDefinition(definitionId: string): string[] {
    const mentions = (a: RuleAction) => a.type === 'triggerUserDefinedEvent' && a.userDefinedEventId === definitionId;
    return this.list().filter((r) => ((r.kind === 'event' && r.trigger.definitionId === definitionId) ||
      [...r.actions, ...r.stopActions].some(mentions))).map((r) => r.name);
  }

  /** Names of the rules that send through a notification profile. */
  usingNotificationProfile(profileId: string): string[] {
    const mentions = (a: RuleAction) => a.type === 'sendNotification' && a.notificationProfileId === profileId;
    return this.list().filter((r) => [...r.actions, ...r.stopActions].some(mentions)).map((r) => r.name);
  }

  /** Names of the rules running within a time profile. */
  usingTimeProfile(profileId: string): string[] {
    return this.list().filter((r) => r.timeProfileId === profileId).map((r) => r.name);
  }

  private check(def: RuleDefinition): void {
    const p = ruleProblem(def, this.context());
    if (p) throw new VmsError('VMS_ERR_BAD_INPUT', `${p.field}: ${p.message}`, { field: p.field });
  }

  dispose(): void {
    this.onDidChangeEmitter.dispose();
  }
}

function uniqueName(e: unknown, name: string): unknown {
  return (e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' ? new VmsError('VMS_ERR_CONFLICT', `a rule named ${name.trim()} exists`, { field: 'name' }) : e;
}
