/**
 * Rules and Events → Analytics events: the outside video analytics systems the site accepts
 * events from over HTTP, who may send (addresses, token), the camera each watches, and the
 * rules its events trigger; the selected source (or a new one, item "new") in its form with
 * how to send it events.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Icon } from '@nightjar/ui';
import { DataTable } from '../components/DataTable';
import type { Column } from '../components/DataTable';
import { OverviewLayout, PageHeader, PaneMessage } from '../components/PageLayout';
import { hardwareListQuery } from '../devices/devicesApi';
import { useRoute } from '../navigation/route';
import type { PageProps } from '../navigation/pageProps';
import { rulesQuery } from '../rules/rulesApi';
import { useAdmin } from '../session/adminContext';
import { analyticsSourcesQuery } from './analyticsApi';
import type { AnalyticsSourceBody } from './analyticsApi';
import { AnalyticsSourceForm } from './AnalyticsSourceForm';
import { ruleNamesFor } from './sendHelp';
import '../security/security.css';
import '../rules/rules.css';
import './analytics.css';

const NEW = 'new';

export function AnalyticsSourcesPage({ itemId }: PageProps) {
  const { client } = useAdmin();
  const [, navigate] = useRoute();
  const sources = useQuery(analyticsSourcesQuery(client));
  const hardware = useQuery(hardwareListQuery(client));
  const rules = useQuery(rulesQuery(client));
  // The token saved last, by source: shown once, gone when the administrator leaves the page.
  const [revealed, setRevealed] = useState<{ id: string; token: string } | null>(null);

  if (sources.isPending) return <PaneMessage kind="loading">Loading analytics sources…</PaneMessage>;
  if (sources.isError) return <PaneMessage kind="error">Could not read the analytics sources: {sources.error.message}</PaneMessage>;
  const cameras = (hardware.data ?? []).flatMap((h) => h.cameras.map((c) => ({ id: c.id, name: c.name })));
  const cameraName = (id: string | undefined) => (id === undefined ? undefined : cameras.find((c) => c.id === id)?.name ?? id);
  const columns: readonly Column<AnalyticsSourceBody>[] = [
    { id: 'name', header: 'Source', cell: (s) => <>{s.name}{s.enabled ? null : <span className="state-pill role-pill">Off</span>}</> },
    { id: 'senders', header: 'Accepts from', cell: (s) => (s.allowedAddresses.length === 0 ? 'any address' : s.allowedAddresses.join(', ')) },
    { id: 'token', header: 'Token', width: 80, cell: (s) => (s.hasToken ? <span className="state-pill" data-tone="ok">Required</span> : <span className="muted">none</span>) },
    { id: 'camera', header: 'Camera', cell: (s) => cameraName(s.cameraId) ?? <span className="muted">none</span> },
    { id: 'rules', header: 'Rules', cell: (s) => s.usedBy.join(', ') || <span className="muted">none</span> },
  ];
  const selected = sources.data.find((s) => s.id === itemId);
  const formProps = (s: AnalyticsSourceBody | undefined) => ({
    cameras, ruleNames: s ? ruleNamesFor(s.id, rules.data ?? []) : [],
    revealed: s && revealed?.id === s.id ? revealed.token : undefined,
    onRevealDone: () => setRevealed(null),
    onDeleted: () => navigate({ itemId: null }),
  });

  return (
    <div className="page">
      <PageHeader title="Analytics events" icon="activity"
        detail="Outside video analytics systems that send events over HTTP (JSON or XML): only configured sources are heard, from their addresses and with their token."
        actions={<button type="button" className="btn btn-primary btn-sm" onClick={() => navigate({ itemId: NEW })}><Icon name="plus" size={13} /> New source</button>} />
      <OverviewLayout
        overview={(
          <DataTable label="Analytics sources" columns={columns} rows={sources.data} rowKey={(s) => s.id} selected={itemId}
            onSelect={(id) => navigate({ itemId: id })} empty="No analytics sources yet: events from outside analytics are refused until one is configured." />
        )}
        properties={itemId === NEW
          ? (
            <AnalyticsSourceForm key={NEW} {...formProps(undefined)} onSaved={(saved, token) => {
              setRevealed(token ? { id: saved.id, token } : null);
              navigate({ itemId: saved.id }, { replace: true });
            }} />
          )
          : selected
            ? <AnalyticsSourceForm key={selected.id} source={selected} {...formProps(selected)} onSaved={(saved, token) => setRevealed(token ? { id: saved.id, token } : null)} />
            : <PaneMessage>{itemId ? 'This analytics source no longer exists.' : 'Select a source to change it or see how to send it events, or create one.'}</PaneMessage>}
      />
    </div>
  );
}
