/** The actions (or stop actions) of a rule as cards, with "Add action" for the types that may go there. */
import { useState } from 'react';
import type { RuleActionBody, RuleActionType } from '@nightjar/vms-core';
import { ActionCard } from './ActionCard';
import type { ActionField } from './ruleCatalog';
import { ACTIONS, actionChoices } from './ruleCatalog';
import type { RuleContextData } from './useRuleContext';

export interface ActionListProps {
  list: 'actions' | 'stopActions';
  actions: readonly RuleActionBody[];
  cameraEvent: boolean;
  context: RuleContextData;
  /** The problem at a field path of the rule ("actions[1].cameras"). */
  problem: (field: string) => string | undefined;
  onAdd: (type: RuleActionType) => void;
  onChange: (index: number, action: RuleActionBody) => void;
  onRetype: (index: number, type: RuleActionType) => void;
  onRemove: (index: number) => void;
}

export function ActionList({ list, actions, cameraEvent, context, problem, onAdd, onChange, onRetype, onRemove }: ActionListProps) {
  const place = list === 'actions' ? 'start' : 'stop';
  const [adding, setAdding] = useState<RuleActionType | ''>('');
  const noun = list === 'actions' ? 'Action' : 'Stop action';
  return (
    <div className="rule-clause-body">
      {actions.map((a, i) => {
        const at = `${list}[${i}]`;
        return (
          <ActionCard key={i} action={a} place={place} title={`${noun} ${i + 1}`} cameraEvent={cameraEvent} context={context}
            problem={(f: ActionField | '') => problem(f === '' ? at : `${at}.${f}`)}
            onChange={(next) => onChange(i, next)} onRetype={(t) => onRetype(i, t)} onRemove={() => onRemove(i)} />
        );
      })}
      <div className="rule-inline">
        <select className="input" aria-label={`Add ${noun.toLowerCase()}`} value={adding} onChange={(e) => setAdding(e.target.value as RuleActionType | '')}>
          <option value="">{actions.length === 0 ? `Choose the first ${noun.toLowerCase()}…` : `Add another ${noun.toLowerCase()}…`}</option>
          {actionChoices(place).map((t) => <option key={t} value={t}>{ACTIONS[t].label}</option>)}
        </select>
        <button type="button" className="btn btn-sm" disabled={!adding} onClick={() => {
          if (!adding) return;
          onAdd(adding);
          setAdding('');
        }}>Add</button>
      </div>
    </div>
  );
}
