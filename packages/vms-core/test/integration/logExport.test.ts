import { describe, expect, it } from 'vitest';
import type { AuditEntryBody } from '../../src/api/common/securitySchemas';
import type { RuleLogEntryBody, SystemLogEntryBody } from '../../src/api/common/eventSchemas';
import { TestSite } from './siteFixture';

/** RFC 4180 records, read the way a spreadsheet would (quoted fields may hold commas, quotes and line ends). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') field += text[i++];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  expect(field, 'the last record ends with CRLF').toBe('');
  return rows;
}

async function csv(ts: TestSite, url: string): Promise<{ status: number; type: string | undefined; disposition: string | undefined; rows: string[][] }> {
  const res = await ts.site.api.inject({ method: 'GET', url, headers: { authorization: `Bearer ${ts.token}` } });
  return {
    status: res.statusCode, type: res.headers['content-type'] as string | undefined,
    disposition: res.headers['content-disposition'] as string | undefined, rows: res.statusCode === 200 ? parseCsv(res.body) : [],
  };
}

describe('log exports to CSV', () => {
  it('exports the system log with its filters, quoting what needs it, across many pages', async () => {
    const ts = await TestSite.open();
    const log = ts.site.eventsAndRules.systemLog;
    const tricky = ['comma, inside', 'a "quoted" word', 'two\r\nlines', '=cmd|calc', '-minus first'];
    for (const m of tricky) log.write('warning', 'export-test', m, 'VMS_ERR_BAD_INPUT');
    for (let i = 0; i < 2345; i++) log.write('information', 'export-bulk', `entry ${i}`);

    const all = await csv(ts, '/api/logs/system.csv?source=export-bulk');
    expect(all).toMatchObject({ status: 200, type: 'text/csv; charset=utf-8', disposition: expect.stringMatching(/^attachment; filename="system-log-.*\.csv"$/) });
    expect(all.rows[0]).toEqual(['seq', 'time', 'level', 'source', 'code', 'message']);
    const bulk = all.rows.slice(1);
    expect(bulk).toHaveLength(2345);
    // Newest first, every entry once, across the 1,000-entry pages.
    expect(bulk.map((r) => r[5])).toEqual(Array.from({ length: 2345 }, (_, i) => `entry ${2344 - i}`));
    expect(new Set(bulk.map((r) => r[0])).size).toBe(2345);

    const warnings = await csv(ts, '/api/logs/system.csv?level=warning&source=export-test');
    const listed = (await ts.request<SystemLogEntryBody[]>('GET', '/api/system-log?level=warning&source=export-test')).body;
    expect(warnings.rows.slice(1)).toEqual(listed.map((e) => [String(e.seq), e.at, e.level, e.source, e.code ?? '', expect.any(String)]));
    expect(warnings.rows.slice(1).map((r) => r[5])).toEqual(['-minus first', '=cmd|calc', 'two\r\nlines', 'a "quoted" word', 'comma, inside']
      .map((m) => (/^[=+\-@]/.test(m) ? `'${m}` : m)));

    const text = await csv(ts, `/api/logs/system.csv?text=${encodeURIComponent('quoted')}`);
    expect(text.rows.slice(1).map((r) => r[5])).toEqual(['a "quoted" word']);
    const future = new Date(Date.now() + 3600_000).toISOString();
    expect((await csv(ts, `/api/logs/system.csv?from=${future}`)).rows).toEqual([['seq', 'time', 'level', 'source', 'code', 'message']]);
    expect((await csv(ts, '/api/logs/system.csv?from=yesterday')).status).toBe(400);
    expect((await csv(ts, '/api/logs/system.csv?limit=5')).status, 'paging is not an export filter').toBe(400);
  });

  it('exports the rule log filtered by rule and outcome', async () => {
    const ts = await TestSite.open();
    const rules = ts.site.eventsAndRules.ruleLog;
    for (let i = 0; i < 3; i++) rules.write({ ruleId: 'r1', ruleName: 'Door, main', action: 'start', outcome: 'ok', message: `fired ${i}`, eventId: i, eventType: 'userDefined:x', sourceId: 'x' });
    rules.write({ ruleId: 'r1', ruleName: 'Door, main', action: 'startRecording', outcome: 'failed', message: 'camera "A" is gone' });
    rules.write({ ruleId: 'r2', ruleName: 'Other', action: 'start', outcome: 'ok', message: 'other' });

    const r1 = await csv(ts, '/api/logs/rules.csv?ruleId=r1');
    expect(r1.status).toBe(200);
    expect(r1.rows[0]).toEqual(['seq', 'time', 'ruleId', 'ruleName', 'eventId', 'eventType', 'sourceId', 'action', 'outcome', 'message']);
    const listed = (await ts.request<RuleLogEntryBody[]>('GET', '/api/rule-log?ruleId=r1')).body;
    expect(r1.rows.slice(1)).toEqual(listed.map((e) => [
      String(e.seq), e.at, e.ruleId, e.ruleName, e.eventId === undefined ? '' : String(e.eventId), e.eventType ?? '', e.sourceId ?? '', e.action, e.outcome, e.message,
    ]));
    expect(r1.rows.slice(1).map((r) => r[9])).toEqual(['camera "A" is gone', 'fired 2', 'fired 1', 'fired 0']);
    expect((await csv(ts, '/api/logs/rules.csv?ruleId=r1&outcome=failed')).rows.slice(1).map((r) => r[8])).toEqual(['failed']);
  });

  it('exports the audit log oldest first by default, newest first when asked', async () => {
    const ts = await TestSite.open();
    for (const name of ['Lobby, east', 'Yard']) {
      expect((await ts.request('POST', '/api/user-defined-events', { name })).status).toBe(201);
    }
    const oldest = await csv(ts, '/api/audit-log.csv?action=createUserDefinedEvent');
    expect(oldest.rows[0]).toEqual(['id', 'time', 'userId', 'username', 'address', 'action', 'target', 'outcome', 'details']);
    const listed = (await ts.request<AuditEntryBody[]>('GET', '/api/audit-log?action=createUserDefinedEvent')).body;
    expect(oldest.rows.slice(1)).toEqual(listed.map((e) => [
      String(e.id), e.at, e.userId ?? '', e.username ?? '', e.source ?? '', e.action, e.target ?? '', e.outcome, JSON.stringify(e.details),
    ]));
    expect(oldest.rows.slice(1).map((r) => (JSON.parse(r[8]!) as { event: { name: string } }).event.name)).toEqual(['Lobby, east', 'Yard']);
    const newest = await csv(ts, '/api/audit-log.csv?action=createUserDefinedEvent&order=newestFirst');
    expect(newest.rows.slice(1)).toEqual(oldest.rows.slice(1).reverse());
  });
});
