/**
 * The "ON event FROM sources" part of an event rule: the event (grouped by devices, system,
 * defined events), which user-defined or generic event, and the cameras, storages or
 * recording servers it must come from (any, or the ones ticked).
 */
import type { EventType } from '@nightjar/vms-core';
import { FormField } from '../components/FormField';
import { IdPicker } from './IdPicker';
import { EVENTS, EVENT_GROUPS, EVENT_TYPE_LIST, isEventType } from './ruleCatalog';
import { changeTrigger } from './ruleForm';
import type { RuleDraft } from './ruleForm';
import type { RuleContextData } from './useRuleContext';

/** The clause's words and control names; a form with two triggers (an alarm's raise and close events) names them apart. */
export interface TriggerLabels {
  word: string;
  event: string;
  userDefined: string;
  generic: string;
  sources: string;
}

const RULE_LABELS: TriggerLabels = { word: 'On', event: 'Event', userDefined: 'User-defined event', generic: 'Generic event', sources: 'Sources of the event' };

export interface RuleTriggerProps {
  draft: RuleDraft;
  context: RuleContextData;
  problem: (field: string) => string | undefined;
  onChange: (draft: RuleDraft) => void;
  labels?: TriggerLabels;
}

export function RuleTrigger({ draft: d, context, problem, onChange, labels = RULE_LABELS }: RuleTriggerProps) {
  const info = EVENTS[d.triggerType];
  const definitions = info.category === 'userDefined' ? context.userDefined : info.category === 'generic' ? context.generic : undefined;
  const sources = info.sources === 'camera' ? { items: context.cameras, any: 'Any camera', some: 'These cameras:' }
    : info.sources === 'storage' ? { items: context.storages, any: 'Any storage', some: 'These storages:' }
      : info.sources === 'server' ? { items: context.servers, any: 'Any recording server', some: 'These recording servers:' } : undefined;

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
              <FormField label={info.category === 'generic' ? labels.generic : labels.userDefined} error={problem('trigger.definitionId')}>
                <select value={d.definitionId ?? ''} onChange={(e) => onChange({ ...d, definitionId: e.target.value || null })}>
                  <option value="" disabled>{definitions.length === 0 ? 'None defined yet' : 'Choose…'}</option>
                  {definitions.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
                </select>
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
    </>
  );
}
