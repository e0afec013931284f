/** Server logs → Rule log: each rule's starts, stops and actions with their outcome. */
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { Column } from '../components/DataTable';
import { PageHeader } from '../components/PageLayout';
import { useRoute } from '../navigation/route';
import type { PageProps } from '../navigation/pageProps';
import { rulesQuery } from '../rules/rulesApi';
import { useAdmin } from '../session/adminContext';
import { LogTable } from './LogTable';
import { LogToolbar } from './LogToolbar';
import { DEFAULT_RANGE, formatLogTime, rangeProblem } from './logQuery';
import { LOG_REFRESH_MS, ruleLogQuery } from './logsApi';
import type { RuleLogEntryBody, RuleLogFilter } from './logsApi';
import './logs.css';

const OUTCOME_TONE = { ok: 'ok', failed: 'error', skipped: 'warn' } as const;
const seqOf = (e: RuleLogEntryBody) => e.seq;
const toneOf = (e: RuleLogEntryBody) => (e.outcome === 'failed' ? 'error' : e.outcome === 'skipped' ? 'warn' : undefined);

const columns: readonly Column<RuleLogEntryBody>[] = [
  { id: 'at', header: 'Time', width: 150, cell: (e) => formatLogTime(e.at) },
  { id: 'rule', header: 'Rule', width: 180, cell: (e) => e.ruleName },
  { id: 'action', header: 'Action', width: 140, cell: (e) => e.action },
  { id: 'outcome', header: 'Outcome', width: 86, cell: (e) => <span className="state-pill" data-tone={OUTCOME_TONE[e.outcome]}>{e.outcome}</span> },
  { id: 'event', header: 'Event', width: 150, cell: (e) => e.eventType ?? '' },
  { id: 'message', header: 'Message', cell: (e) => <span title={e.message}>{e.message}</span> },
];

export function RuleLogPage({ itemId }: PageProps) {
  const { client } = useAdmin();
  const [, navigate] = useRoute();
  // A rule's id in the route (from the rule editor's "Show in the rule log") preselects it.
  const [filter, setFilter] = useState<RuleLogFilter>({ range: DEFAULT_RANGE, text: '', ruleId: itemId ?? '', outcome: '' });
  const [autoRefresh, setAutoRefresh] = useState(true);
  const rules = useQuery(rulesQuery(client));
  const query = useInfiniteQuery({
    ...ruleLogQuery(client, filter),
    enabled: !rangeProblem(filter.range),
    refetchInterval: autoRefresh ? LOG_REFRESH_MS : false,
  });
  const onText = useCallback((text: string) => setFilter((f) => ({ ...f, text })), []);

  return (
    <div className="page log-page">
      <PageHeader title="Rule log" icon="list" detail="What the rules did: each start and stop, and every action with its outcome." />
      <LogToolbar range={filter.range} onRange={(range) => setFilter({ ...filter, range })} text={filter.text} onText={onText}
        autoRefresh={autoRefresh} onAutoRefresh={setAutoRefresh} onRefresh={() => void query.refetch()} refreshing={query.isRefetching}>
        <label className="log-filter">
          <span>Rule</span>
          <select className="input" value={filter.ruleId} onChange={(e) => {
            setFilter({ ...filter, ruleId: e.target.value });
            navigate({ itemId: e.target.value || null }, { replace: true });
          }}>
            <option value="">All rules</option>
            {(rules.data ?? []).map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
            {filter.ruleId && rules.data && !rules.data.some((r) => r.id === filter.ruleId) ? <option value={filter.ruleId}>Deleted rule {filter.ruleId}</option> : null}
          </select>
        </label>
        <label className="log-filter">
          <span>Outcome</span>
          <select className="input" value={filter.outcome} onChange={(e) => setFilter({ ...filter, outcome: e.target.value as RuleLogFilter['outcome'] })}>
            <option value="">Any outcome</option>
            <option value="ok">Done</option>
            <option value="failed">Failed</option>
            <option value="skipped">Skipped</option>
          </select>
        </label>
      </LogToolbar>
      <LogTable label="Rule log" query={query} columns={columns} rowKey={seqOf} tone={toneOf} empty="The rules did nothing in this range."
        detail={(e) => (
          <>
            <h2>{e.ruleName}: {e.action} ({e.outcome})</h2>
            <dl className="log-facts">
              <dt>Time</dt><dd>{formatLogTime(e.at)}</dd>
              <dt>Message</dt><dd>{e.message}</dd>
              {e.eventType ? <><dt>Event</dt><dd>{e.eventType}{e.eventId !== undefined ? ` (#${e.eventId})` : ''}</dd></> : null}
              {e.sourceId ? <><dt>Source</dt><dd className="mono">{e.sourceId}</dd></> : null}
              <dt>Rule</dt><dd><button type="button" className="btn btn-sm" onClick={() => navigate({ node: 'rules', itemId: e.ruleId, tab: null })}>Open the rule</button></dd>
            </dl>
          </>
        )} />
    </div>
  );
}
