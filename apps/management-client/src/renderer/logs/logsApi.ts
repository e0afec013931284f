/**
 * The logs as the Management Client reads them: system log and rule log (listSystemLog,
 * listRuleLog; newest first, paged with beforeSeq), audit log (listAuditLog, asked newest first
 * and paged with beforeId), and the log settings (get/updateLogSettings). Logs are not
 * configuration, so their keys sit under ['logs'] and refresh by polling, not by pushes.
 */
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { InfiniteData } from '@tanstack/react-query';
import { queryKeys } from '@nightjar/ui';
import type { Query, SiteClient } from '@nightjar/ui';
import type { LogSettingsBody, RuleLogEntryBody, Static, SystemLogEntryBody, securitySchemas } from '@nightjar/vms-core';
import { nextCursor, rangeQuery } from './logQuery';
import type { LogRange } from './logQuery';

export type AuditEntryBody = Static<typeof securitySchemas.AuditEntrySchema>;
export type { LogSettingsBody, RuleLogEntryBody, SystemLogEntryBody };

export const LOG_PAGE = 200;
/** How often an open log refreshes while auto-refresh is on. */
export const LOG_REFRESH_MS = 5000;

export interface SystemLogFilter {
  range: LogRange;
  text: string;
  /** The least severe level shown. */
  level: 'error' | 'warning' | 'information';
  source: string;
}

export interface RuleLogFilter {
  range: LogRange;
  text: string;
  ruleId: string;
  outcome: '' | 'ok' | 'failed' | 'skipped';
}

export interface AuditLogFilter {
  range: LogRange;
  text: string;
  action: string;
  userId: string;
}

const logKey = (kind: 'system' | 'rule' | 'audit', filter: object) => ['logs', kind, filter] as const;

/** Only the filters that are set, with the range taken at the time of the request. */
function common(filter: { range: LogRange; text: string }): Query {
  const text = filter.text.trim();
  return { ...rangeQuery(filter.range, Date.now()), ...(text ? { text } : {}) };
}

function pagedLog<T>(client: SiteClient, kind: 'system' | 'rule' | 'audit', filter: object, fetchPage: (cursor: number | undefined, signal: AbortSignal) => Promise<T[]>, cursorOf: (e: T) => number) {
  return infiniteQueryOptions({
    queryKey: logKey(kind, filter),
    queryFn: ({ pageParam, signal }) => fetchPage(pageParam, signal),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last: T[]) => nextCursor(last, LOG_PAGE, cursorOf),
  });
}

export function systemLogQuery(client: SiteClient, f: SystemLogFilter) {
  return pagedLog<SystemLogEntryBody>(client, 'system', f, (beforeSeq, signal) => client.request('/api/system-log', {
    signal, query: { ...common(f), limit: LOG_PAGE, level: f.level, ...(f.source ? { source: f.source } : {}), ...(beforeSeq !== undefined ? { beforeSeq } : {}) },
  }), (e) => e.seq);
}

export function ruleLogQuery(client: SiteClient, f: RuleLogFilter) {
  return pagedLog<RuleLogEntryBody>(client, 'rule', f, (beforeSeq, signal) => client.request('/api/rule-log', {
    signal, query: { ...common(f), limit: LOG_PAGE, ...(f.ruleId ? { ruleId: f.ruleId } : {}), ...(f.outcome ? { outcome: f.outcome } : {}), ...(beforeSeq !== undefined ? { beforeSeq } : {}) },
  }), (e) => e.seq);
}

export function auditLogQuery(client: SiteClient, f: AuditLogFilter) {
  return pagedLog<AuditEntryBody>(client, 'audit', f, (beforeId, signal) => client.request('/api/audit-log', {
    signal, query: {
      ...common(f), limit: LOG_PAGE, order: 'newestFirst',
      ...(f.action ? { action: f.action } : {}), ...(f.userId ? { userId: f.userId } : {}), ...(beforeId !== undefined ? { beforeId } : {}),
    },
  }), (e) => e.id);
}

export type LogPages<T> = InfiniteData<T[], unknown>;

export function logSettingsQuery(client: SiteClient) {
  return queryOptions({
    queryKey: queryKeys.configuration('logSettings'),
    queryFn: ({ signal }) => client.request<LogSettingsBody>('/api/log-settings', { signal }),
    staleTime: 60_000,
  });
}

export function updateLogSettings(client: SiteClient, body: Partial<LogSettingsBody>): Promise<LogSettingsBody> {
  return client.request<LogSettingsBody>('/api/log-settings', { method: 'PATCH', body });
}
