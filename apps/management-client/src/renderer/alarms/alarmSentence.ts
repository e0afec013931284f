/**
 * An alarm definition read as one sentence, as the rule list reads rules: "On Connection lost
 * from Gate within Night raise a High (2) alarm in Technical for Operators, closed on
 * Connection restored from the same source". Parts marked `term` are the choices. Pure.
 */
import type { CreateAlarmDefinitionBody } from '@nightjar/vms-core';
import { EVENTS, isEventType } from '../rules/ruleCatalog';
import { eventPhrase, joinParts } from '../rules/ruleSentence';
import type { RuleNames, SentencePart } from '../rules/ruleSentence';
import { priorityLabel } from './alarmForm';

export interface AlarmNames extends RuleNames {
  role: (id: string) => string | undefined;
}

const word = (text: string): SentencePart => ({ text });
const term = (text: string): SentencePart => ({ text, term: true });

export function alarmSentence(def: CreateAlarmDefinitionBody, names: AlarmNames): SentencePart[] {
  const out: SentencePart[] = [word('On '), ...eventPhrase(def.trigger, names)];
  if (def.timeProfileId) out.push(word(' within '), term(names.timeProfile(def.timeProfileId) ?? def.timeProfileId));
  out.push(word(' raise a '), term(`priority ${priorityLabel(def.priority ?? 3)}`), word(' alarm'));
  if (def.category?.trim()) out.push(word(' in '), term(def.category.trim()));
  const roles = def.roleIds.map((id) => [term(names.role(id) ?? id)]);
  out.push(word(' for '), ...(roles.length ? joinParts(roles) : [term('nobody yet')]));
  if (def.close) {
    const type = def.close.type;
    // "from any camera from the same source" says it twice: the same source is the whole answer.
    const bare = def.close.sameSource && def.close.sourceIds === undefined && isEventType(type) && EVENTS[type].sources !== 'none';
    out.push(word(', closed on '), ...(bare ? [term(EVENTS[type].label)] : eventPhrase(def.close, names)));
    if (def.close.sameSource) out.push(...(bare ? [word(' from '), term('the same source')] : [word(' (same source only)')]));
  } else {
    out.push(word(', closed by people'));
  }
  return out;
}
