import { randomUUID } from 'node:crypto';
import { VmsError } from '../../base/common/errors';
import type { Db } from '../../base/node/sqlite';
import type { FieldProblem, GenericEvent, GenericEventInput, GenericEventSource, GenericEventSourceConfig } from '../common/definedEvents';
import { defaultGenericSource, genericEventProblem, genericSourceProblem } from '../common/definedEvents';

interface SourceRow {
  id: string; name: string; protocol: 'tcp' | 'udp'; port: number; bind_address: string; allowed_addresses: string; separators: string;
  encoding: GenericEventSource['encoding']; max_message_bytes: number; max_messages_per_second: number; enabled: number; created_at: number; updated_at: number;
}

interface EventRow {
  id: string; name: string; description: string; expression_type: GenericEvent['expressionType']; expression: string; case_sensitive: number;
  priority: number; source_ids: string; enabled: number; created_at: number; updated_at: number;
}

const toSource = (r: SourceRow): GenericEventSource => ({
  id: r.id, name: r.name, protocol: r.protocol, port: r.port, bindAddress: r.bind_address,
  allowedAddresses: JSON.parse(r.allowed_addresses) as string[], separators: JSON.parse(r.separators) as string[], encoding: r.encoding,
  maxMessageBytes: r.max_message_bytes, maxMessagesPerSecond: r.max_messages_per_second, enabled: r.enabled === 1, createdAt: r.created_at, updatedAt: r.updated_at,
});

const toEvent = (r: EventRow): GenericEvent => ({
  id: r.id, name: r.name, description: r.description, expressionType: r.expression_type, expression: r.expression, caseSensitive: r.case_sensitive === 1,
  priority: r.priority, sourceIds: JSON.parse(r.source_ids) as string[], enabled: r.enabled === 1, createdAt: r.created_at, updatedAt: r.updated_at,
});

function refuse(p: FieldProblem | undefined): void {
  if (p) throw new VmsError('VMS_ERR_BAD_INPUT', `${p.field}: ${p.message}`, { field: p.field });
}

function uniqueName(e: unknown, what: string, name: string): unknown {
  return (e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' ? new VmsError('VMS_ERR_CONFLICT', `a ${what} named ${name} exists`, { field: 'name' }) : e;
}

/** Generic event sources (listeners) and generic events (migration 007). */
export class GenericEventStore {
  constructor(private readonly db: Db) {}

  listSources(): GenericEventSource[] {
    return (this.db.prepare('SELECT * FROM generic_event_source ORDER BY name').all() as SourceRow[]).map(toSource);
  }

  getSource(id: string): GenericEventSource {
    const row = this.db.prepare('SELECT * FROM generic_event_source WHERE id = ?').get(id) as SourceRow | undefined;
    if (!row) throw new VmsError('VMS_ERR_NOT_FOUND', `generic event source ${id} does not exist`);
    return toSource(row);
  }

  createSource(input: Partial<GenericEventSourceConfig> & Pick<GenericEventSourceConfig, 'name' | 'protocol' | 'port'>, now: number): GenericEventSource {
    const s: GenericEventSourceConfig = { ...defaultGenericSource, ...input };
    const id = randomUUID();
    this.checkSource(s, id);
    try {
      this.db.prepare(`INSERT INTO generic_event_source (id, name, protocol, port, bind_address, allowed_addresses, separators, encoding,
          max_message_bytes, max_messages_per_second, enabled, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(id, s.name.trim(), s.protocol, s.port, s.bindAddress, JSON.stringify(s.allowedAddresses), JSON.stringify(s.separators), s.encoding,
          s.maxMessageBytes, s.maxMessagesPerSecond, s.enabled ? 1 : 0, now, now);
    } catch (e) {
      throw uniqueName(e, 'generic event source', s.name);
    }
    return this.getSource(id);
  }

  updateSource(id: string, patch: Partial<GenericEventSourceConfig>, now: number): GenericEventSource {
    const s = { ...this.getSource(id), ...patch };
    this.checkSource(s, id);
    try {
      this.db.prepare(`UPDATE generic_event_source SET name = ?, protocol = ?, port = ?, bind_address = ?, allowed_addresses = ?, separators = ?,
          encoding = ?, max_message_bytes = ?, max_messages_per_second = ?, enabled = ?, updated_at = ? WHERE id = ?`)
        .run(s.name.trim(), s.protocol, s.port, s.bindAddress, JSON.stringify(s.allowedAddresses), JSON.stringify(s.separators), s.encoding,
          s.maxMessageBytes, s.maxMessagesPerSecond, s.enabled ? 1 : 0, now, id);
    } catch (e) {
      throw uniqueName(e, 'generic event source', s.name);
    }
    return this.getSource(id);
  }

  /** Refused while a generic event matches only listed sources including it: it would silently match fewer. */
  deleteSource(id: string): GenericEventSource {
    const cur = this.getSource(id);
    const users = this.listEvents().filter((e) => e.sourceIds.includes(id)).map((e) => e.name);
    if (users.length > 0) throw new VmsError('VMS_ERR_CONFLICT', `generic event source ${cur.name} is listed by the generic event(s) ${users.join(', ')}`);
    this.db.prepare('DELETE FROM generic_event_source WHERE id = ?').run(id);
    return cur;
  }

  private checkSource(s: GenericEventSourceConfig, id: string): void {
    refuse(genericSourceProblem(s));
    // Two listeners on one port: the second would fail to bind, so refuse it here with a name.
    const clash = s.port !== 0 && this.listSources().find((o) => o.id !== id && o.protocol === s.protocol && o.port === s.port);
    if (clash) throw new VmsError('VMS_ERR_CONFLICT', `generic event source ${clash.name} already listens on ${s.protocol} port ${s.port}`, { field: 'port' });
  }

  listEvents(): GenericEvent[] {
    return (this.db.prepare('SELECT * FROM generic_event ORDER BY priority, name').all() as EventRow[]).map(toEvent);
  }

  getEvent(id: string): GenericEvent {
    const row = this.db.prepare('SELECT * FROM generic_event WHERE id = ?').get(id) as EventRow | undefined;
    if (!row) throw new VmsError('VMS_ERR_NOT_FOUND', `generic event ${id} does not exist`);
    return toEvent(row);
  }

  createEvent(input: GenericEventInput, now: number): GenericEvent {
    refuse(genericEventProblem(input, new Set(this.listSources().map((s) => s.id))));
    const id = randomUUID();
    try {
      this.db.prepare(`INSERT INTO generic_event (id, name, description, expression_type, expression, case_sensitive, priority, source_ids, enabled,
          created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(id, input.name.trim(), input.description, input.expressionType, input.expression, input.caseSensitive ? 1 : 0, input.priority,
          JSON.stringify(input.sourceIds), input.enabled ? 1 : 0, now, now);
    } catch (e) {
      throw uniqueName(e, 'generic event', input.name);
    }
    return this.getEvent(id);
  }

  updateEvent(id: string, patch: Partial<GenericEventInput>, now: number): GenericEvent {
    const e = { ...this.getEvent(id), ...patch };
    refuse(genericEventProblem(e, new Set(this.listSources().map((s) => s.id))));
    try {
      this.db.prepare(`UPDATE generic_event SET name = ?, description = ?, expression_type = ?, expression = ?, case_sensitive = ?, priority = ?,
          source_ids = ?, enabled = ?, updated_at = ? WHERE id = ?`)
        .run(e.name.trim(), e.description, e.expressionType, e.expression, e.caseSensitive ? 1 : 0, e.priority, JSON.stringify(e.sourceIds), e.enabled ? 1 : 0, now, id);
    } catch (err) {
      throw uniqueName(err, 'generic event', e.name);
    }
    return this.getEvent(id);
  }

  /** Refused while a rule uses it: `usedBy` names those rules. */
  deleteEvent(id: string, usedBy: string[]): GenericEvent {
    const cur = this.getEvent(id);
    if (usedBy.length > 0) throw new VmsError('VMS_ERR_CONFLICT', `generic event ${cur.name} is used by the rule(s) ${usedBy.join(', ')}`);
    this.db.prepare('DELETE FROM generic_event WHERE id = ?').run(id);
    return cur;
  }
}
