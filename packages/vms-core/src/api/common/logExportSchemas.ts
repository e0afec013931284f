import { Type } from 'typebox';
import type { Static } from 'typebox';
import { RuleLogQuery, SystemLogQuery } from './eventSchemas';
import { AuditQuery } from './securitySchemas';

/**
 * The CSV exports of the system, rule and audit logs take the filters of their list
 * operations, without the paging (an export is every matching entry, streamed). Unknown
 * parameters are refused: a misspelt filter must not quietly export everything.
 */
const strict = { additionalProperties: false } as const;
export const SystemLogExportQuery = Type.Omit(SystemLogQuery, ['beforeSeq', 'limit'], strict);
export const RuleLogExportQuery = Type.Omit(RuleLogQuery, ['beforeSeq', 'limit'], strict);
export const AuditLogExportQuery = Type.Omit(AuditQuery, ['afterId', 'beforeId', 'limit'], strict);

/** Column names, in order: the first line of each export. */
export const SYSTEM_LOG_CSV_COLUMNS = ['seq', 'time', 'level', 'source', 'code', 'message'] as const;
export const RULE_LOG_CSV_COLUMNS = ['seq', 'time', 'ruleId', 'ruleName', 'eventId', 'eventType', 'sourceId', 'action', 'outcome', 'message'] as const;
export const AUDIT_LOG_CSV_COLUMNS = ['id', 'time', 'userId', 'username', 'address', 'action', 'target', 'outcome', 'details'] as const;

/** The 200 answer of an export in the OpenAPI document. */
export function csvResponse(columns: readonly string[]): object {
  return {
    description: `CSV (RFC 4180, UTF-8, CRLF), streamed as an attachment; columns: ${columns.join(', ')}. ` +
      'Times are ISO 8601 UTC; a field starting with = + - @ is prefixed with an apostrophe so spreadsheets do not run it.',
    content: { 'text/csv': { schema: { type: 'string' } } },
  };
}

export type SystemLogExportQueryBody = Static<typeof SystemLogExportQuery>;
export type RuleLogExportQueryBody = Static<typeof RuleLogExportQuery>;
export type AuditLogExportQueryBody = Static<typeof AuditLogExportQuery>;
