/**
 * The rule editor, laid out as the sentence it builds: ON event FROM sources WITHIN time
 * profile PERFORM actions, AND ON its end (or after a time) PERFORM stop actions; or, for a
 * time rule, WITHIN profile PERFORM actions AND WHEN IT ENDS PERFORM stop actions. The
 * sentence reads back above the form as it changes. Saved whole in one request. The site's
 * default rules open here too, with every part of their trigger (recording modes) and actions
 * (the cameras' own buffers) shown and kept.
 */
import { useMutation } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import type { EventType } from '@nightjar/vms-core';
import { Icon, queryKeys } from '@nightjar/ui';
import { FormField } from '../components/FormField';
import { useRoute } from '../navigation/route';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { useAdmin } from '../session/adminContext';
import { ActionList } from './ActionList';
import { problemAt, siteProblem } from './fieldProblems';
import { RuleSentenceView } from './RuleSentenceView';
import { RuleTrigger } from './RuleTrigger';
import { EVENTS, eventHasCamera } from './ruleCatalog';
import {
  addAction, changeKind, draftProblem, draftToCreate, draftToUpdate, hasStopPart, newRuleDraft, removeAction, retypeAction, ruleToDraft, updateAction,
} from './ruleForm';
import type { RuleDraft, StopMode } from './ruleForm';
import { ruleSentence } from './ruleSentence';
import { createRule, deleteRule, updateRule } from './rulesApi';
import type { RuleBody } from './rulesApi';
import type { RuleContextData } from './useRuleContext';

const CLAIMED = ['name', 'description', 'kind', 'trigger', 'timeProfileId', 'actions', 'stop', 'stopActions'];

export interface RuleEditorProps {
  rule?: RuleBody;
  context: RuleContextData;
  onSaved: (rule: RuleBody) => void;
  onDeleted: () => void;
}

export function RuleEditor({ rule, context, onSaved, onDeleted }: RuleEditorProps) {
  const { client, queryClient, notify } = useAdmin();
  const [, navigate] = useRoute();
  const initial = useMemo(() => (rule ? ruleToDraft(rule) : newRuleDraft()), [rule]);
  const [d, setDraft] = useState<RuleDraft>(initial);
  useEffect(() => setDraft(initial), [initial]);
  const [tried, setTried] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.configuration('rules') });
  const save = useMutation({
    mutationFn: (draft: RuleDraft) => (rule ? updateRule(client, rule.id, draftToUpdate(draft)) : createRule(client, draftToCreate(draft))),
    onSuccess: (saved) => {
      notify(`Rule ${saved.name} saved.`, 'success');
      void refresh();
      onSaved(saved);
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteRule(client, rule!.id),
    onSuccess: () => {
      notify(`Rule ${rule!.name} deleted.`, 'success');
      setConfirming(false);
      void refresh();
      onDeleted();
    },
  });

  const local = draftProblem(d);
  const shown = local && (tried || local.field !== 'name' || d.name !== '') ? new Map([[local.field, local.message]]) : new Map<string, string>();
  const site = siteProblem(save.error);
  const problem = (field: string) => problemAt(shown, site, field);
  const unclaimed = save.error && (!site || !CLAIMED.some((f) => problemAt(new Map(), site, f))) ? (save.error as Error).message : undefined;
  const changed = JSON.stringify(d) !== JSON.stringify(initial);
  // "The event's camera": a camera's own events, a hardware unit's, and analytics sources that watch one (not inputs or outputs).
  const cameraEvent = d.kind === 'event' && eventHasCamera(d.triggerType);
  const end = EVENTS[d.triggerType].end;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!local) save.mutate(d);
  };
  const actionHandlers = (list: 'actions' | 'stopActions') => ({
    onAdd: (type: Parameters<typeof addAction>[1]) => setDraft(addAction(d, type, list)),
    onChange: (i: number, a: RuleDraft['actions'][number]) => setDraft(updateAction(d, list, i, a)),
    onRetype: (i: number, type: Parameters<typeof retypeAction>[1]) => setDraft(updateAction(d, list, i, retypeAction(d[list][i]!, type, d))),
    onRemove: (i: number) => setDraft(removeAction(d, list, i)),
  });

  return (
    <form className="rule-editor" onSubmit={submit} noValidate aria-label={rule ? `Rule ${rule.name}` : 'New rule'}>
      <div className="properties-head">
        <Icon name="rule" size={16} />
        <h2>{rule ? rule.name : 'New rule'}</h2>
        {rule?.builtIn ? <span className="state-pill">Built-in</span> : null}
        <div className="page-actions">
          {rule ? <button type="button" className="btn btn-sm" onClick={() => navigate({ node: 'ruleLog', itemId: rule.id, tab: null })}>Rule log</button> : null}
          {rule ? <button type="button" className="btn btn-sm btn-danger" onClick={() => { remove.reset(); setConfirming(true); }}><Icon name="trash" size={13} /> Delete</button> : null}
        </div>
      </div>
      <RuleSentenceView parts={ruleSentence(draftToCreate(d), context.names)} />
      {rule?.builtIn ? (
        <p className="builtin-note" role="note">
          A default rule of the site, carried out like any other rule. It follows each camera's settings: the recording modes it names and,
          where it gives no seconds, each camera's own pre- and post-buffer. Changing it changes what every such camera does; deleting
          "Start feed always" disconnects the cameras.
        </p>
      ) : null}
      <div className="form-grid">
        <FormField label="Name" error={problem('name')}>
          <input value={d.name} maxLength={100} onChange={(e) => setDraft({ ...d, name: e.target.value })} />
        </FormField>
        <FormField label="Description" error={problem('description')}>
          <input value={d.description} maxLength={1000} onChange={(e) => setDraft({ ...d, description: e.target.value })} />
        </FormField>
      </div>
      <div className="rule-kind" role="radiogroup" aria-label="Kind of rule">
        <label className="checkbox"><input type="radio" name="rule-kind" checked={d.kind === 'event'} onChange={() => setDraft(changeKind(d, 'event'))} /> Event-based: on an event</label>
        <label className="checkbox"><input type="radio" name="rule-kind" checked={d.kind === 'time'} onChange={() => setDraft(changeKind(d, 'time'))} /> Time-based: within a time profile</label>
        <label className="checkbox"><input type="checkbox" checked={d.enabled} onChange={(e) => setDraft({ ...d, enabled: e.target.checked })} /> Enabled</label>
      </div>

      {d.kind === 'event' ? <RuleTrigger draft={d} context={context} problem={problem} onChange={setDraft} /> : null}

      <div className="rule-clause">
        <span className="rule-word">Within</span>
        <FormField label="Time profile" error={problem('timeProfileId')}>
          <select value={d.timeProfileId ?? ''} onChange={(e) => setDraft({ ...d, timeProfileId: e.target.value || null })}>
            <option value="">{d.kind === 'event' ? 'Any time' : 'Always (from when the rule is saved)'}</option>
            {context.profiles.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </FormField>
      </div>

      <div className="rule-clause">
        <span className="rule-word">Perform</span>
        <div className="rule-clause-body">
          <ActionList list="actions" actions={d.actions} cameraEvent={cameraEvent} context={context} problem={problem} {...actionHandlers('actions')} />
          {problem('actions') && !d.actions.some((_, i) => problem(`actions[${i}]`)) ? <em className="field-error" role="alert">{problem('actions')}</em> : null}
        </div>
      </div>

      <div className="rule-clause">
        <span className="rule-word">{d.kind === 'event' ? 'And' : 'When it ends'}</span>
        <div className="rule-clause-body">
          {d.kind === 'event' ? (
            <div className="rule-inline">
              <select className="input" aria-label="When the stop actions run" value={d.stop} onChange={(e) => setDraft({ ...d, stop: e.target.value as StopMode })}>
                <option value="none">no stop actions</option>
                <option value="endEvent" disabled={!end}>on the matching end event{end ? ` (${EVENTS[end as EventType].label})` : ' (this event has none)'}</option>
                <option value="after">a number of seconds later</option>
              </select>
              {d.stop === 'after' ? (
                <input className="input seconds" type="number" min={1} aria-label="Seconds until the stop actions" aria-invalid={!!problem('stop.seconds')}
                  value={d.stopSeconds} onChange={(e) => setDraft({ ...d, stopSeconds: Number(e.target.value) })} />
              ) : null}
              {d.stop !== 'none' ? <span className="rule-word">perform</span> : null}
            </div>
          ) : null}
          {problem('stop') ? <em className="field-error" role="alert">{problem('stop')}</em> : null}
          {hasStopPart(d) ? (
            <ActionList list="stopActions" actions={d.stopActions} cameraEvent={cameraEvent} context={context} problem={problem} {...actionHandlers('stopActions')} />
          ) : null}
          {problem('stopActions') && !d.stopActions.some((_, i) => problem(`stopActions[${i}]`)) ? <em className="field-error" role="alert">{problem('stopActions')}</em> : null}
        </div>
      </div>

      {unclaimed ? <div className="error-note" role="alert">{unclaimed}</div> : null}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={(!changed && !!rule) || save.isPending}>{save.isPending ? 'Saving…' : rule ? 'Save' : 'Create rule'}</button>
        <button type="button" className="btn" disabled={!changed || save.isPending} onClick={() => { setDraft(initial); setTried(false); save.reset(); }}>Revert</button>
        {rule?.enabled && changed ? <span className="muted">If the rule is active, its stop actions run before the change applies.</span> : null}
      </div>
      {confirming && rule ? (
        <ConfirmDialog title="Delete rule" confirmLabel="Delete rule" busy={remove.isPending} error={remove.error} onConfirm={() => remove.mutate()} onClose={() => setConfirming(false)}>
          <p>Delete the rule <b>{rule.name}</b>? If it is active, its stop actions run first.</p>
        </ConfirmDialog>
      ) : null}
    </form>
  );
}
