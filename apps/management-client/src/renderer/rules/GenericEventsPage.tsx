/**
 * Rules and Events → Generic events: the events outside systems raise with text messages, by
 * priority, and the TCP/UDP listeners the messages arrive on, with whether each listens. The
 * selected item is "event:<id>" or "source:<id>" in the route ("…:new" for a new one).
 */
import { useQuery } from '@tanstack/react-query';
import { Icon } from '@nightjar/ui';
import { DataTable } from '../components/DataTable';
import type { Column } from '../components/DataTable';
import { OverviewLayout, PageHeader, PaneMessage } from '../components/PageLayout';
import { useRoute } from '../navigation/route';
import type { PageProps } from '../navigation/pageProps';
import { useAdmin } from '../session/adminContext';
import { genericEventSourcesQuery, genericEventsQuery } from './eventDefinitionsApi';
import type { GenericEventBody, GenericEventSourceBody } from './eventDefinitionsApi';
import { GenericEventForm } from './GenericEventForm';
import { GenericSourceForm } from './GenericSourceForm';
import '../security/security.css';
import './rules.css';

type Selection = { kind: 'event' | 'source'; id: string } | null;

function parseItem(itemId: string | null): Selection {
  const m = /^(event|source):(.+)$/.exec(itemId ?? '');
  return m ? { kind: m[1] as 'event' | 'source', id: m[2]! } : null;
}

export function GenericEventsPage({ itemId }: PageProps) {
  const { client } = useAdmin();
  const [, navigate] = useRoute();
  const events = useQuery(genericEventsQuery(client));
  const sources = useQuery({ ...genericEventSourcesQuery(client), refetchInterval: 10_000 });
  const sel = parseItem(itemId);
  const select = (kind: 'event' | 'source', id: string | null) => navigate({ itemId: id === null ? null : `${kind}:${id}` });

  if (events.isPending || sources.isPending) return <PaneMessage kind="loading">Loading generic events…</PaneMessage>;
  if (events.isError) return <PaneMessage kind="error">Could not read the generic events: {events.error.message}</PaneMessage>;
  if (sources.isError) return <PaneMessage kind="error">Could not read the listeners: {sources.error.message}</PaneMessage>;
  const sourceName = (id: string) => sources.data.find((s) => s.id === id)?.name ?? id;

  const eventColumns: readonly Column<GenericEventBody>[] = [
    { id: 'priority', header: 'Prio', numeric: true, width: 40, cell: (e) => e.priority },
    { id: 'name', header: 'Event', cell: (e) => <>{e.name}{e.enabled ? null : <span className="state-pill role-pill">Off</span>}</> },
    { id: 'expression', header: 'Matches', cell: (e) => <span className="mono" title={`${e.expressionType}: ${e.expression}`}>{e.expression}</span> },
    { id: 'sources', header: 'From', cell: (e) => (e.sourceIds.length === 0 ? 'every listener' : e.sourceIds.map(sourceName).join(', ')) },
  ];
  const sourceColumns: readonly Column<GenericEventSourceBody>[] = [
    { id: 'name', header: 'Listener', cell: (s) => s.name },
    { id: 'port', header: 'Port', width: 90, cell: (s) => `${s.protocol.toUpperCase()} ${s.boundPort ?? s.port}` },
    {
      id: 'state', header: 'State', width: 110, cell: (s) => (
        <span className="state-pill" data-tone={s.listening ? 'ok' : s.enabled ? 'error' : undefined} title={s.error}>
          {s.listening ? 'Listening' : s.enabled ? 'Not listening' : 'Disabled'}
        </span>
      ),
    },
    { id: 'allowed', header: 'Senders', cell: (s) => (s.allowedAddresses.length === 0 ? 'anyone' : s.allowedAddresses.join(', ')) },
  ];

  let properties;
  if (sel?.kind === 'event') {
    const e = events.data.find((x) => x.id === sel.id);
    properties = sel.id === 'new' || e
      ? <GenericEventForm key={sel.id} event={e} sources={sources.data} onSaved={(saved) => select('event', saved.id)} onDeleted={() => select('event', null)} />
      : <PaneMessage>This generic event no longer exists.</PaneMessage>;
  } else if (sel?.kind === 'source') {
    const s = sources.data.find((x) => x.id === sel.id);
    properties = sel.id === 'new' || s
      ? <GenericSourceForm key={sel.id} source={s} listedBy={events.data.filter((e) => e.sourceIds.includes(sel.id)).map((e) => e.name)}
        onSaved={(saved) => select('source', saved.id)} onDeleted={() => select('source', null)} />
      : <PaneMessage>This listener no longer exists.</PaneMessage>;
  } else {
    properties = <PaneMessage>Select a generic event or a listener. Messages arrive on listeners; each generic event matching a message is raised for the rules.</PaneMessage>;
  }

  return (
    <div className="page">
      <PageHeader title="Generic events" icon="bolt" detail="Events raised by text messages from outside systems (access control, alarm panels) on TCP or UDP listeners."
        actions={(
          <>
            <button type="button" className="btn btn-sm" onClick={() => select('source', 'new')}><Icon name="plus" size={13} /> New listener</button>
            <button type="button" className="btn btn-primary btn-sm" onClick={() => select('event', 'new')}><Icon name="plus" size={13} /> New generic event</button>
          </>
        )} />
      <OverviewLayout
        overview={(
          <>
            <h2 className="overview-title">Generic events</h2>
            <DataTable label="Generic events" columns={eventColumns} rows={events.data} rowKey={(e) => e.id} selected={sel?.kind === 'event' ? sel.id : null}
              onSelect={(id) => select('event', id)} empty="No generic events yet." />
            <h2 className="overview-title">Listeners</h2>
            <DataTable label="Listeners" columns={sourceColumns} rows={sources.data} rowKey={(s) => s.id} selected={sel?.kind === 'source' ? sel.id : null}
              onSelect={(id) => select('source', id)} empty="No listeners yet: messages need one to arrive on." />
          </>
        )}
        properties={properties}
      />
    </div>
  );
}
