import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { GenericEventBody, GenericEventSourceBody, RuleLogEntryBody, UserDefinedEventBody } from '../../src/api/common/eventSchemas';
import type { RuleBody } from '../../src/api/common/ruleSchemas';
import type { AuditEntryBody } from '../../src/api/common/securitySchemas';
import type { ErrorReply } from './siteFixture';
import { TestSite, until } from './siteFixture';

/** Whether a TCP connection to 127.0.0.1:port is accepted. */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Changing what the Management Client edits in place: user-defined events, generic events, and removing a listener. */
describe('editing event definitions', () => {
  it('renames a user-defined event a rule uses, and the rule keeps triggering it', async () => {
    const ts = await TestSite.open();
    const created = await ts.request<UserDefinedEventBody>('POST', '/api/user-defined-events', { name: 'Door', description: 'front door' });
    const other = await ts.request<UserDefinedEventBody>('POST', '/api/user-defined-events', { name: 'Gate' });
    const rule = await ts.request<RuleBody>('POST', '/api/rules', {
      kind: 'event', name: 'Log the door', trigger: { type: 'userDefined', definitionId: created.body.id }, actions: [{ type: 'writeRuleLog', message: 'door' }],
    });
    expect(rule.status, JSON.stringify(rule.body)).toBe(201);

    const renamed = await ts.request<UserDefinedEventBody>('PATCH', `/api/user-defined-events/${created.body.id}`, { name: 'Front door' });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Front door', description: 'front door', usedBy: ['Log the door'] });
    expect((await ts.request('POST', `/api/user-defined-events/${created.body.id}/trigger`)).status).toBe(200);
    const ruleLog = async () => (await ts.request<RuleLogEntryBody[]>('GET', `/api/rule-log?ruleId=${rule.body.id}`)).body;
    await until(async () => (await ruleLog()).some((e) => e.action === 'writeRuleLog' && e.outcome === 'ok'), () => 'the rule ran on the renamed event');

    const taken = await ts.request<ErrorReply & { field?: string }>('PATCH', `/api/user-defined-events/${other.body.id}`, { name: 'Front door' });
    expect(taken.status).toBe(409);
    expect(taken.body.field).toBe('name');
    const blank = await ts.request<ErrorReply & { field?: string }>('PATCH', `/api/user-defined-events/${other.body.id}`, { name: ' ' });
    expect(blank.status).toBe(400);
    expect(blank.body.field).toBe('name');

    const audit = (await ts.request<AuditEntryBody[]>('GET', '/api/audit-log?action=updateUserDefinedEvent')).body;
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ changes: { name: { from: 'Door', to: 'Front door' } } });
  });

  it('changes a generic event and refuses an expression that does not compile, naming the field', async () => {
    const ts = await TestSite.open();
    const source = await ts.request<GenericEventSourceBody>('POST', '/api/generic-event-sources', { name: 'Panel', protocol: 'udp', port: 0 });
    const event = await ts.request<GenericEventBody>('POST', '/api/generic-events', { name: 'Alarm', expressionType: 'search', expression: 'alarm' });
    expect(event.status).toBe(201);

    const changed = await ts.request<GenericEventBody>('PATCH', `/api/generic-events/${event.body.id}`, {
      expressionType: 'regex', expression: '^alarm \\d+$', priority: 5, sourceIds: [source.body.id], enabled: false,
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body).toMatchObject({ name: 'Alarm', expressionType: 'regex', priority: 5, sourceIds: [source.body.id], enabled: false });

    const bad = await ts.request<ErrorReply & { field?: string }>('PATCH', `/api/generic-events/${event.body.id}`, { expression: '(unclosed' });
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('expression');
    const unknownSource = await ts.request<ErrorReply & { field?: string }>('PATCH', `/api/generic-events/${event.body.id}`, { sourceIds: ['nope'] });
    expect(unknownSource.status).toBe(400);
    // Nothing of a refused change is kept.
    expect((await ts.request<GenericEventBody[]>('GET', '/api/generic-events')).body[0]).toMatchObject({ expression: '^alarm \\d+$', sourceIds: [source.body.id] });
  });

  it('deletes a generic event source only when no generic event lists it, and stops listening', async () => {
    const ts = await TestSite.open();
    const source = await ts.request<GenericEventSourceBody>('POST', '/api/generic-event-sources', { name: 'Panel', protocol: 'tcp', port: 0 });
    expect(source.body.listening).toBe(true);
    expect(await accepts(source.body.boundPort!)).toBe(true);
    const event = await ts.request<GenericEventBody>('POST', '/api/generic-events', {
      name: 'Alarm', expressionType: 'search', expression: 'alarm', sourceIds: [source.body.id],
    });

    const refused = await ts.request<ErrorReply>('DELETE', `/api/generic-event-sources/${source.body.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('Alarm');

    await ts.request('PATCH', `/api/generic-events/${event.body.id}`, { sourceIds: [] });
    expect((await ts.request('DELETE', `/api/generic-event-sources/${source.body.id}`)).status).toBe(204);
    expect((await ts.request<GenericEventSourceBody[]>('GET', '/api/generic-event-sources')).body).toEqual([]);
    expect(await accepts(source.body.boundPort!)).toBe(false);
    expect((await ts.request('DELETE', `/api/generic-event-sources/${source.body.id}`)).status).toBe(404);
    const audit = (await ts.request<AuditEntryBody[]>('GET', '/api/audit-log?action=deleteGenericEventSource')).body;
    expect(audit.map((e) => e.target)).toEqual([source.body.id]);
  });
});
