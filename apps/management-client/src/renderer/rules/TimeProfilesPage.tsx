/**
 * Rules and Events → Time profiles: the profiles with their weekly hours and users (roles,
 * rules); the selected one, or a new one (item "new"), in the schedule editor.
 */
import { useQuery } from '@tanstack/react-query';
import { Icon } from '@nightjar/ui';
import { DataTable } from '../components/DataTable';
import type { Column } from '../components/DataTable';
import { OverviewLayout, PageHeader, PaneMessage } from '../components/PageLayout';
import { useRoute } from '../navigation/route';
import type { PageProps } from '../navigation/pageProps';
import { useAdmin } from '../session/adminContext';
import { rulesQuery, timeProfilesQuery } from './rulesApi';
import type { StoredTimeProfileBody } from './rulesApi';
import { TimeProfileEditor } from './TimeProfileEditor';
import { describeWindow, weekHours, windowsToWeek } from './weekGrid';
import '../security/security.css';
import './rules.css';

const NEW = 'new';

function schedule(p: StoredTimeProfileBody): string {
  if (!p.windows) return 'All week';
  if (p.windows.length === 0) return 'Exceptions only';
  const first = describeWindow(p.windows[0]!);
  return p.windows.length > 1 ? `${first} +${p.windows.length - 1}` : first;
}

export function TimeProfilesPage({ itemId }: PageProps) {
  const { client } = useAdmin();
  const [, navigate] = useRoute();
  const profiles = useQuery(timeProfilesQuery(client));
  // Rules need manage configuration; without it the page still works, without rule names.
  const rules = useQuery({ ...rulesQuery(client), retry: false });

  if (profiles.isPending) return <PaneMessage kind="loading">Loading time profiles…</PaneMessage>;
  if (profiles.isError) return <PaneMessage kind="error">Could not read the time profiles: {profiles.error.message}</PaneMessage>;
  const rulesUsing = (id: string) => (rules.data ?? []).filter((r) => r.timeProfileId === id).map((r) => r.name);
  const columns: readonly Column<StoredTimeProfileBody>[] = [
    { id: 'name', header: 'Name', cell: (p) => p.name },
    { id: 'schedule', header: 'Schedule', cell: (p) => schedule(p) },
    { id: 'hours', header: 'h/week', numeric: true, width: 60, cell: (p) => (p.windows ? Math.round(weekHours(windowsToWeek(p.windows))) : 168) },
    { id: 'exceptions', header: 'Exceptions', numeric: true, width: 76, cell: (p) => p.exceptions?.length ?? 0 },
    { id: 'used', header: 'Used by', cell: (p) => [...p.usedBy, ...rulesUsing(p.id)].join(', ') || <span className="muted">nothing</span> },
  ];
  const selected = profiles.data.find((p) => p.id === itemId);

  return (
    <div className="page">
      <PageHeader title="Time profiles" icon="clock" detail="Weekly hours with dated exceptions, for rules and for limiting role rights."
        actions={<button type="button" className="btn btn-primary btn-sm" onClick={() => navigate({ itemId: NEW, tab: null })}><Icon name="plus" size={13} /> New time profile</button>} />
      <OverviewLayout
        overview={<DataTable label="Time profiles" columns={columns} rows={profiles.data} rowKey={(p) => p.id} selected={itemId}
          onSelect={(id) => navigate({ itemId: id })} empty="No time profiles yet. Rules then run always, and rights apply at any hour." />}
        properties={itemId === NEW
          ? <TimeProfileEditor key={NEW} usedByRules={[]} onSaved={(p) => navigate({ itemId: p.id }, { replace: true })} onDeleted={() => navigate({ itemId: null })} />
          : selected
            ? <TimeProfileEditor key={selected.id} profile={selected} usedByRules={rulesUsing(selected.id)} onSaved={() => undefined} onDeleted={() => navigate({ itemId: null })} />
            : <PaneMessage>{itemId ? 'This time profile no longer exists.' : 'Select a time profile to edit its schedule, or create one.'}</PaneMessage>}
      />
    </div>
  );
}
