/**
 * The alarm definition editor's draft and its mapping to the site's bodies: "on EVENT from
 * SOURCES [within TIME PROFILE] raise an alarm of PRIORITY in CATEGORY, showing CAMERAS and
 * INSTRUCTIONS to ROLES, with SOUND, [closed on EVENT]". Triggers are edited with the rule
 * editor's trigger clause, so they are held as the rule draft's trigger fields. Saved whole in
 * one request; the site names the field at fault ("close.sameSource", "roleIds[0]"). Pure.
 */
import type { AlarmDefinitionBody, AlarmSound, CreateAlarmDefinitionBody, EventType, RecordingMode, UpdateAlarmDefinitionBody } from '@nightjar/vms-core';
import { EVENTS } from '../rules/ruleCatalog';
import { definitionMissing, isDefinedEvent, newRuleDraft, triggerOf } from '../rules/ruleForm';
import type { RuleDraft } from '../rules/ruleForm';

export interface TriggerDraft {
  type: EventType;
  /** The user-defined or generic event, or the analytics source, for those types. */
  definitionId: string | null;
  /** null: any source. */
  sourceIds: string[] | null;
  /** Analytics events: the analytics rule's name; '' any. */
  ruleName: string;
  /** Camera events: only cameras in these recording modes; null any. */
  recordingModes: RecordingMode[] | null;
}

/** A trigger on any source of an event type. */
export const anyTrigger = (type: EventType): TriggerDraft => ({ type, definitionId: null, sourceIds: null, ruleName: '', recordingModes: null });

export interface AlarmDraft {
  name: string;
  description: string;
  enabled: boolean;
  trigger: TriggerDraft;
  /** null: always. */
  timeProfileId: string | null;
  priority: number;
  category: string;
  relatedCameraIds: string[];
  instructions: string;
  roleIds: string[];
  /** Whether an event closes the alarms (otherwise only people do). */
  closeOnEvent: boolean;
  close: TriggerDraft;
  /** Close only alarms from the closing event's source (when both events can share one). */
  sameSource: boolean;
  sound: AlarmSound;
}

/** Priority names, 1 (highest) to 5 (lowest), as operators see them in the alarm list. */
export const PRIORITIES: readonly { value: number; label: string }[] = [
  { value: 1, label: '1 – Critical' }, { value: 2, label: '2 – High' }, { value: 3, label: '3 – Medium' }, { value: 4, label: '4 – Low' }, { value: 5, label: '5 – Lowest' },
];

/** Keyed by the site's sounds: one added there fails the typecheck until it is named here. */
export const SOUNDS: Record<AlarmSound, string> = { none: 'No sound', chime: 'Chime', alert: 'Alert', siren: 'Siren' };
export const SOUND_LIST = Object.keys(SOUNDS) as AlarmSound[];

export function priorityLabel(priority: number): string {
  return PRIORITIES.find((p) => p.value === priority)?.label ?? String(priority);
}

/** The event that usually ends a trigger's condition: its end event, else the same kind. */
export function closeEventFor(type: EventType): EventType {
  return EVENTS[type].end ?? type;
}

export function newAlarmDraft(roleIds: string[]): AlarmDraft {
  return {
    name: '', description: '', enabled: true, trigger: anyTrigger('motionStarted'), timeProfileId: null,
    priority: 3, category: '', relatedCameraIds: [], instructions: '', roleIds, closeOnEvent: false,
    close: anyTrigger('motionStopped'), sameSource: true, sound: 'chime',
  };
}

type StoredTrigger = AlarmDefinitionBody['trigger'];
const toTriggerDraft = (t: StoredTrigger): TriggerDraft => ({
  type: t.type as EventType, definitionId: t.definitionId ?? null, sourceIds: t.sourceIds ?? null, ruleName: t.ruleName ?? '', recordingModes: t.recordingModes ?? null,
});

export function definitionToDraft(def: AlarmDefinitionBody): AlarmDraft {
  const trigger = toTriggerDraft(def.trigger);
  return {
    name: def.name, description: def.description, enabled: def.enabled, trigger, timeProfileId: def.timeProfileId ?? null,
    priority: def.priority, category: def.category, relatedCameraIds: [...def.relatedCameraIds], instructions: def.instructions, roleIds: [...def.roleIds],
    closeOnEvent: def.close !== undefined,
    close: def.close ? toTriggerDraft(def.close) : anyTrigger(closeEventFor(trigger.type)),
    sameSource: def.close?.sameSource ?? true, sound: def.sound,
  };
}

/** The trigger as the rule editor's trigger clause edits it. */
export function asRuleDraft(t: TriggerDraft): RuleDraft {
  return { ...newRuleDraft(), triggerType: t.type, definitionId: t.definitionId, sourceIds: t.sourceIds, ruleName: t.ruleName, recordingModes: t.recordingModes };
}

/** Back from the trigger clause: only the trigger's fields. */
export function fromRuleDraft(d: RuleDraft): TriggerDraft {
  return { type: d.triggerType, definitionId: d.definitionId, sourceIds: d.sourceIds, ruleName: d.ruleName, recordingModes: d.recordingModes };
}

/** Whether events of both types come from one kind of source (cameras, storages or servers), so "the same source" means something. */
export function canShareSource(a: EventType, b: EventType): boolean {
  const kind = EVENTS[a].sources;
  return kind !== 'none' && kind === EVENTS[b].sources;
}

function closeBody(d: AlarmDraft): NonNullable<CreateAlarmDefinitionBody['close']> {
  return { ...triggerOf(asRuleDraft(d.close)), sameSource: canShareSource(d.trigger.type, d.close.type) && d.sameSource };
}

export function draftToCreate(d: AlarmDraft): CreateAlarmDefinitionBody {
  return {
    name: d.name.trim(), description: d.description, enabled: d.enabled, trigger: triggerOf(asRuleDraft(d.trigger)),
    ...(d.timeProfileId !== null ? { timeProfileId: d.timeProfileId } : {}),
    priority: d.priority, category: d.category.trim(), relatedCameraIds: d.relatedCameraIds, instructions: d.instructions, roleIds: d.roleIds,
    ...(d.closeOnEvent ? { close: closeBody(d) } : {}), sound: d.sound,
  };
}

/** The whole definition as a change: what the draft leaves out is cleared with null. */
export function draftToUpdate(d: AlarmDraft): UpdateAlarmDefinitionBody {
  const { timeProfileId: _t, close: _c, ...rest } = draftToCreate(d);
  return { ...rest, timeProfileId: d.timeProfileId, close: d.closeOnEvent ? closeBody(d) : null };
}


/** Whether both triggers hear the same analytics rule: either hears any, or both name one (case-insensitively). */
function sameAnalyticsRule(a: TriggerDraft, b: TriggerDraft): boolean {
  const x = a.ruleName.trim().toLowerCase();
  const y = b.ruleName.trim().toLowerCase();
  return x === '' || y === '' || x === y;
}

/** What the form can tell before asking the site, by field path. */
export function alarmDraftProblems(d: AlarmDraft): Map<string, string> {
  const out = new Map<string, string>();
  if (d.name.trim() === '') out.set('name', 'An alarm definition needs a name.');
  if (isDefinedEvent(d.trigger.type) && d.trigger.definitionId === null) out.set('trigger.definitionId', definitionMissing(d.trigger.type));
  if (d.roleIds.length === 0) out.set('roleIds', 'Show its alarms to at least one role (administrators see every alarm).');
  if (d.closeOnEvent) {
    if (isDefinedEvent(d.close.type) && d.close.definitionId === null) out.set('close.definitionId', definitionMissing(d.close.type));
    else if (d.close.type === d.trigger.type && d.close.definitionId === d.trigger.definitionId && sameAnalyticsRule(d.trigger, d.close)) {
      out.set('close.type', 'The event that raises an alarm cannot also close it.');
    }
  }
  return out;
}

/** Categories already used by definitions, for the category field's suggestions. */
export function categoriesInUse(defs: readonly Pick<AlarmDefinitionBody, 'category'>[]): string[] {
  return [...new Set(defs.map((d) => d.category.trim()).filter((c) => c !== ''))].sort((a, b) => a.localeCompare(b));
}
