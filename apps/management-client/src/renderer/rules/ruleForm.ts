/**
 * The rule editor's draft and its mapping to the site's bodies. The draft holds every part of
 * the sentence the editor shows ("on EVENT from SOURCES within PROFILE perform ACTIONS and on
 * the end event perform STOP ACTIONS"); saving sends the whole rule in one request, so a
 * refused rule leaves nothing half-changed. The site checks the rule and names the field at
 * fault ("actions[1].cameras.cameraIds[0]"), which the editor shows beside that part.
 */
import type { CreateRuleBody, EventType, RecordingMode, RuleActionBody, RuleActionType, RuleBody, UpdateRuleBody } from '@nightjar/vms-core';
import { ACTIONS, EVENTS, eventHasCamera } from './ruleCatalog';
import type { ActionField } from './ruleCatalog';

export type StopMode = 'none' | 'endEvent' | 'after';

export interface RuleDraft {
  kind: 'event' | 'time';
  name: string;
  description: string;
  enabled: boolean;
  /** null: always. */
  timeProfileId: string | null;
  triggerType: EventType;
  /** The user-defined or generic event, or the analytics source, for those triggers. */
  definitionId: string | null;
  /** null: any source. */
  sourceIds: string[] | null;
  /** Analytics events: only those of the source's analytics rule of this name; '' any. */
  ruleName: string;
  /** Camera events: only from cameras in one of these recording modes (read at each event); null any. */
  recordingModes: RecordingMode[] | null;
  stop: StopMode;
  stopSeconds: number;
  actions: RuleActionBody[];
  stopActions: RuleActionBody[];
}

export const DEFAULT_STOP_SECONDS = 30;

export function newRuleDraft(): RuleDraft {
  return {
    kind: 'event', name: '', description: '', enabled: true, timeProfileId: null,
    triggerType: 'motionStarted', definitionId: null, sourceIds: null, ruleName: '', recordingModes: null, stop: 'none', stopSeconds: DEFAULT_STOP_SECONDS,
    actions: [], stopActions: [],
  };
}

export function ruleToDraft(rule: RuleBody): RuleDraft {
  const trigger = rule.trigger;
  return {
    kind: rule.kind, name: rule.name, description: rule.description, enabled: rule.enabled, timeProfileId: rule.timeProfileId ?? null,
    triggerType: (trigger?.type as EventType | undefined) ?? 'motionStarted',
    definitionId: trigger?.definitionId ?? null,
    sourceIds: trigger?.sourceIds ?? null,
    ruleName: trigger?.ruleName ?? '',
    recordingModes: trigger?.recordingModes ?? null,
    stop: rule.stop ? rule.stop.kind : 'none',
    stopSeconds: rule.stop?.kind === 'after' && rule.stop.seconds !== undefined ? rule.stop.seconds : DEFAULT_STOP_SECONDS,
    actions: rule.actions.map(cleanAction),
    stopActions: rule.stopActions.map(cleanAction),
  };
}

/** Whether the draft's rule has stop actions at all (event rules: only when a stop is chosen). */
export function hasStopPart(d: RuleDraft): boolean {
  return d.kind === 'time' || d.stop !== 'none';
}

/** Events named by a definition the site holds: a user-defined or generic event, or an analytics source. */
export function isDefinedEvent(type: EventType): boolean {
  const category = EVENTS[type].category;
  return category === 'userDefined' || category === 'generic' || category === 'analytics';
}

/** Whether the event's source is a camera, whose recording mode a trigger may ask for. */
export const fromCamera = (type: EventType) => EVENTS[type].sources === 'camera';

/** The trigger as the site takes it (alarm definitions build theirs with it too). */
export function triggerOf(d: RuleDraft): NonNullable<CreateRuleBody['trigger']> {
  const info = EVENTS[d.triggerType];
  const defined = isDefinedEvent(d.triggerType);
  const ruleName = d.ruleName.trim();
  return {
    type: d.triggerType,
    ...(defined && d.definitionId !== null ? { definitionId: d.definitionId } : {}),
    ...(!defined && info.sources !== 'none' && d.sourceIds !== null ? { sourceIds: d.sourceIds } : {}),
    ...(info.category === 'analytics' && ruleName !== '' ? { ruleName } : {}),
    ...(fromCamera(d.triggerType) && d.recordingModes !== null ? { recordingModes: d.recordingModes } : {}),
  };
}

function stopOf(d: RuleDraft): CreateRuleBody['stop'] {
  if (d.kind !== 'event' || d.stop === 'none') return undefined;
  return d.stop === 'endEvent' ? { kind: 'endEvent' } : { kind: 'after', seconds: d.stopSeconds };
}

export function draftToCreate(d: RuleDraft): CreateRuleBody {
  const stop = stopOf(d);
  return {
    kind: d.kind, name: d.name.trim(), description: d.description, enabled: d.enabled,
    ...(d.timeProfileId !== null ? { timeProfileId: d.timeProfileId } : {}),
    ...(d.kind === 'event' ? { trigger: triggerOf(d) } : {}),
    actions: d.actions.map(cleanAction),
    ...(stop ? { stop } : {}),
    stopActions: hasStopPart(d) ? d.stopActions.map(cleanAction) : [],
  };
}

/** The whole rule as a change: absent parts are cleared with null, so the stored rule becomes the draft. */
export function draftToUpdate(d: RuleDraft): UpdateRuleBody {
  return {
    kind: d.kind, name: d.name.trim(), description: d.description, enabled: d.enabled,
    timeProfileId: d.timeProfileId,
    trigger: d.kind === 'event' ? triggerOf(d) : null,
    actions: d.actions.map(cleanAction),
    stop: stopOf(d) ?? null,
    stopActions: hasStopPart(d) ? d.stopActions.map(cleanAction) : [],
  };
}

/** Only the fields the action's type takes (a type change leaves the others behind). */
export function cleanAction(a: RuleActionBody): RuleActionBody {
  const info = ACTIONS[a.type as RuleActionType] as (typeof ACTIONS)[RuleActionType] | undefined;
  if (!info) return a;
  const out: RuleActionBody = { type: a.type };
  const from = a as Record<string, unknown>;
  for (const f of info.fields) if (from[f] !== undefined) (out as Record<string, unknown>)[f] = from[f];
  return out;
}

const FIELD_DEFAULTS = (d: RuleDraft): Record<ActionField, unknown> => ({
  // The event's own camera is the natural target when a camera raised it.
  cameras: d.kind === 'event' && eventHasCamera(d.triggerType) ? { kind: 'eventSource' } : { kind: 'cameras', cameraIds: [] },
  preSeconds: 3, postSeconds: 5, header: d.name.trim() || 'Rule bookmark', description: '',
  userDefinedEventId: '', cameraId: '', presetToken: '', message: d.name.trim() || 'Rule ran', notificationProfileId: '',
  outputId: '', state: 'on',
});

/** A new action of a type, with its fields filled with sensible values for this rule. */
export function newAction(type: RuleActionType, d: RuleDraft): RuleActionBody {
  const defaults = FIELD_DEFAULTS(d);
  const out: RuleActionBody = { type };
  for (const f of ACTIONS[type].fields) (out as Record<string, unknown>)[f] = defaults[f];
  return out;
}

/** Changes an action's type, keeping the fields both types share. */
export function retypeAction(a: RuleActionBody, type: RuleActionType, d: RuleDraft): RuleActionBody {
  return cleanAction({ ...newAction(type, d), ...cleanAction({ ...a, type }) });
}

/**
 * Adds an action. Recording that is started must be stopped (the site refuses the rule
 * otherwise), so starting recording also adds the stop action for the same cameras, and gives
 * an event rule a stop: its end event where there is one, else a time later.
 */
export function addAction(d: RuleDraft, type: RuleActionType, list: 'actions' | 'stopActions'): RuleDraft {
  if (type === 'setOutput' && list === 'stopActions') return { ...d, stopActions: [...d.stopActions, stopOutputAction(d)] };
  const next = { ...d, [list]: [...d[list], newAction(type, d)] };
  if (type !== 'startRecording' || list !== 'actions' || d.stopActions.some((a) => a.type === 'stopRecording')) return next;
  const started = next.actions.at(-1)!;
  const stop: StopMode = d.kind === 'time' || d.stop !== 'none' ? d.stop : EVENTS[d.triggerType].end ? 'endEvent' : 'after';
  return { ...next, stop, stopActions: [...d.stopActions, { type: 'stopRecording', cameras: started.cameras!, postSeconds: 5 }] };
}

/**
 * A stop action setting an output returns it to the other state (the site refuses one setting
 * what the actions set): the first output the actions set and not yet returned, switched back.
 */
function stopOutputAction(d: RuleDraft): RuleActionBody {
  const returned = new Set(d.stopActions.filter((a) => a.type === 'setOutput').map((a) => a.outputId));
  const set = d.actions.find((a) => a.type === 'setOutput' && a.outputId && !returned.has(a.outputId));
  return set ? { type: 'setOutput', outputId: set.outputId, state: set.state === 'off' ? 'on' : 'off' } : { ...newAction('setOutput', d), state: 'off' };
}

export function updateAction(d: RuleDraft, list: 'actions' | 'stopActions', index: number, action: RuleActionBody): RuleDraft {
  return { ...d, [list]: d[list].map((a, i) => (i === index ? action : a)) };
}

export function removeAction(d: RuleDraft, list: 'actions' | 'stopActions', index: number): RuleDraft {
  return { ...d, [list]: d[list].filter((_, i) => i !== index) };
}

/**
 * A new trigger event. Sources and definitions of another kind no longer apply, nor recording
 * modes when it does not come from a camera; a stop on an end event the new event does not
 * have becomes a stop after a time.
 */
export function changeTrigger(d: RuleDraft, type: EventType): RuleDraft {
  const before = EVENTS[d.triggerType];
  const after = EVENTS[type];
  const sameSources = before.sources === after.sources && before.category === after.category;
  return {
    ...d, triggerType: type,
    sourceIds: sameSources ? d.sourceIds : null,
    definitionId: before.category === after.category ? d.definitionId : null,
    ruleName: after.category === 'analytics' ? d.ruleName : '',
    recordingModes: after.sources === 'camera' ? d.recordingModes : null,
    stop: d.stop === 'endEvent' && !after.end ? 'after' : d.stop,
  };
}

/** Event rule ↔ time rule: a time rule has no trigger or stop; its stop actions run when the profile ends. */
export function changeKind(d: RuleDraft, kind: 'event' | 'time'): RuleDraft {
  if (kind === d.kind) return d;
  if (kind === 'time') return { ...d, kind };
  return { ...d, kind, stop: d.stopActions.length > 0 ? (EVENTS[d.triggerType].end ? 'endEvent' : 'after') : 'none' };
}

/** A problem the editor can see before asking the site. */
export function draftProblem(d: RuleDraft): { field: string; message: string } | undefined {
  if (d.name.trim() === '') return { field: 'name', message: 'A rule needs a name.' };
  if (d.actions.length === 0) return { field: 'actions', message: 'Add at least one action.' };
  if (d.kind === 'event' && isDefinedEvent(d.triggerType) && d.definitionId === null) {
    return { field: 'trigger.definitionId', message: definitionMissing(d.triggerType) };
  }
  if (d.kind === 'event' && d.recordingModes?.length === 0) return { field: 'trigger.recordingModes', message: 'Tick at least one recording mode, or choose any.' };
  return undefined;
}

/** What to say when a defined event's trigger names no definition. */
export function definitionMissing(type: EventType): string {
  const category = EVENTS[type].category;
  return category === 'analytics' ? 'Choose the analytics source.' : `Choose the ${category === 'generic' ? 'generic' : 'user-defined'} event.`;
}
