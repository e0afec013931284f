import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { csvRow } from '../../../base/common/csv';
import type { CsvCell } from '../../../base/common/csv';
import {
  AUDIT_LOG_CSV_COLUMNS, AuditLogExportQuery, RULE_LOG_CSV_COLUMNS, RuleLogExportQuery, SYSTEM_LOG_CSV_COLUMNS, SystemLogExportQuery, csvResponse,
} from '../../common/logExportSchemas';
import { ErrorBody } from '../../common/schemas';
import { requireFlag } from '../access';
import type { ApiDeps } from '../apiDeps';
import { iso, parseInstant } from '../server';

/** Entries read from SQLite per chunk of the stream: small enough to keep memory flat, big enough to keep queries few. */
const PAGE = 1000;

/**
 * Pages through a log and turns each page into one chunk of CSV. `next` answers a page after
 * the cursor (undefined: the first); a page shorter than PAGE is the last.
 */
function* csvPages<T>(columns: readonly string[], next: (cursor: number | undefined) => T[], cursorOf: (e: T) => number, cells: (e: T) => CsvCell[]): Generator<string> {
  yield csvRow(columns);
  let cursor: number | undefined;
  for (;;) {
    const page = next(cursor);
    if (page.length > 0) yield page.map((e) => csvRow(cells(e))).join('');
    if (page.length < PAGE) return;
    cursor = cursorOf(page.at(-1)!);
  }
}

function sendCsv(reply: FastifyReply, name: string, now: number, chunks: Generator<string>): FastifyReply {
  const stamp = iso(now).replace(/[:.]/g, '-');
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}-${stamp}.csv"`)
    .header('cache-control', 'no-store')
    .send(Readable.from(chunks, { objectMode: false }));
}

const range = (q: { from?: string; to?: string }) => ({
  ...(q.from !== undefined ? { from: parseInstant(q.from, 'from') } : {}),
  ...(q.to !== undefined ? { to: parseInstant(q.to, 'to') } : {}),
});

/*
 * CSV exports of the logs, with the filters of their list operations: the system and rule logs
 * need manage configuration (as listSystemLog, listRuleLog), the audit log manage users (as
 * listAuditLog). Streamed page by page, so an export of a year of logs never sits in memory.
 */
export const logExportRoutes = (deps: ApiDeps): FastifyPluginAsyncTypebox => async (app) => {
  const er = deps.eventsAndRules;

  app.get('/api/logs/system.csv', {
    schema: {
      operationId: 'exportSystemLog', tags: ['logs'], summary: 'The system log as CSV, newest first, with listSystemLog\'s filters',
      querystring: SystemLogExportQuery, response: { 200: csvResponse(SYSTEM_LOG_CSV_COLUMNS), 400: ErrorBody, 403: ErrorBody },
    },
  }, async (req, reply) => {
    requireFlag(req, 'manageConfiguration');
    const { from: _from, to: _to, ...q } = req.query;
    const filter = { ...q, ...range(req.query) };
    return sendCsv(reply, 'system-log', deps.clock.now(), csvPages(SYSTEM_LOG_CSV_COLUMNS,
      (before) => er.systemLog.list({ ...filter, ...(before !== undefined ? { beforeSeq: before } : {}), limit: PAGE }),
      (e) => e.seq, (e) => [e.seq, iso(e.at), e.level, e.source, e.code, e.message]));
  });

  app.get('/api/logs/rules.csv', {
    schema: {
      operationId: 'exportRuleLog', tags: ['logs'], summary: 'The rule log as CSV, newest first, with listRuleLog\'s filters',
      querystring: RuleLogExportQuery, response: { 200: csvResponse(RULE_LOG_CSV_COLUMNS), 400: ErrorBody, 403: ErrorBody },
    },
  }, async (req, reply) => {
    requireFlag(req, 'manageConfiguration');
    const { from: _from, to: _to, ...q } = req.query;
    const filter = { ...q, ...range(req.query) };
    return sendCsv(reply, 'rule-log', deps.clock.now(), csvPages(RULE_LOG_CSV_COLUMNS,
      (before) => er.ruleLog.list({ ...filter, ...(before !== undefined ? { beforeSeq: before } : {}), limit: PAGE }),
      (e) => e.seq, (e) => [e.seq, iso(e.at), e.ruleId, e.ruleName, e.eventId, e.eventType, e.sourceId, e.action, e.outcome, e.message]));
  });

  app.get('/api/audit-log.csv', {
    schema: {
      operationId: 'exportAuditLog', tags: ['users'], summary: 'The audit log as CSV, oldest first unless asked newest first, with listAuditLog\'s filters',
      querystring: AuditLogExportQuery, response: { 200: csvResponse(AUDIT_LOG_CSV_COLUMNS), 400: ErrorBody, 403: ErrorBody },
    },
  }, async (req, reply) => {
    requireFlag(req, 'manageUsers');
    const q = req.query;
    const newestFirst = q.order === 'newestFirst';
    const filter = {
      ...range(q), ...(q.userId ? { userId: q.userId } : {}), ...(q.action ? { action: q.action } : {}), ...(q.target ? { target: q.target } : {}),
      ...(q.text ? { text: q.text } : {}), ...(newestFirst ? { newestFirst: true } : {}),
    };
    return sendCsv(reply, 'audit-log', deps.clock.now(), csvPages(AUDIT_LOG_CSV_COLUMNS,
      (cursor) => deps.audit.list({ ...filter, ...(cursor !== undefined ? (newestFirst ? { beforeId: cursor } : { afterId: cursor }) : {}), limit: PAGE }),
      (e) => e.id,
      (e) => [e.id, iso(e.at), e.userId, e.username, e.source, e.action, e.target, e.outcome, e.details ? JSON.stringify(e.details) : null]));
  });
};
