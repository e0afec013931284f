/**
 * System dashboard → System monitor: per recording server its machine, storages and cameras,
 * read from getSystemStatus every 2 s while the page is shown (see monitorApi.ts), with the
 * last two minutes as sparklines. A failed reading keeps the last one on screen, marked stale.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useReducer, useState } from 'react';
import { Icon } from '@nightjar/ui';
import { PageHeader, PaneMessage } from '../components/PageLayout';
import type { PageProps } from '../navigation/pageProps';
import { useAdmin } from '../session/adminContext';
import { CameraMonitorTable } from './CameraMonitorTable';
import { systemStatusQuery } from './monitorApi';
import { EMPTY_HISTORY, recordReading, samplesOf } from './monitorHistory';
import type { MonitorHistory } from './monitorHistory';
import { ServerMonitorPanel } from './ServerMonitorPanel';
import './dashboard.css';

export function SystemMonitorPage(_: PageProps) {
  const { client } = useAdmin();
  const [paused, setPaused] = useState(false);
  const status = useQuery({ ...systemStatusQuery(client), ...(paused ? { refetchInterval: false as const } : {}) });
  const [history, add] = useReducer((h: MonitorHistory, data: NonNullable<typeof status.data>) => recordReading(h, data.at, samplesOf(data)), EMPTY_HISTORY);
  useEffect(() => {
    if (status.data) add(status.data);
  }, [status.data]);

  const actions = (
    <>
      {status.isError && status.data ? <span className="state-pill" data-tone="warn" role="status">Stale: {status.error.message}</span> : null}
      <span className="muted" aria-live="off">{status.data ? `Read ${new Date(status.data.at).toLocaleTimeString()}` : null}</span>
      <button type="button" className="btn btn-sm" aria-pressed={paused} onClick={() => setPaused((p) => !p)}>
        <Icon name={paused ? 'live' : 'stop'} size={12} /> {paused ? 'Resume' : 'Pause'}
      </button>
    </>
  );
  const header = <PageHeader title="System monitor" icon="pulse" detail={paused ? 'Paused' : 'Live: updated every 2 seconds'} actions={actions} />;

  const data = status.data;
  if (!data) {
    return (
      <div className="page">
        {header}
        {status.isError ? <PaneMessage kind="error">{status.error.message}</PaneMessage> : <PaneMessage kind="loading">Reading the servers…</PaneMessage>}
      </div>
    );
  }
  return (
    <div className="page monitor-page">
      {header}
      {data.servers.length === 0 ? <PaneMessage>No recording server reports to this site.</PaneMessage> : null}
      {data.servers.map((s) => <ServerMonitorPanel key={s.id} server={s} history={history} />)}
      <CameraMonitorTable status={data} history={history} />
    </div>
  );
}
