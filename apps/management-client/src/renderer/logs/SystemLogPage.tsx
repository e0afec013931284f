/** Server logs → System log: what the site reported, by level and source, with the log settings. */
import { useInfiniteQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { Icon } from '@nightjar/ui';
import type { Column } from '../components/DataTable';
import { PageHeader } from '../components/PageLayout';
import type { PageProps } from '../navigation/pageProps';
import { useAdmin } from '../session/adminContext';
import { LogSettingsForm } from './LogSettingsForm';
import { LogTable } from './LogTable';
import { LogToolbar } from './LogToolbar';
import { DEFAULT_RANGE, formatLogTime, rangeProblem } from './logQuery';
import { LOG_REFRESH_MS, systemLogQuery } from './logsApi';
import type { SystemLogEntryBody, SystemLogFilter } from './logsApi';
import './logs.css';

/** The parts of the site that write to the system log today; sources seen in the entries are offered too. */
const LEVEL_TONE = { error: 'error', warning: 'warn', information: undefined } as const;
const KNOWN_SOURCES = ['server', 'recording', 'storage', 'rules', 'events', 'genericEvents', 'alarms'];
const seqOf = (e: SystemLogEntryBody) => e.seq;
const toneOf = (e: SystemLogEntryBody) => LEVEL_TONE[e.level];

const columns: readonly Column<SystemLogEntryBody>[] = [
  { id: 'at', header: 'Time', width: 150, cell: (e) => formatLogTime(e.at) },
  { id: 'level', header: 'Level', width: 96, cell: (e) => <span className="state-pill" data-tone={LEVEL_TONE[e.level]}>{e.level}</span> },
  { id: 'source', header: 'Source', width: 110, cell: (e) => e.source },
  { id: 'message', header: 'Message', cell: (e) => <span title={e.message}>{e.message}</span> },
  { id: 'code', header: 'Code', width: 200, cell: (e) => (e.code ? <span className="mono">{e.code}</span> : null) },
];

export function SystemLogPage(_: PageProps) {
  const { client } = useAdmin();
  const [filter, setFilter] = useState<SystemLogFilter>({ range: DEFAULT_RANGE, text: '', level: 'information', source: '' });
  const [autoRefresh, setAutoRefresh] = useState(true);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const query = useInfiniteQuery({
    ...systemLogQuery(client, filter),
    enabled: !rangeProblem(filter.range),
    refetchInterval: autoRefresh ? LOG_REFRESH_MS : false,
  });
  const onText = useCallback((text: string) => setFilter((f) => ({ ...f, text })), []);
  const sources = useMemo(() => {
    const seen = (query.data?.pages ?? []).flat().map((e) => e.source);
    return [...new Set([...KNOWN_SOURCES, ...seen, ...(filter.source ? [filter.source] : [])])].sort();
  }, [query.data, filter.source]);

  return (
    <div className="page log-page">
      <PageHeader title="System log" icon="list" detail="Errors, warnings and information the site's servers reported."
        actions={(
          <button type="button" className="btn btn-sm" aria-expanded={settingsOpen} aria-controls="log-settings" onClick={() => setSettingsOpen(!settingsOpen)}>
            <Icon name="edit" size={13} /> Log settings
          </button>
        )} />
      {settingsOpen ? <div id="log-settings"><LogSettingsForm /></div> : null}
      <LogToolbar range={filter.range} onRange={(range) => setFilter({ ...filter, range })} text={filter.text} onText={onText}
        autoRefresh={autoRefresh} onAutoRefresh={setAutoRefresh} onRefresh={() => void query.refetch()} refreshing={query.isRefetching}>
        <label className="log-filter">
          <span>Level</span>
          <select className="input" value={filter.level} onChange={(e) => setFilter({ ...filter, level: e.target.value as SystemLogFilter['level'] })}>
            <option value="information">All levels</option>
            <option value="warning">Warnings and errors</option>
            <option value="error">Errors only</option>
          </select>
        </label>
        <label className="log-filter">
          <span>Source</span>
          <select className="input" value={filter.source} onChange={(e) => setFilter({ ...filter, source: e.target.value })}>
            <option value="">All sources</option>
            {sources.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </label>
      </LogToolbar>
      <LogTable label="System log" query={query} columns={columns} rowKey={seqOf} tone={toneOf}
        empty="No entries in this range." detail={(e) => (
          <>
            <h2>{e.level === 'error' ? 'Error' : e.level === 'warning' ? 'Warning' : 'Information'} from {e.source}</h2>
            <dl className="log-facts">
              <dt>Time</dt><dd>{formatLogTime(e.at)}</dd>
              <dt>Message</dt><dd>{e.message}</dd>
              {e.code ? <><dt>Code</dt><dd className="mono">{e.code}</dd></> : null}
              <dt>Entry</dt><dd>#{e.seq}</dd>
            </dl>
          </>
        )} />
    </div>
  );
}
