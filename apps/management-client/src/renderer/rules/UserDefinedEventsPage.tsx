/**
 * Rules and Events → User-defined events: events operators, the API and rules raise by name.
 * Create, rename, delete (refused while a rule uses one, naming the rules) and "Trigger now"
 * to try the rules on it.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorNote, Icon } from '@nightjar/ui';
import { DataTable } from '../components/DataTable';
import type { Column } from '../components/DataTable';
import { OverviewLayout, PageHeader, PaneMessage } from '../components/PageLayout';
import { useRoute } from '../navigation/route';
import type { PageProps } from '../navigation/pageProps';
import { useAdmin } from '../session/adminContext';
import { triggerUserDefinedEvent, userDefinedEventsQuery } from './eventDefinitionsApi';
import type { UserDefinedEventBody } from './eventDefinitionsApi';
import { UserDefinedEventForm } from './UserDefinedEventForm';
import '../security/security.css';
import './rules.css';

const NEW = 'new';

export function UserDefinedEventsPage({ itemId }: PageProps) {
  const { client, notify } = useAdmin();
  const [, navigate] = useRoute();
  const events = useQuery(userDefinedEventsQuery(client));
  const [lastTrigger, setLastTrigger] = useState<{ id: string; text: string } | null>(null);
  const trigger = useMutation({
    mutationFn: (e: UserDefinedEventBody) => triggerUserDefinedEvent(client, e.id),
    onSuccess: (result, e) => {
      const text = `Triggered at ${new Date(result.at).toLocaleTimeString()} (event #${result.eventId}).`;
      setLastTrigger({ id: e.id, text });
      notify(`${e.name} triggered.`, 'success');
    },
  });

  if (events.isPending) return <PaneMessage kind="loading">Loading user-defined events…</PaneMessage>;
  if (events.isError) return <PaneMessage kind="error">Could not read the user-defined events: {events.error.message}</PaneMessage>;
  const columns: readonly Column<UserDefinedEventBody>[] = [
    { id: 'name', header: 'Name', cell: (e) => e.name },
    { id: 'used', header: 'Used by rules', cell: (e) => e.usedBy.join(', ') || <span className="muted">none</span> },
    {
      id: 'trigger', header: 'Trigger', width: 96, cell: (e) => (
        <button type="button" className="btn btn-sm" aria-label={`Trigger ${e.name} now`} disabled={trigger.isPending}
          onClick={(ev) => { ev.stopPropagation(); trigger.mutate(e); }}>
          <Icon name="bolt" size={12} /> Trigger
        </button>
      ),
    },
  ];
  const selected = events.data.find((e) => e.id === itemId);

  return (
    <div className="page">
      <PageHeader title="User-defined events" icon="bolt" detail="Events with a name that operators trigger in the Smart Client, outside systems through the API, and rules as an action."
        actions={<button type="button" className="btn btn-primary btn-sm" onClick={() => navigate({ itemId: NEW })}><Icon name="plus" size={13} /> New event</button>} />
      <OverviewLayout
        overview={(
          <>
            <ErrorNote error={trigger.error} />
            <DataTable label="User-defined events" columns={columns} rows={events.data} rowKey={(e) => e.id} selected={itemId}
              onSelect={(id) => navigate({ itemId: id })} empty="No user-defined events yet." />
          </>
        )}
        properties={itemId === NEW
          ? <UserDefinedEventForm key={NEW} onSaved={(e) => navigate({ itemId: e.id }, { replace: true })} onDeleted={() => navigate({ itemId: null })} />
          : selected
            ? (
              <UserDefinedEventForm key={selected.id} event={selected} onSaved={() => undefined} onDeleted={() => navigate({ itemId: null })}
                triggered={lastTrigger?.id === selected.id ? lastTrigger.text : undefined} triggering={trigger.isPending} onTrigger={() => trigger.mutate(selected)} />
            )
            : <PaneMessage>{itemId ? 'This event no longer exists.' : 'Select an event to rename or trigger it, or create one.'}</PaneMessage>}
      />
      <p className="sr-only" role="status">{lastTrigger?.text ?? ''}</p>
    </div>
  );
}
