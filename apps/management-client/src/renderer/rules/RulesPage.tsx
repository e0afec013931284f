/**
 * Rules and Events → Rules: every rule as the sentence it reads, with its enabled switch; the
 * selected rule (or a new one, item "new") in the sentence editor. The site's default rules
 * are marked and edited like the others.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorNote, Icon, queryKeys } from '@nightjar/ui';
import { DataTable } from '../components/DataTable';
import type { Column } from '../components/DataTable';
import { OverviewLayout, PageHeader, PaneMessage } from '../components/PageLayout';
import { useRoute } from '../navigation/route';
import type { PageProps } from '../navigation/pageProps';
import { useAdmin } from '../session/adminContext';
import { RuleEditor } from './RuleEditor';
import { RuleSentenceView } from './RuleSentenceView';
import { ruleSentence, sentenceText } from './ruleSentence';
import { rulesQuery, updateRule } from './rulesApi';
import type { RuleBody } from './rulesApi';
import { useRuleContext } from './useRuleContext';
import '../security/security.css';
import './rules.css';

const NEW = 'new';

export function RulesPage({ itemId }: PageProps) {
  const { client, queryClient, notify } = useAdmin();
  const [, navigate] = useRoute();
  const rules = useQuery(rulesQuery(client));
  const context = useRuleContext();
  const [filter, setFilter] = useState('');
  const toggle = useMutation({
    mutationFn: (r: RuleBody) => updateRule(client, r.id, { enabled: !r.enabled }),
    onSuccess: (saved) => {
      notify(`Rule ${saved.name} ${saved.enabled ? 'enabled' : 'disabled'}.`, 'success');
      void queryClient.invalidateQueries({ queryKey: queryKeys.configuration('rules') });
    },
  });

  if (rules.isPending) return <PaneMessage kind="loading">Loading rules…</PaneMessage>;
  if (rules.isError) return <PaneMessage kind="error">Could not read the rules: {rules.error.message}</PaneMessage>;
  const words = filter.trim().toLowerCase();
  const shown = rules.data.filter((r) => !words || r.name.toLowerCase().includes(words) || sentenceText(ruleSentence(r, context.names)).toLowerCase().includes(words));
  const columns: readonly Column<RuleBody>[] = [
    {
      id: 'enabled', header: 'On', width: 34, cell: (r) => (
        <input type="checkbox" checked={r.enabled} disabled={toggle.isPending} aria-label={`${r.enabled ? 'Disable' : 'Enable'} ${r.name}`}
          title={r.builtIn ? 'A default rule: disabling it stops what it does on every camera' : undefined}
          onClick={(e) => e.stopPropagation()} onChange={() => toggle.mutate(r)} />
      ),
    },
    { id: 'name', header: 'Rule', width: 160, cell: (r) => <>{r.name}{r.builtIn ? <span className="state-pill role-pill">Built-in</span> : null}</> },
    { id: 'sentence', header: 'What it does', cell: (r) => <RuleSentenceView compact parts={ruleSentence(r, context.names)} /> },
  ];
  const selected = rules.data.find((r) => r.id === itemId);

  return (
    <div className="page">
      <PageHeader title="Rules" icon="rule" detail="What the site does when something happens, or during a time profile."
        actions={<button type="button" className="btn btn-primary btn-sm" onClick={() => navigate({ itemId: NEW, tab: null })}><Icon name="plus" size={13} /> New rule</button>} />
      <OverviewLayout
        overview={(
          <>
            <div className="overview-filter">
              <Icon name="search" size={13} />
              <input className="input" type="search" aria-label="Filter rules" placeholder="Filter by name, event, camera…" value={filter} onChange={(e) => setFilter(e.target.value)} />
            </div>
            <ErrorNote error={toggle.error} />
            <div className="rule-table">
              <DataTable label="Rules" columns={columns} rows={shown} rowKey={(r) => r.id} selected={itemId} onSelect={(id) => navigate({ itemId: id })}
                empty={words ? 'No rule matches.' : 'No rules yet.'} />
            </div>
          </>
        )}
        properties={context.loading
          ? <PaneMessage kind="loading">Loading cameras, profiles and events…</PaneMessage>
          : itemId === NEW
            ? <RuleEditor key={NEW} context={context} onSaved={(r) => navigate({ itemId: r.id }, { replace: true })} onDeleted={() => navigate({ itemId: null })} />
            : selected
              ? <RuleEditor key={selected.id} rule={selected} context={context} onSaved={() => undefined} onDeleted={() => navigate({ itemId: null })} />
              : <PaneMessage>{itemId ? 'This rule no longer exists.' : 'Select a rule to edit it, or create one.'}</PaneMessage>}
      />
    </div>
  );
}
