/**
 * Servers → Storage and archives: every storage with its retention, limit, archive stage and
 * live use (overview), the selected one's Settings and Usage tabs (properties), and the Add
 * storage / archive wizard. Use is live: the list refreshes every 10 s and the Usage tab reads
 * the system monitor every 2 s.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Icon } from '@nightjar/ui';
import type { StorageBody } from '@nightjar/ui';
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
import { AddStorageWizard } from './AddStorageWizard';
import { storagesConfigQuery } from './serversApi';
import { StorageSettingsForm } from './StorageSettingsForm';
import { StorageUsagePanel } from './StorageUsagePanel';
import '../dashboard/dashboard.css';
import './servers.css';

export function StoragesPage({ itemId, tab }: PageProps) {
  const { client } = useAdmin();
  const [, navigate] = useRoute();
  const storages = useQuery(storagesConfigQuery(client));
  const status = useQuery(systemStatusQuery(client));
  const [adding, setAdding] = useState(false);

  const list = storages.data ?? [];
  const byId = new Map(list.map((s) => [s.id, s]));
  const liveOf = (id: string) => status.data?.servers.flatMap((s) => s.storages).find((s) => s.id === id);
  const selected = itemId ? byId.get(itemId) : undefined;

  const columns: Column<StorageBody>[] = [
    {
      id: 'name', header: 'Storage',
      cell: (s) => {
        const sources = list.filter((x) => x.archive?.storageId === s.id);
        const title = `${s.path}${sources.length > 0 ? ` · archive of ${sources.map((x) => x.name).join(', ')}` : ''}`;
        return (
          <span className="cell-name" title={title}>
            <Icon name="storage" size={12} /> {s.name}{s.encrypted ? <Icon name="lock" size={11} title="Encrypted" /> : null}
          </span>
        );
      },
    },
    { id: 'retention', header: 'Retention', cell: (s) => formatRetention(s.retentionHours) },
    {
      id: 'used', header: 'Used of limit', width: 170,
      cell: (s) => {
        const used = liveOf(s.id)?.usedBytes ?? s.usedBytes;
        return <UsageBar percent={percentOf(used, s.maxBytes)} label={`${s.name} used of its limit`} text={`${formatBytes(used)} / ${formatBytes(s.maxBytes)}`} />;
      },
    },
    { id: 'next', header: 'Then', cell: (s) => (s.archive ? `→ ${byId.get(s.archive.storageId)?.name ?? s.archive.storageId}` : 'deleted') },
  ];

  let properties;
  if (!selected) properties = <PaneMessage>{list.length > 0 ? 'Select a storage to see its settings and use.' : 'No storage yet.'}</PaneMessage>;
  else {
    const live = liveOf(selected.id);
    properties = (
      <>
        <div className="properties-head">
          <Icon name="storage" size={16} />
          <div><h2>{selected.name}</h2><p className="muted mono">{selected.path}</p></div>
        </div>
        <PropertyTabs label={`Properties of ${selected.name}`} active={tab} onChange={(t) => navigate({ tab: t }, { replace: true })}
          tabs={[
            { id: 'settings', label: 'Settings', render: () => <StorageSettingsForm key={selected.id} storage={selected} storages={list} diskTotalBytes={live?.diskTotalBytes} /> },
            {
              id: 'usage', label: 'Usage',
              render: () => (
                <StorageUsagePanel storage={selected} storages={list} live={live}
                  cameras={status.data?.servers.flatMap((s) => s.cameras) ?? []} liveError={status.error?.message} />
              ),
            },
          ]} />
      </>
    );
  }

  return (
    <div className="page">
      <PageHeader title="Storage and archives" icon="storage"
        detail={storages.data ? `${list.length} ${list.length === 1 ? 'storage' : 'storages'} · recordings live here until their retention, then move to an archive or are deleted` : undefined}
        actions={<button type="button" className="btn btn-primary" disabled={!storages.data} onClick={() => setAdding(true)}><Icon name="plus" size={12} /> Add storage…</button>} />
      {storages.isPending ? <PaneMessage kind="loading">Loading storages…</PaneMessage>
        : storages.isError ? <PaneMessage kind="error">{storages.error.message}</PaneMessage>
          : (
            <OverviewLayout
              overview={<DataTable label="Storages" columns={columns} rows={list} rowKey={(s) => s.id} selected={selected?.id ?? null}
                onSelect={(id) => navigate({ itemId: id })} empty="No storage yet: add one." />}
              properties={properties} />
          )}
      {adding ? <AddStorageWizard storages={list} onClose={() => setAdding(false)} onCreated={(s) => { setAdding(false); navigate({ itemId: s.id, tab: null }); }} /> : null}
    </div>
  );
}
