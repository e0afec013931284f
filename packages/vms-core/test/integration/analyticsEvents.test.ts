import { describe, expect, it } from 'vitest';
import type { AnalyticsSourceBody } from '../../src/api/common/analyticsSchemas';
import type { RuleLogEntryBody, SystemLogEntryBody } from '../../src/api/common/eventSchemas';
import { OffsetClock } from './securityFixture';
import type { ErrorReply } from './siteFixture';
import { TestSite, until } from './siteFixture';

/** Real time that can be held still, so a burst of requests falls in one rate window however slow the machine is. */
class HeldClock extends OffsetClock {
  heldAt: number | undefined;
  override now(): number {
    return this.heldAt ?? super.now();
  }
}

interface Sent { status: number; body: ErrorReply & { eventId: number; at: string }; headers: Record<string, unknown> }

async function send(ts: TestSite, payload: string | object, o: { type?: string; token?: string; from?: string } = {}): Promise<Sent> {
  const res = await ts.site.api.inject({
    method: 'POST', url: '/api/analytics-events', remoteAddress: o.from ?? '127.0.0.1',
    headers: { 'content-type': o.type ?? 'application/json', ...(o.token ? { 'x-analytics-token': o.token } : {}) },
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });
  return { status: res.statusCode, body: res.json(), headers: res.headers };
}

const loitering = (source: string, extra: object = {}) => ({
  source, ruleName: 'Loitering', time: '2026-01-04T10:00:00Z', description: 'someone waits by the door',
  objects: [{ type: 'person', confidence: 0.92, boundingBox: { x: 0.1, y: 0.2, width: 0.3, height: 0.5 } }, { type: 'person' }],
  locations: [{ name: 'Entrance', latitude: 55.68, longitude: 12.57 }], ...extra,
});

const TOKEN = 'a-shared-secret-of-32-characters';

async function withSource(ts: TestSite, body: object): Promise<AnalyticsSourceBody> {
  const res = await ts.request<AnalyticsSourceBody>('POST', '/api/analytics-sources', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

const systemLog = async (ts: TestSite) => (await ts.request<SystemLogEntryBody[]>('GET', '/api/system-log?source=analyticsEvents')).body.map((e) => e.message);

describe('analytics events over HTTP', () => {
  it('configures sources: addresses or a token, never returned, audited', async () => {
    const ts = await TestSite.open();
    const open = await ts.request<ErrorReply & { field: string }>('POST', '/api/analytics-sources', { name: 'Anywhere' });
    expect(open).toMatchObject({ status: 400, body: { field: 'allowedAddresses', message: expect.stringMatching(/or set a token/) } });
    expect((await ts.request<{ field: string }>('POST', '/api/analytics-sources', { name: 'Bad', allowedAddresses: ['10.0.0.300'] })).body.field).toBe('allowedAddresses[0]');
    expect((await ts.request<{ field: string }>('POST', '/api/analytics-sources', { name: 'Short', token: 'short' })).status).toBe(400);
    expect((await ts.request<{ field: string }>('POST', '/api/analytics-sources', { name: 'Cam', token: TOKEN, cameraId: 'nope' })).body.field).toBe('cameraId');

    const vca = await withSource(ts, { name: 'Lobby VCA', token: TOKEN, description: 'the lobby box' });
    expect(vca).toMatchObject({ name: 'Lobby VCA', allowedAddresses: [], hasToken: true, maxEventsPerSecond: 20, enabled: true, usedBy: [] });
    expect(JSON.stringify(vca)).not.toContain(TOKEN);
    expect((await ts.request('POST', '/api/analytics-sources', { name: 'lobby vca', token: TOKEN })).status).toBe(409);
    // Removing the token needs addresses instead.
    expect((await ts.request<{ field: string }>('PATCH', `/api/analytics-sources/${vca.id}`, { token: null })).body.field).toBe('allowedAddresses');
    const changed = await ts.request<AnalyticsSourceBody>('PATCH', `/api/analytics-sources/${vca.id}`, { token: null, allowedAddresses: ['127.0.0.0/8'] });
    expect(changed.body).toMatchObject({ hasToken: false, allowedAddresses: ['127.0.0.0/8'] });
    // The camera it watches is set, and unset with null (not a camera named "").
    const cameraId = ts.site.config.addHardware({
      driver: 'rtsp', address: '127.0.0.1:9', cameras: [{ key: 'c', name: 'Lobby', streams: [{ key: 'main', name: 'main', url: 'rtsp://127.0.0.1:9/x' }] }],
    }, {}, 'Lobby', 'live').cameras[0]!.id;
    expect((await ts.request<AnalyticsSourceBody>('PATCH', `/api/analytics-sources/${vca.id}`, { cameraId })).body.cameraId).toBe(cameraId);
    const unwatched = await ts.request<AnalyticsSourceBody>('PATCH', `/api/analytics-sources/${vca.id}`, { cameraId: null });
    expect(unwatched.status, JSON.stringify(unwatched.body)).toBe(200);
    expect(unwatched.body.cameraId).toBeUndefined();
    expect((await ts.request<AnalyticsSourceBody[]>('GET', '/api/analytics-sources')).body.map((s) => s.name)).toEqual(['Lobby VCA']);

    const audit = (await ts.request<{ action: string; target: string }[]>('GET', '/api/audit-log?text=AnalyticsSource')).body;
    expect(audit.map((e) => e.action)).toEqual(['createAnalyticsSource', 'updateAnalyticsSource', 'updateAnalyticsSource', 'updateAnalyticsSource']);
    expect(JSON.stringify(audit)).not.toContain(TOKEN);
    expect((await ts.request('DELETE', `/api/analytics-sources/${vca.id}`)).status).toBe(204);
    expect((await ts.request<unknown[]>('GET', '/api/analytics-sources')).body).toEqual([]);
  });

  it('accepts JSON and XML from a configured source and raises an analytics event', async () => {
    const ts = await TestSite.open();
    const vca = await withSource(ts, { name: 'Lobby VCA', allowedAddresses: ['127.0.0.1'], token: TOKEN });
    const json = await send(ts, loitering('lobby vca'), { token: TOKEN });
    expect(json.status, JSON.stringify(json.body)).toBe(202);
    const raised = ts.site.eventsAndRules.events.list({ type: 'analytics' });
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({
      id: json.body.eventId, definitionId: vca.id, source: { kind: 'analyticsSource', id: vca.id, name: 'Lobby VCA' },
      message: 'Lobby VCA: Loitering (2 person)', data: { ruleName: 'Loitering', from: '127.0.0.1' },
      analytics: {
        ruleName: 'Loitering', description: 'someone waits by the door', reportedAt: Date.parse('2026-01-04T10:00:00Z'),
        objects: [{ type: 'person', confidence: 0.92, boundingBox: { x: 0.1, y: 0.2, width: 0.3, height: 0.5 } }, { type: 'person' }],
        locations: [{ name: 'Entrance', latitude: 55.68, longitude: 12.57 }],
      },
    });

    const xml = `<?xml version="1.0" encoding="UTF-8"?>
      <nj:AnalyticsEvent xmlns:nj="urn:nightjar:analytics">
        <nj:Source>Lobby VCA</nj:Source><nj:RuleName>Line crossing &amp; north</nj:RuleName>
        <nj:Objects>
          <nj:Object><nj:Type>car</nj:Type><nj:Confidence>0.5</nj:Confidence><nj:BoundingBox X="0" Y="0.5" Width="0.25" Height="0.5"/></nj:Object>
          <nj:Object><nj:Type>person</nj:Type><nj:BoundingBox><nj:X>0.5</nj:X><nj:Y>0</nj:Y><nj:Width>0.1</nj:Width><nj:Height>0.2</nj:Height></nj:BoundingBox></nj:Object>
        </nj:Objects>
        <nj:Locations><nj:Location><nj:Name>Gate</nj:Name></nj:Location></nj:Locations>
      </nj:AnalyticsEvent>`;
    for (const type of ['application/xml', 'text/xml; charset=utf-8']) {
      const res = await send(ts, xml, { type, token: TOKEN });
      expect(res.status, `${type}: ${JSON.stringify(res.body)}`).toBe(202);
      expect(ts.site.eventsAndRules.events.list({ type: 'analytics' }).at(-1)).toMatchObject({
        id: res.body.eventId, message: 'Lobby VCA: Line crossing & north (1 car, 1 person)',
        analytics: {
          ruleName: 'Line crossing & north', locations: [{ name: 'Gate' }],
          objects: [{ type: 'car', confidence: 0.5, boundingBox: { x: 0, y: 0.5, width: 0.25, height: 0.5 } }, { type: 'person', boundingBox: { x: 0.5, y: 0, width: 0.1, height: 0.2 } }],
        },
      });
    }
  });

  it('refuses unknown sources, other addresses and wrong tokens with 403, logged once', async () => {
    const ts = await TestSite.open();
    await withSource(ts, { name: 'Lobby VCA', allowedAddresses: ['10.1.2.0/24'], token: TOKEN });
    for (let i = 0; i < 3; i++) {
      const unknown = await send(ts, loitering('Parking VCA'), { from: '10.1.2.3', token: TOKEN });
      expect(unknown).toMatchObject({ status: 403, body: { code: 'VMS_ERR_SOURCE_NOT_ALLOWED', message: 'analytics source "Parking VCA" is not configured on this site; configure it under analytics sources' } });
    }
    expect((await send(ts, loitering('Lobby VCA'), { from: '10.1.3.3', token: TOKEN })).body.message).toBe('analytics source Lobby VCA does not accept events from 10.1.3.3');
    expect((await send(ts, loitering('Lobby VCA'), { from: '10.1.2.3' })).body.message).toMatch(/X-Analytics-Token; none was sent/);
    expect((await send(ts, loitering('Lobby VCA'), { from: '10.1.2.3', token: `${TOKEN}x` })).body).toMatchObject({ code: 'VMS_ERR_SOURCE_NOT_ALLOWED', message: expect.stringMatching(/the one sent is wrong/) });
    expect(ts.site.eventsAndRules.events.list({ type: 'analytics' })).toEqual([]);
    const log = await systemLog(ts);
    expect(log.filter((m) => m.includes('"Parking VCA" is not configured')), 'three refusals, one entry').toHaveLength(1);
    expect(log.filter((m) => m.includes('from 10.1.3.3'))).toHaveLength(1);
    // A missing and a wrong token from one sender are one problem: logged once.
    expect(log.filter((m) => m.includes('X-Analytics-Token'))).toHaveLength(1);
    expect(log).toHaveLength(3);
    expect((await send(ts, loitering('Lobby VCA'), { from: '10.1.2.3', token: TOKEN })).status).toBe(202);
  });

  it('answers malformed, invalid and oversized bodies with 400, 413 and 415', async () => {
    const ts = await TestSite.open();
    await withSource(ts, { name: 'Lobby VCA', allowedAddresses: ['127.0.0.1'] });
    const cases: [string | object, string | undefined, number, RegExp | string][] = [
      ['{"source": "Lobby VCA", ', 'application/json', 400, /JSON/],
      ['<AnalyticsEvent><Source>Lobby VCA</Source>', 'application/xml', 400, /not well-formed XML/],
      ['<!DOCTYPE x [<!ENTITY a "aaaa">]><AnalyticsEvent><Source>&a;</Source></AnalyticsEvent>', 'application/xml', 400, /DOCTYPE/],
      ['<Event><Source>Lobby VCA</Source></Event>', 'text/xml', 400, /root element must be <AnalyticsEvent>/],
      ['<AnalyticsEvent><Source>Lobby VCA</Source><RuleName>x</RuleName><Objects><Object><Type>car</Type><Confidence>high</Confidence></Object></Objects></AnalyticsEvent>',
        'application/xml', 400, 'objects[0].confidence'],
      [loitering('Lobby VCA', { ruleName: '' }), undefined, 400, 'ruleName'],
      [loitering('Lobby VCA', { objects: [{ type: 'car', boundingBox: { x: 0.9, y: 0, width: 0.2, height: 0.1 } }] }), undefined, 400, /inside the picture/],
      [loitering('Lobby VCA', { locations: [{ name: 'Gate', latitude: 55 }] }), undefined, 400, /both latitude and longitude/],
      [loitering('Lobby VCA', { time: 'noon' }), undefined, 400, /time/],
      [loitering('Lobby VCA', { camera: 'x' }), undefined, 400, 'camera'],
      [loitering('Lobby VCA', { description: 'x'.repeat(70 * 1024) }), undefined, 413, /body/i],
      ['source=Lobby', 'text/plain', 415, /content-type/i],
    ];
    for (const [body, type, status, message] of cases) {
      const res = await send(ts, body, type ? { type } : {});
      expect(res.status, `${JSON.stringify(body).slice(0, 80)}: ${JSON.stringify(res.body)}`).toBe(status);
      if (typeof message === 'string') expect(res.body).toMatchObject({ code: 'VMS_ERR_BAD_INPUT', field: message });
      else expect(res.body.message).toMatch(message);
    }
    expect(ts.site.eventsAndRules.events.list({ type: 'analytics' })).toEqual([]);
  });

  it('refuses a flooding source with 429 and logs the flood once', async () => {
    const clock = new HeldClock();
    const ts = await TestSite.open({ clock });
    await withSource(ts, { name: 'Chatty', allowedAddresses: ['127.0.0.1'], maxEventsPerSecond: 3 });
    clock.heldAt = clock.now();
    const statuses: number[] = [];
    let retryAfter: unknown;
    for (let i = 0; i < 6; i++) {
      const res = await send(ts, loitering('Chatty'));
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers['retry-after'];
    }
    expect(statuses).toEqual([202, 202, 202, 429, 429, 429]);
    expect(retryAfter).toBe('1');
    clock.heldAt += 1000;
    expect((await send(ts, loitering('Chatty'))).status).toBe(202);
    expect((await systemLog(ts)).filter((m) => m.includes('Chatty sent more than 3 events a second'))).toHaveLength(1);
  });

  it('fires rules and raises alarms on "analytics event from SOURCE [rule name]"', async () => {
    const ts = await TestSite.open();
    const vca = await withSource(ts, { name: 'Lobby VCA', allowedAddresses: ['127.0.0.1'] });
    const rule = await ts.request<{ id: string }>('POST', '/api/rules', {
      kind: 'event', name: 'Loiterers', trigger: { type: 'analytics', definitionId: vca.id, ruleName: 'loitering' },
      actions: [{ type: 'writeRuleLog', message: 'someone loiters' }],
    });
    expect(rule.status, JSON.stringify(rule.body)).toBe(201);
    expect((await ts.request<{ field: string }>('POST', '/api/rules', {
      kind: 'event', name: 'Wrong', trigger: { type: 'motionStarted', ruleName: 'x' }, actions: [{ type: 'writeRuleLog', message: 'x' }],
    })).body.field).toBe('trigger.ruleName');
    const alarm = await ts.request('POST', '/api/alarm-definitions', {
      name: 'Loitering in the lobby', trigger: { type: 'analytics', definitionId: vca.id, ruleName: 'Loitering' }, roleIds: ['operators'],
    });
    expect(alarm.status, JSON.stringify(alarm.body)).toBe(201);

    expect((await send(ts, loitering('Lobby VCA', { ruleName: 'Line crossing' }))).status).toBe(202);
    const fired = await send(ts, loitering('Lobby VCA'));
    expect(fired.status).toBe(202);
    const ruleLog = async () => (await ts.request<RuleLogEntryBody[]>('GET', `/api/rule-log?ruleId=${rule.body.id}`)).body;
    await until(async () => (await ruleLog()).length >= 2, () => 'the rule fired');
    expect((await ruleLog()).map((e) => [e.action, e.outcome, e.message, e.eventId, e.eventType])).toEqual([
      ['writeRuleLog', 'ok', 'someone loiters', fired.body.eventId, `analytics:${vca.id}`],
      ['start', 'ok', 'analytics from Lobby VCA', fired.body.eventId, `analytics:${vca.id}`],
    ]);
    const alarms = (await ts.request<{ alarms: { event: { id: number } }[] }>('GET', '/api/alarms')).body.alarms;
    expect(alarms.map((a) => a.event.id)).toEqual([fired.body.eventId]);
    // Another of the source's analytics rules closes the alarm; the same rule cannot both raise and close.
    const definitionId = (alarm.body as { id: string }).id;
    const closeOn = (ruleName: string) => ts.request<{ field?: string; close?: object }>('PATCH', `/api/alarm-definitions/${definitionId}`, {
      close: { type: 'analytics', definitionId: vca.id, ruleName },
    });
    expect((await closeOn('LOITERING')).body.field).toBe('close.type');
    expect((await closeOn('All clear')).body.close).toEqual({ type: 'analytics', definitionId: vca.id, ruleName: 'All clear', sameSource: false });
    expect((await send(ts, loitering('Lobby VCA', { ruleName: 'All clear' }))).status).toBe(202);
    let states: string[] = [];
    await until(async () => {
      states = (await ts.request<{ alarms: { state: string }[] }>('GET', '/api/alarms')).body.alarms.map((a) => a.state);
      return states.join() === 'closed';
    }, () => `the alarm closed by "All clear"; its states: ${states.join()}`);
    // A source rules use cannot be deleted.
    expect(await ts.request('DELETE', `/api/analytics-sources/${vca.id}`)).toMatchObject({ status: 409, body: { message: expect.stringMatching(/Loiterers/) } });
  });
});
