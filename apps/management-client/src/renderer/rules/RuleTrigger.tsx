/**
 * The "ON event FROM sources" part of an event rule: the event (grouped by devices, system,
 * defined events), which user-defined or generic event or analytics source (and which of its
 * analytics rules), the cameras, inputs, outputs, hardware, storages or recording servers it
 * must come from (any, or the ones ticked), and for camera events the cameras' recording modes
 * (how the default rules follow each camera's recording setting).
 */
import type { EventType } from '@nightjar/vms-core';
import { FormField } from '../components/FormField';
import { IdPicker } from './IdPicker';
import { EVENTS, EVENT_GROUPS, EVENT_TYPE_LIST, RECORDING_MODE_LABELS, RECORDING_MODE_LIST, isEventType } from './ruleCatalog';
import type { SourceKind } from './ruleCatalog';
import { changeTrigger } from './ruleForm';
import type { RuleDraft } from './ruleForm';
import type { Named, RuleContextData } from './useRuleContext';

/** The clause's words and control names; a form with two triggers (an alarm's raise and close events) names them apart. */
export interface TriggerLabels {
  word: string;
  event: string;
  userDefined: string;
  generic: string;
  analytics: string;
  ruleName: string;
  sources: string;
  recordingModes: string;
}

const RULE_LABELS: TriggerLabels = {
  word: 'On', event: 'Event', userDefined: 'User-defined event', generic: 'Generic event', analytics: 'Analytics source', ruleName: 'Analytics rule',
  sources: 'Sources of the event', recordingModes: 'Recording modes of the cameras',
};

/** The sources an event may come from, by kind: cameras, the hardware's inputs or outputs, the hardware itself, storages, servers. */
const SOURCE_PICKERS: Record<Exclude<SourceKind, 'none'>, (c: RuleContextData) => { items: readonly Named[]; any: string; some: string }> = {
  camera: (c) => ({ items: c.cameras, any: 'Any camera', some: 'These cameras:' }),
  input: (c) => ({ items: c.inputs, any: 'Any input', some: 'These inputs:' }),
  output: (c) => ({ items: c.outputs, any: 'Any output', some: 'These outputs:' }),
  hardware: (c) => ({ items: c.hardware, any: 'Any hardware', some: 'This hardware:' }),
  storage: (c) => ({ items: c.storages, any: 'Any storage', some: 'These storages:' }),
  server: (c) => ({ items: c.servers, any: 'Any recording server', some: 'These recording servers:' }),
};

export interface RuleTriggerProps {
  draft: RuleDraft;
  context: RuleContextData;
  problem: (field: string) => string | undefined;
  onChange: (draft: RuleDraft) => void;
  labels?: TriggerLabels;
}

export function RuleTrigger({ draft: d, context, problem, onChange, labels = RULE_LABELS }: RuleTriggerProps) {
  const info = EVENTS[d.triggerType];
  const definitions = info.category === 'userDefined' ? context.userDefined : info.category === 'generic' ? context.generic
    : info.category === 'analytics' ? context.analytics : undefined;
  const definitionLabel = info.category === 'generic' ? labels.generic : info.category === 'analytics' ? labels.analytics : labels.userDefined;
  const sources = info.sources === 'none' ? undefined : SOURCE_PICKERS[info.sources](context);

  return (
    <>
      <div className="rule-clause">
        <span className="rule-word">{labels.word}</span>
        <div className="rule-clause-body">
          <div className="rule-inline">
            <FormField label={labels.event} error={problem('trigger.type')}>
              <select value={d.triggerType} onChange={(e) => {
                if (isEventType(e.target.value)) onChange(changeTrigger(d, e.target.value));
              }}>
                {EVENT_GROUPS.map((g) => (
                  <optgroup key={g.category} label={g.label}>
                    {EVENT_TYPE_LIST.filter((t: EventType) => EVENTS[t].category === g.category).map((t) => (
                      <option key={t} value={t} disabled={EVENTS[t].unsupported}>{EVENTS[t].label}{EVENTS[t].unsupported ? ' (not supported yet)' : ''}</option>
                    ))}
                  </optgroup>
                ))}
              </select>
            </FormField>
            {definitions ? (
              <FormField label={definitionLabel} error={problem('trigger.definitionId')}>
                <select value={d.definitionId ?? ''} onChange={(e) => onChange({ ...d, definitionId: e.target.value || null })}>
                  <option value="" disabled>{definitions.length === 0 ? 'None defined yet' : 'Choose…'}</option>
                  {definitions.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
                </select>
              </FormField>
            ) : null}
            {info.category === 'analytics' ? (
              <FormField label={labels.ruleName} error={problem('trigger.ruleName')} hint="As the analytics system names it; empty: any of the source's rules.">
                <input value={d.ruleName} maxLength={200} placeholder="Any analytics rule" onChange={(e) => onChange({ ...d, ruleName: e.target.value })} />
              </FormField>
            ) : null}
          </div>
        </div>
      </div>
      {sources ? (
        <div className="rule-clause">
          <span className="rule-word">From</span>
          <IdPicker label={labels.sources} items={sources.items} selected={d.sourceIds} anyLabel={sources.any} someLabel={sources.some}
            onChange={(sourceIds) => onChange({ ...d, sourceIds })} error={problem('trigger.sourceIds')} />
        </div>
      ) : null}
      {info.sources === 'camera' ? <RecordingModesClause draft={d} label={labels.recordingModes} error={problem('trigger.recordingModes')} onChange={onChange} /> : null}
    </>
  );
}

/** "in recording mode …": any camera, or only cameras whose recording mode is ticked (read at each event). */
function RecordingModesClause({ draft: d, label, error, onChange }: { draft: RuleDraft; label: string; error: string | undefined; onChange: (d: RuleDraft) => void }) {
  const modes = d.recordingModes;
  const toggle = (mode: (typeof RECORDING_MODE_LIST)[number], on: boolean) => {
    const next = new Set(modes ?? []);
    if (on) next.add(mode);
    else next.delete(mode);
    onChange({ ...d, recordingModes: RECORDING_MODE_LIST.filter((m) => next.has(m)) });
  };
  return (
    <div className="rule-clause">
      <span className="rule-word">In mode</span>
      <div className="picker" role="group" aria-label={label}>
        <div className="rule-inline">
          <label className="checkbox"><input type="radio" name={label} checked={modes === null} onChange={() => onChange({ ...d, recordingModes: null })} /> Any recording mode</label>
          <label className="checkbox"><input type="radio" name={label} checked={modes !== null} onChange={() => onChange({ ...d, recordingModes: modes ?? [] })} /> Only cameras in recording mode:</label>
          {modes !== null ? RECORDING_MODE_LIST.map((m) => (
            <label key={m} className="checkbox"><input type="checkbox" checked={modes.includes(m)} onChange={(e) => toggle(m, e.target.checked)} /> {RECORDING_MODE_LABELS[m]}</label>
          )) : null}
        </div>
        {error ? <em className="field-error" role="alert">{error}</em> : (
          <small className="field-hint">Read when the event arrives: changing a camera's recording mode changes which cameras the rule hears.</small>
        )}
      </div>
    </div>
  );
}
