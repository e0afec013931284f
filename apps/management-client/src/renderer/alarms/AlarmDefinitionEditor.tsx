/**
 * The alarm definition editor, laid out as the sentence it builds: ON event FROM sources
 * WITHIN time profile RAISE an alarm (priority, category, sound) SHOWING cameras and
 * instructions TO roles, CLOSED by people or ON an event. The trigger clauses are the rule
 * editor's. The sentence reads back above the form; saved whole in one request.
 */
import { useMutation } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import type { AlarmSound } from '@nightjar/vms-core';
import { Icon } from '@nightjar/ui';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { FormField } from '../components/FormField';
import { IdPicker } from '../rules/IdPicker';
import { RuleSentenceView } from '../rules/RuleSentenceView';
import { RuleTrigger } from '../rules/RuleTrigger';
import type { TriggerLabels } from '../rules/RuleTrigger';
import { problemAt, siteProblem } from '../rules/fieldProblems';
import type { Named, RuleContextData } from '../rules/useRuleContext';
import { useAdmin } from '../session/adminContext';
import {
  PRIORITIES, SOUNDS, SOUND_LIST, alarmDraftProblems, anyTrigger, asRuleDraft, canShareSource, closeEventFor, definitionToDraft, draftToCreate, draftToUpdate, fromRuleDraft,
  newAlarmDraft,
} from './alarmForm';
import type { AlarmDraft } from './alarmForm';
import { alarmSentence } from './alarmSentence';
import { alarmDefinitionKeys, createAlarmDefinition, deleteAlarmDefinition, updateAlarmDefinition } from './alarmsApi';
import type { AlarmDefinitionBody } from './alarmsApi';

const CLAIMED = ['name', 'description', 'trigger', 'timeProfileId', 'priority', 'category', 'relatedCameraIds', 'instructions', 'roleIds', 'close', 'sound'];
const CLOSE_LABELS: TriggerLabels = {
  word: 'Close on', event: 'Closing event', userDefined: 'Closing user-defined event', generic: 'Closing generic event', analytics: 'Closing analytics source',
  ruleName: 'Closing analytics rule', sources: 'Sources of the closing event', recordingModes: 'Recording modes of the closing cameras',
};

export interface AlarmDefinitionEditorProps {
  definition?: AlarmDefinitionBody;
  context: RuleContextData;
  roles: readonly Named[];
  /** Roles could not be listed (the user may not manage users): only the built-in ones are offered. */
  rolesLimited: boolean;
  categories: readonly string[];
  onSaved: (definition: AlarmDefinitionBody) => void;
  onDeleted: () => void;
}

export function AlarmDefinitionEditor({ definition, context, roles, rolesLimited, categories, onSaved, onDeleted }: AlarmDefinitionEditorProps) {
  const { client, queryClient, notify } = useAdmin();
  const initial = useMemo(() => (definition ? definitionToDraft(definition) : newAlarmDraft(['operators'])), [definition]);
  const [d, setDraft] = useState<AlarmDraft>(initial);
  const [tried, setTried] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: alarmDefinitionKeys.all });
  const save = useMutation({
    mutationFn: (draft: AlarmDraft) => (definition ? updateAlarmDefinition(client, definition.id, draftToUpdate(draft)) : createAlarmDefinition(client, draftToCreate(draft))),
    onSuccess: (saved) => {
      notify(`Alarm definition ${saved.name} saved.`, 'success');
      setTried(false);
      void refresh();
      onSaved(saved);
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteAlarmDefinition(client, definition!.id),
    onSuccess: () => {
      notify(`Alarm definition ${definition!.name} deleted.`, 'success');
      setConfirming(false);
      void refresh();
      onDeleted();
    },
  });

  const local = alarmDraftProblems(d);
  const shown = new Map([...local].filter(([f]) => tried || f !== 'name' || d.name !== ''));
  const site = siteProblem(save.error);
  const problem = (field: string) => problemAt(shown, site, field);
  const unclaimed = save.error && !CLAIMED.some((f) => problemAt(new Map(), site, f)) ? (save.error as Error).message : undefined;
  const changed = JSON.stringify(d) !== JSON.stringify(initial);
  const shareable = canShareSource(d.trigger.type, d.close.type);
  const roleName = (id: string) => roles.find((r) => r.id === id)?.name;
  // A close problem no control below shows (the clauses show their own fields).
  const closeElsewhere = d.closeOnEvent && ['close.type', 'close.definitionId', 'close.sourceIds', 'close.sameSource'].some((f) => problem(f)) ? undefined : problem('close');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (local.size === 0) save.mutate(d);
  };

  return (
    <form className="rule-editor alarm-editor" onSubmit={submit} noValidate aria-label={definition ? `Alarm definition ${definition.name}` : 'New alarm definition'}>
      <div className="properties-head">
        <Icon name="warning" size={16} />
        <h2>{definition ? definition.name : 'New alarm definition'}</h2>
        <div className="page-actions">
          {definition ? <button type="button" className="btn btn-sm btn-danger" onClick={() => { remove.reset(); setConfirming(true); }}><Icon name="trash" size={13} /> Delete</button> : null}
        </div>
      </div>
      <RuleSentenceView parts={alarmSentence(draftToCreate(d), { ...context.names, role: roleName })} />
      <div className="form-grid">
        <FormField label="Name" error={problem('name')}>
          <input value={d.name} maxLength={100} onChange={(e) => setDraft({ ...d, name: e.target.value })} />
        </FormField>
        <FormField label="Description" error={problem('description')}>
          <input value={d.description} maxLength={1000} onChange={(e) => setDraft({ ...d, description: e.target.value })} />
        </FormField>
      </div>
      <label className="checkbox"><input type="checkbox" checked={d.enabled} onChange={(e) => setDraft({ ...d, enabled: e.target.checked })} /> Enabled: raises alarms</label>

      <RuleTrigger draft={asRuleDraft(d.trigger)} context={context} problem={problem} onChange={(r) => setDraft({ ...d, trigger: fromRuleDraft(r) })} />

      <div className="rule-clause">
        <span className="rule-word">Within</span>
        <FormField label="Time profile" error={problem('timeProfileId')}>
          <select value={d.timeProfileId ?? ''} onChange={(e) => setDraft({ ...d, timeProfileId: e.target.value || null })}>
            <option value="">Any time</option>
            {context.profiles.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </FormField>
      </div>

      <div className="rule-clause">
        <span className="rule-word">Raise</span>
        <div className="rule-inline alarm-raise">
          <FormField label="Priority" error={problem('priority')}>
            <select value={d.priority} onChange={(e) => setDraft({ ...d, priority: Number(e.target.value) })}>
              {PRIORITIES.map((p) => <option key={p.value} value={p.value}>{p.label}</option>)}
            </select>
          </FormField>
          <FormField label="Category" error={problem('category')}>
            <input value={d.category} maxLength={60} list="alarm-categories" placeholder="Intrusion, Technical…" onChange={(e) => setDraft({ ...d, category: e.target.value })} />
          </FormField>
          <datalist id="alarm-categories">{categories.map((c) => <option key={c} value={c} />)}</datalist>
          <FormField label="Sound" error={problem('sound')}>
            <select value={d.sound} onChange={(e) => setDraft({ ...d, sound: e.target.value as AlarmSound })}>
              {SOUND_LIST.map((s) => <option key={s} value={s}>{SOUNDS[s]}</option>)}
            </select>
          </FormField>
        </div>
      </div>

      <div className="rule-clause">
        <span className="rule-word">Showing</span>
        <div className="rule-clause-body">
          <span className="muted">Related cameras (the camera that raised the event comes first anyway):</span>
          <IdPicker label="Related cameras" items={context.cameras} selected={d.relatedCameraIds} onChange={(ids) => setDraft({ ...d, relatedCameraIds: ids ?? [] })}
            error={problem('relatedCameraIds')} />
          <FormField label="Instructions" error={problem('instructions')} hint="What the operator should do; copied into each alarm">
            <textarea rows={4} value={d.instructions} maxLength={4000} onChange={(e) => setDraft({ ...d, instructions: e.target.value })} />
          </FormField>
        </div>
      </div>

      <div className="rule-clause">
        <span className="rule-word">To</span>
        <div className="rule-clause-body">
          <IdPicker label="Roles shown its alarms" items={roles} selected={d.roleIds} onChange={(ids) => setDraft({ ...d, roleIds: ids ?? [] })} error={problem('roleIds')} />
          <span className="muted">{rolesLimited ? 'Your roles may not list the site\'s roles (that needs manage users): only the built-in ones are offered.' : 'Administrators see every alarm.'}</span>
        </div>
      </div>

      <div className="rule-clause">
        <span className="rule-word">Closed</span>
        <div className="rule-clause-body">
          <div className="rule-inline" role="radiogroup" aria-label="How its alarms are closed">
            <label className="checkbox"><input type="radio" name="alarm-close" checked={!d.closeOnEvent} onChange={() => setDraft({ ...d, closeOnEvent: false })} /> By people only</label>
            <label className="checkbox">
              <input type="radio" name="alarm-close" checked={d.closeOnEvent}
                onChange={() => setDraft({ ...d, closeOnEvent: true, close: d.closeOnEvent ? d.close : anyTrigger(closeEventFor(d.trigger.type)) })} />
              Also on an event
            </label>
          </div>
          {closeElsewhere ? <em className="field-error" role="alert">{closeElsewhere}</em> : null}
        </div>
      </div>
      {d.closeOnEvent ? (
        <>
          <RuleTrigger draft={asRuleDraft(d.close)} context={context} labels={CLOSE_LABELS} problem={(f) => problem(f.replace(/^trigger/, 'close'))}
            onChange={(r) => setDraft({ ...d, close: fromRuleDraft(r) })} />
          <div className="rule-clause">
            <span />
            <div className="rule-clause-body">
              <label className="checkbox">
                <input type="checkbox" checked={shareable && d.sameSource} disabled={!shareable} onChange={(e) => setDraft({ ...d, sameSource: e.target.checked })} />
                Close only the alarms from the source the closing event comes from
              </label>
              {!shareable ? <span className="muted">These events come from different kinds of source: the closing event closes every open alarm of this definition.</span> : null}
              {/* close.type shows at the closing event itself (the trigger clause above). */}
              {problem('close.sameSource') ? <em className="field-error" role="alert">{problem('close.sameSource')}</em> : null}
            </div>
          </div>
        </>
      ) : null}

      {definition && definition.openAlarms > 0 ? <p className="muted">{definition.openAlarms} of its alarms are not closed yet; changes apply to alarms raised from now on.</p> : null}
      {unclaimed ? <div className="error-note" role="alert">{unclaimed}</div> : null}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={(!changed && !!definition) || save.isPending}>{save.isPending ? 'Saving…' : definition ? 'Save' : 'Create alarm definition'}</button>
        <button type="button" className="btn" disabled={!changed || save.isPending} onClick={() => { setDraft(initial); setTried(false); save.reset(); }}>Revert</button>
      </div>
      {confirming && definition ? (
        <ConfirmDialog title="Delete alarm definition" confirmLabel="Delete alarm definition" busy={remove.isPending} error={remove.error}
          onConfirm={() => remove.mutate()} onClose={() => setConfirming(false)}>
          <p>Delete <b>{definition.name}</b>? Its closed alarms stay, shown to administrators.</p>
          {definition.openAlarms > 0 ? <p className="muted">{definition.openAlarms} of its alarms are still open: the site refuses until they are closed. Disable it instead to stop new alarms.</p> : null}
        </ConfirmDialog>
      ) : null}
    </form>
  );
}
