/**
 * Rules and Events → Alarm definitions: every definition with its enabled switch, priority,
 * category, the event raising it and how many of its alarms are open; the selected one (or a
 * new one, item "new") in the sentence editor.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, ErrorNote, Icon } from '@nightjar/ui';
import { DataTable } from '../components/DataTable';
import type { Column } from '../components/DataTable';
import { OverviewLayout, PageHeader, PaneMessage } from '../components/PageLayout';
import { useRoute } from '../navigation/route';
import type { PageProps } from '../navigation/pageProps';
import { RuleSentenceView } from '../rules/RuleSentenceView';
import { eventPhrase, sentenceText } from '../rules/ruleSentence';
import { useRuleContext } from '../rules/useRuleContext';
import type { Named } from '../rules/useRuleContext';
import { rolesQuery } from '../security/securityApi';
import { useAdmin } from '../session/adminContext';
import { AlarmDefinitionEditor } from './AlarmDefinitionEditor';
import { categoriesInUse, priorityLabel } from './alarmForm';
import { alarmDefinitionKeys, alarmDefinitionsQuery, updateAlarmDefinition } from './alarmsApi';
import type { AlarmDefinitionBody } from './alarmsApi';
import '../security/security.css';
import '../rules/rules.css';
import './alarms.css';

const NEW = 'new';
/** What a user who may not list roles can still choose: the built-in roles. */
const BUILT_IN_ROLES: readonly Named[] = [{ id: 'operators', name: 'Operators' }, { id: 'administrators', name: 'Administrators' }];

export function AlarmDefinitionsPage({ itemId }: PageProps) {
  const { client, queryClient, notify } = useAdmin();
  const [, navigate] = useRoute();
  const definitions = useQuery(alarmDefinitionsQuery(client));
  const context = useRuleContext();
  const roles = useQuery({ ...rolesQuery(client), retry: (n, e) => !(e instanceof ApiError && e.status === 403) && n < 2 });
  const [filter, setFilter] = useState('');
  const toggle = useMutation({
    mutationFn: (def: AlarmDefinitionBody) => updateAlarmDefinition(client, def.id, { enabled: !def.enabled }),
    onSuccess: (saved) => {
      notify(`Alarm definition ${saved.name} ${saved.enabled ? 'enabled' : 'disabled'}.`, 'success');
      void queryClient.invalidateQueries({ queryKey: alarmDefinitionKeys.all });
    },
  });

  if (definitions.isPending) return <PaneMessage kind="loading">Loading alarm definitions…</PaneMessage>;
  if (definitions.isError) return <PaneMessage kind="error">Could not read the alarm definitions: {definitions.error.message}</PaneMessage>;
  const rolesLimited = roles.isError;
  const roleList: readonly Named[] = roles.data?.map((r) => ({ id: r.id, name: r.name })) ?? BUILT_IN_ROLES;
  const raisedBy = (def: AlarmDefinitionBody) => eventPhrase(def.trigger, context.names);
  const words = filter.trim().toLowerCase();
  const shown = definitions.data.filter((def) => !words || [def.name, def.category, sentenceText(raisedBy(def))].some((t) => t.toLowerCase().includes(words)));
  const columns: readonly Column<AlarmDefinitionBody>[] = [
    {
      id: 'enabled', header: 'On', width: 34, cell: (def) => (
        <input type="checkbox" checked={def.enabled} disabled={toggle.isPending} aria-label={`${def.enabled ? 'Disable' : 'Enable'} ${def.name}`}
          onClick={(e) => e.stopPropagation()} onChange={() => toggle.mutate(def)} />
      ),
    },
    { id: 'name', header: 'Name', width: 130, cell: (def) => def.name },
    { id: 'priority', header: 'Priority', width: 80, cell: (def) => <span className="priority-pill" data-priority={def.priority}>{priorityLabel(def.priority)}</span> },
    { id: 'category', header: 'Category', width: 90, cell: (def) => def.category || <span className="muted">none</span> },
    { id: 'trigger', header: 'Raised by', cell: (def) => <RuleSentenceView compact parts={raisedBy(def)} /> },
    { id: 'open', header: 'Open', width: 44, numeric: true, cell: (def) => def.openAlarms },
  ];
  const selected = definitions.data.find((def) => def.id === itemId);
  const editor = (definition?: AlarmDefinitionBody) => (
    <AlarmDefinitionEditor key={definition?.id ?? NEW} {...(definition ? { definition } : {})} context={context} roles={roleList} rolesLimited={rolesLimited}
      categories={categoriesInUse(definitions.data)} onSaved={(def) => navigate({ itemId: def.id }, { replace: true })} onDeleted={() => navigate({ itemId: null })} />
  );

  return (
    <div className="page">
      <PageHeader title="Alarm definitions" icon="warning" detail="Which events raise alarms, how urgent they are, what operators should do and who sees them."
        actions={<button type="button" className="btn btn-primary btn-sm" onClick={() => navigate({ itemId: NEW, tab: null })}><Icon name="plus" size={13} /> New alarm definition</button>} />
      <OverviewLayout
        overview={(
          <>
            <div className="overview-filter">
              <Icon name="search" size={13} />
              <input className="input" type="search" aria-label="Filter alarm definitions" placeholder="Filter by name, category, event…" value={filter} onChange={(e) => setFilter(e.target.value)} />
            </div>
            <ErrorNote error={toggle.error} />
            <div className="rule-table alarm-table">
              <DataTable label="Alarm definitions" columns={columns} rows={shown} rowKey={(def) => def.id} selected={itemId} onSelect={(id) => navigate({ itemId: id })}
                empty={words ? 'No alarm definition matches.' : 'No alarm definitions yet.'} />
            </div>
          </>
        )}
        properties={context.loading || roles.isPending
          ? <PaneMessage kind="loading">Loading cameras, profiles, events and roles…</PaneMessage>
          : itemId === NEW
            ? editor()
            : selected
              ? editor(selected)
              : <PaneMessage>{itemId ? 'This alarm definition no longer exists.' : 'Select an alarm definition to edit it, or create one.'}</PaneMessage>}
      />
    </div>
  );
}
