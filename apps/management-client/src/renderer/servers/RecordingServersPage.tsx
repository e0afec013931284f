/**
 * Servers → Recording servers: the site's recording servers (one, local, in an all-in-one
 * site; the model and this page allow many) with their state, cameras and storages; the
 * selected one's Info (name, description, address, uptime) and Storages tabs.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Icon } from '@nightjar/ui';
import type { RecordingServerBody } from '@nightjar/vms-core';
import type { Column } from '../components/DataTable';
import { DataTable } from '../components/DataTable';
import { OverviewLayout, PageHeader, PaneMessage } from '../components/PageLayout';
import { PropertyTabs } from '../components/PropertyTabs';
import { formatBytes, formatRetention, percentOf } from '../dashboard/format';
import { systemStatusQuery } from '../dashboard/monitorApi';
import { UsageBar } from '../dashboard/UsageBar';
import type { PageProps } from '../navigation/pageProps';
import { useRoute } from '../navigation/route';
import { useAdmin } from '../session/adminContext';
import { RecordingServerInfoForm } from './RecordingServerInfoForm';
import { recordingServersQuery, storagesConfigQuery } from './serversApi';
import '../dashboard/dashboard.css';
import './servers.css';

export function RecordingServersPage({ itemId, tab }: PageProps) {
  const { client } = useAdmin();
  const [, navigate] = useRoute();
  const servers = useQuery(recordingServersQuery(client));
  const storages = useQuery(storagesConfigQuery(client));
  const status = useQuery(systemStatusQuery(client));
  const list = servers.data ?? [];
  const selected = list.find((s) => s.id === itemId);
  // One server (all-in-one): open it at once rather than showing an empty properties pane.
  const only = list.length === 1 ? list[0]!.id : null;
  useEffect(() => {
    if (only && !itemId) navigate({ itemId: only }, { replace: true });
  }, [only, itemId, navigate]);

  const columns: Column<RecordingServerBody>[] = [
    { id: 'name', header: 'Server', cell: (s) => <span className="cell-name"><Icon name="server" size={12} /> {s.name}</span> },
    { id: 'address', header: 'Address', cell: (s) => <span className="mono">{s.address}</span> },
    { id: 'state', header: 'State', cell: (s) => <span className="state-pill" data-tone={s.state === 'online' ? 'ok' : 'warn'}>{s.state === 'online' ? 'Online' : 'Unknown'}</span> },
    { id: 'cameras', header: 'Cameras', numeric: true, cell: (s) => `${s.enabledCameras} / ${s.cameras}` },
    { id: 'storages', header: 'Storages', cell: (s) => s.storages.map((st) => st.name).join(', ') || '—' },
  ];

  let properties;
  if (!selected) properties = <PaneMessage>{list.length > 0 ? 'Select a recording server.' : 'No recording server.'}</PaneMessage>;
  else {
    const live = status.data?.servers.find((s) => s.id === selected.id);
    const ids = new Set(selected.storages.map((s) => s.id));
    const own = (storages.data ?? []).filter((s) => ids.has(s.id));
    properties = (
      <>
        <div className="properties-head">
          <Icon name="server" size={16} />
          <div><h2>{selected.name}</h2><p className="muted">{selected.local ? 'All-in-one recording server' : 'Recording server'} · {selected.address}</p></div>
        </div>
        <PropertyTabs label={`Properties of ${selected.name}`} active={tab} onChange={(t) => navigate({ tab: t }, { replace: true })}
          tabs={[
            { id: 'info', label: 'Info', render: () => <RecordingServerInfoForm server={selected} live={live} /> },
            {
              id: 'storages', label: 'Storages',
              render: () => (
                <div className="server-storages">
                  {storages.isError ? <PaneMessage kind="error">{storages.error.message}</PaneMessage> : null}
                  <table className="data-table" aria-label={`Storages of ${selected.name}`}>
                    <thead><tr><th>Storage</th><th>Path</th><th>Retention</th><th>Used of limit</th><th /></tr></thead>
                    <tbody>
                      {own.map((s) => (
                        <tr key={s.id}>
                          <td>{s.name}</td>
                          <td className="mono" title={s.path}>{s.path}</td>
                          <td>{formatRetention(s.retentionHours)}</td>
                          <td><UsageBar percent={percentOf(s.usedBytes, s.maxBytes)} label={`${s.name} used of its limit`} text={`${formatBytes(s.usedBytes)} / ${formatBytes(s.maxBytes)}`} /></td>
                          <td><button type="button" className="btn btn-sm" onClick={() => navigate({ node: 'storages', itemId: s.id, tab: null })}>Open</button></td>
                        </tr>
                      ))}
                      {own.length === 0 ? <tr><td colSpan={5} className="muted">{storages.isPending ? 'Loading…' : 'No storage on this server.'}</td></tr> : null}
                    </tbody>
                  </table>
                  <p className="muted">Add storages and archives under Storage and archives.</p>
                </div>
              ),
            },
          ]} />
      </>
    );
  }

  return (
    <div className="page">
      <PageHeader title="Recording servers" icon="server"
        detail={servers.data ? `${list.length} ${list.length === 1 ? 'server' : 'servers'} · they connect to the cameras and record to their storages` : undefined} />
      {servers.isPending ? <PaneMessage kind="loading">Loading recording servers…</PaneMessage>
        : servers.isError ? <PaneMessage kind="error">{servers.error.message}</PaneMessage>
          : (
            <OverviewLayout
              overview={<DataTable label="Recording servers" columns={columns} rows={list} rowKey={(s) => s.id} selected={selected?.id ?? null} onSelect={(id) => navigate({ itemId: id })} />}
              properties={properties} />
          )}
    </div>
  );
}
