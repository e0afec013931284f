/**
 * A generic event: the match expression over messages of some or all listeners, its priority
 * (when several match one message, only the lowest number is raised), and whether it is on.
 * The site compiles the expression and names it when it does not.
 */
import { useMutation } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { Icon, queryKeys } from '@nightjar/ui';
import { FormField } from '../components/FormField';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { useAdmin } from '../session/adminContext';
import { createGenericEvent, deleteGenericEvent, updateGenericEvent } from './eventDefinitionsApi';
import type { GenericEventBody, GenericEventSourceBody } from './eventDefinitionsApi';
import { problemAt, siteProblem } from './fieldProblems';
import { DEFAULT_EVENT, draftToEventBody, eventProblems, eventToDraft } from './genericForms';
import type { EventDraft } from './genericForms';
import { IdPicker } from './IdPicker';

const FIELDS = ['name', 'description', 'expressionType', 'expression', 'caseSensitive', 'priority', 'sourceIds'];
const EXPRESSION_HINT: Record<EventDraft['expressionType'], string> = {
  search: 'Words and "quoted phrases", combined with AND and OR: gate AND "is open".',
  exact: 'The whole message, exactly.',
  regex: 'A regular expression, e.g. ^door \\d+ forced$.',
};

export interface GenericEventFormProps {
  event?: GenericEventBody;
  sources: readonly GenericEventSourceBody[];
  onSaved: (e: GenericEventBody) => void;
  onDeleted: () => void;
}

export function GenericEventForm({ event, sources, onSaved, onDeleted }: GenericEventFormProps) {
  const { client, queryClient, notify } = useAdmin();
  const initial = useMemo(() => (event ? eventToDraft(event) : DEFAULT_EVENT), [event]);
  const [d, setDraft] = useState<EventDraft>(initial);
  useEffect(() => setDraft(initial), [initial]);
  const [tried, setTried] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.configuration('genericEvents') });
  const save = useMutation({
    mutationFn: () => (event ? updateGenericEvent(client, event.id, draftToEventBody(d)) : createGenericEvent(client, draftToEventBody(d))),
    onSuccess: (saved) => {
      notify(`Generic event ${saved.name} saved.`, 'success');
      void refresh();
      onSaved(saved);
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteGenericEvent(client, event!.id),
    onSuccess: () => {
      notify(`Generic event ${event!.name} deleted.`, 'success');
      setConfirming(false);
      void refresh();
      onDeleted();
    },
  });
  const local = eventProblems(d);
  const shown = tried ? local : new Map([...local].filter(([k]) => (k === 'name' ? d.name !== '' : k === 'expression' ? d.expression !== '' : true)));
  const site = siteProblem(save.error);
  const problem = (f: string) => problemAt(shown, site, f);
  const unclaimed = save.error && (!site || !FIELDS.some((f) => problemAt(new Map(), site, f))) ? (save.error as Error).message : undefined;
  const changed = JSON.stringify(d) !== JSON.stringify(initial);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (local.size === 0) save.mutate();
  };

  return (
    <>
      <div className="properties-head">
        <Icon name="bolt" size={16} />
        <h2>{event ? event.name : 'New generic event'}</h2>
        {event && !event.enabled ? <span className="state-pill">Disabled</span> : null}
        <div className="page-actions">
          {event ? <button type="button" className="btn btn-sm btn-danger" onClick={() => { remove.reset(); setConfirming(true); }}><Icon name="trash" size={13} /> Delete</button> : null}
        </div>
      </div>
      <form className="page-form" onSubmit={submit} noValidate aria-label={event ? `Generic event ${event.name}` : 'New generic event'}>
        <div className="form-grid">
          <FormField label="Name" error={problem('name')}>
            <input value={d.name} maxLength={100} onChange={(e) => setDraft({ ...d, name: e.target.value })} />
          </FormField>
          <FormField label="Priority" error={problem('priority')} hint="0 is first; only the lowest matching number is raised.">
            <input type="number" min={0} max={999} value={d.priority} onChange={(e) => setDraft({ ...d, priority: e.target.value })} />
          </FormField>
          <FormField label="Match by" error={problem('expressionType')}>
            <select value={d.expressionType} onChange={(e) => setDraft({ ...d, expressionType: e.target.value as EventDraft['expressionType'] })}>
              <option value="search">Search words</option>
              <option value="exact">Exact message</option>
              <option value="regex">Regular expression</option>
            </select>
          </FormField>
        </div>
        <FormField label="Match expression" error={problem('expression')} hint={EXPRESSION_HINT[d.expressionType]}>
          <input className="mono" value={d.expression} onChange={(e) => setDraft({ ...d, expression: e.target.value })} />
        </FormField>
        <label className="checkbox"><input type="checkbox" checked={d.caseSensitive} onChange={(e) => setDraft({ ...d, caseSensitive: e.target.checked })} /> Case sensitive</label>
        <IdPicker label="Listeners whose messages are matched" items={sources} selected={d.sourceIds} anyLabel="Every listener" someLabel="These listeners:"
          onChange={(sourceIds) => setDraft({ ...d, sourceIds })} error={problem('sourceIds')} />
        <FormField label="Description" error={problem('description')}>
          <input value={d.description} maxLength={1000} onChange={(e) => setDraft({ ...d, description: e.target.value })} />
        </FormField>
        <label className="checkbox"><input type="checkbox" checked={d.enabled} onChange={(e) => setDraft({ ...d, enabled: e.target.checked })} /> Enabled</label>
        {event ? <p className="muted">{event.usedBy.length > 0 ? `Rules on it: ${event.usedBy.join(', ')}.` : 'No rule uses it yet: add one under Rules.'}</p> : null}
        {unclaimed ? <div className="error-note" role="alert">{unclaimed}</div> : null}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={(!changed && !!event) || save.isPending}>{save.isPending ? 'Saving…' : event ? 'Save' : 'Create event'}</button>
          <button type="button" className="btn" disabled={!changed || save.isPending} onClick={() => { setDraft(initial); setTried(false); save.reset(); }}>Revert</button>
        </div>
      </form>
      {confirming && event ? (
        <ConfirmDialog title="Delete generic event" confirmLabel="Delete event" busy={remove.isPending} error={remove.error} onConfirm={() => remove.mutate()} onClose={() => setConfirming(false)}>
          <p>Delete <b>{event.name}</b>?</p>
          {event.usedBy.length > 0 ? <p className="muted">The rules {event.usedBy.join(', ')} use it; the site refuses until they no longer do.</p> : null}
        </ConfirmDialog>
      ) : null}
    </>
  );
}
