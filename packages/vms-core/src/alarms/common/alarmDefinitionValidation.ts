/**
 * Checks an alarm definition before it is stored, naming the field at fault as the rule check
 * does ("trigger.sourceIds[1]", "close.sameSource", "roleIds[0]"), and finds what a stored
 * definition still names after it was deleted (a camera, a role, a user-defined event), which
 * the site writes to the system log. Pure: what exists comes in the context.
 */
import type { EventTrigger } from '../../rules/common/rule';
import type { RuleContext, RuleProblem } from '../../rules/common/ruleValidation';
import { eventTriggerProblem } from '../../rules/common/ruleValidation';
import { eventCategory, sourceKindOf } from '../../events/common/vmsEvent';
import type { EventSourceKind, EventType } from '../../events/common/vmsEvent';
import type { AlarmDefinitionInput } from './alarm';
import { ALARM_LIMITS, ALARM_PRIORITY, ALARM_SOUNDS } from './alarm';

export interface AlarmContext extends RuleContext {
  roleIds: ReadonlySet<string>;
}

const L = ALARM_LIMITS;

/** Source kinds whose events name one thing of the site (defined events are each their own source). */
const SHARED_SOURCE_KINDS: ReadonlySet<EventSourceKind> = new Set(['camera', 'input', 'output', 'hardware', 'storage', 'server']);

/**
 * Whether events of both types can come from one source (a camera, an input, an output, a
 * hardware unit, a storage, a server); also `close.sameSource` when a request leaves it out.
 */
export function canShareSource(a: EventType, b: EventType): boolean {
  const kind = sourceKindOf(a);
  return kind === sourceKindOf(b) && SHARED_SOURCE_KINDS.has(kind);
}

/** The ids a trigger's sources of a kind may be, and what to call one. */
function knownSources(kind: EventSourceKind, ctx: AlarmContext): ReadonlySet<string> | undefined {
  switch (kind) {
    case 'camera': return ctx.cameraIds;
    case 'input': return ctx.inputIds;
    case 'output': return ctx.outputIds;
    case 'hardware': return ctx.hardwareIds;
    case 'storage': return ctx.storageIds;
    case 'server': return ctx.serverIds;
    case 'userDefinedEvent': case 'genericEvent': case 'analyticsSource': return undefined;
  }
}

function idsProblem(ids: readonly string[], known: ReadonlySet<string>, field: string, what: string, max: number): RuleProblem | undefined {
  if (ids.length > max) return { field, message: `at most ${max}` };
  for (const [i, id] of ids.entries()) {
    if (!known.has(id)) return { field: `${field}[${i}]`, message: `${what} ${id} does not exist` };
    if (ids.indexOf(id) !== i) return { field: `${field}[${i}]`, message: `${id} is listed twice` };
  }
  return undefined;
}

export function alarmDefinitionProblem(def: AlarmDefinitionInput, ctx: AlarmContext): RuleProblem | undefined {
  const name = def.name.trim();
  if (name === '' || name.length > L.nameMaxLength) return { field: 'name', message: `an alarm definition needs a name of 1 to ${L.nameMaxLength} characters` };
  if (def.description.length > L.descriptionMaxLength) return { field: 'description', message: `at most ${L.descriptionMaxLength} characters` };
  const trigger = eventTriggerProblem(def.trigger, ctx, 'trigger');
  if (trigger) return trigger;
  if (def.timeProfileId !== undefined && !ctx.timeProfileIds.has(def.timeProfileId)) {
    return { field: 'timeProfileId', message: `time profile ${def.timeProfileId} does not exist` };
  }
  if (!Number.isInteger(def.priority) || def.priority < ALARM_PRIORITY.highest || def.priority > ALARM_PRIORITY.lowest) {
    return { field: 'priority', message: `${ALARM_PRIORITY.highest} (highest) to ${ALARM_PRIORITY.lowest} (lowest)` };
  }
  if (def.category.trim().length > L.categoryMaxLength) return { field: 'category', message: `at most ${L.categoryMaxLength} characters` };
  if (def.instructions.length > L.instructionsMaxLength) return { field: 'instructions', message: `at most ${L.instructionsMaxLength} characters` };
  const cameras = idsProblem(def.relatedCameraIds, ctx.cameraIds, 'relatedCameraIds', 'camera', L.maxRelatedCameras);
  if (cameras) return cameras;
  if (def.roleIds.length === 0) return { field: 'roleIds', message: 'name at least one role to show its alarms to (administrators see every alarm)' };
  const roles = idsProblem(def.roleIds, ctx.roleIds, 'roleIds', 'role', L.maxRoles);
  if (roles) return roles;
  if (def.close) {
    const close = eventTriggerProblem(def.close, ctx, 'close');
    if (close) return close;
    if (def.close.sameSource && !canShareSource(def.trigger.type, def.close.type)) {
      return { field: 'close.sameSource', message: `${def.trigger.type} and ${def.close.type} events never come from the same source: close every open alarm of the definition instead` };
    }
    // Analytics events of one source are told apart by their rule's name: "Intrusion" may raise what "Intrusion ended" closes.
    const raiseRule = def.trigger.ruleName?.toLowerCase();
    const closeRule = def.close.ruleName?.toLowerCase();
    const sameRule = raiseRule === undefined || closeRule === undefined || raiseRule === closeRule;
    if (def.close.type === def.trigger.type && def.close.definitionId === def.trigger.definitionId && sameRule) {
      return { field: 'close.type', message: 'the event that raises an alarm cannot also close it' };
    }
  }
  if (!(ALARM_SOUNDS as readonly string[]).includes(def.sound)) return { field: 'sound', message: `one of ${ALARM_SOUNDS.join(', ')}` };
  return undefined;
}

/** A stored definition's reference to something no longer on the site. */
export interface DanglingReference {
  field: string;
  /** "camera 1234", "role Night shift"... as the message should read. */
  what: string;
}

function missingTrigger(t: EventTrigger, field: string, ctx: AlarmContext, out: DanglingReference[]): void {
  const category = eventCategory(t.type);
  if (t.definitionId !== undefined) {
    const known = category === 'userDefined' ? ctx.userDefinedEventIds : category === 'generic' ? ctx.genericEventIds
      : category === 'analytics' ? ctx.analyticsSourceIds : undefined;
    const what = category === 'userDefined' ? 'user-defined event' : category === 'generic' ? 'generic event' : 'analytics source';
    if (known && !known.has(t.definitionId)) out.push({ field: `${field}.definitionId`, what: `${what} ${t.definitionId}` });
  }
  const kind = sourceKindOf(t.type);
  const known = knownSources(kind, ctx);
  for (const [i, id] of (t.sourceIds ?? []).entries()) {
    if (known && !known.has(id)) out.push({ field: `${field}.sourceIds[${i}]`, what: `${kind} ${id}` });
  }
}

/** Everything a stored definition names that the site no longer has. */
export function danglingReferences(def: AlarmDefinitionInput, ctx: AlarmContext): DanglingReference[] {
  const out: DanglingReference[] = [];
  missingTrigger(def.trigger, 'trigger', ctx, out);
  if (def.close) missingTrigger(def.close, 'close', ctx, out);
  if (def.timeProfileId !== undefined && !ctx.timeProfileIds.has(def.timeProfileId)) out.push({ field: 'timeProfileId', what: `time profile ${def.timeProfileId}` });
  for (const [i, id] of def.relatedCameraIds.entries()) if (!ctx.cameraIds.has(id)) out.push({ field: `relatedCameraIds[${i}]`, what: `camera ${id}` });
  for (const [i, id] of def.roleIds.entries()) if (!ctx.roleIds.has(id)) out.push({ field: `roleIds[${i}]`, what: `role ${id}` });
  return out;
}
