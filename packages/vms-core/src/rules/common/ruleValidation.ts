/**
 * Checks a rule before it is stored. Every problem names its field ("trigger.sourceIds[2]",
 * "stopActions[0].postSeconds") so the rule editor can show it beside that part of the
 * sentence. What exists on the site (cameras, time profiles, user-defined events...) comes in
 * a context, so the check stays pure.
 */
import { ANALYTICS_LIMITS } from '../../events/common/analyticsEvent';
import { BOOKMARK_LIMITS } from '../../management/common/evidence';
import { RECORDING_MODES } from '../../recording/common/recordingPolicy';
import type { EventType } from '../../events/common/vmsEvent';
import { EVENT_TYPES, endEventOf, eventCategory, sourceKindOf } from '../../events/common/vmsEvent';
import type { CameraTarget, EventRuleDefinition, EventTrigger, RuleAction, RuleDefinition } from './rule';
import { RULE_ACTION_TYPES, RULE_LIMITS, UNSUPPORTED_ACTION_TYPES } from './rule';
import { otherState } from '../../management/common/device';

export interface RuleProblem {
  field: string;
  message: string;
}

export interface RuleContext {
  cameraIds: ReadonlySet<string>;
  /** Cameras that can be steered (PTZ with a profile). */
  ptzCameraIds: ReadonlySet<string>;
  storageIds: ReadonlySet<string>;
  serverIds: ReadonlySet<string>;
  timeProfileIds: ReadonlySet<string>;
  userDefinedEventIds: ReadonlySet<string>;
  genericEventIds: ReadonlySet<string>;
  notificationProfileIds: ReadonlySet<string>;
  analyticsSourceIds: ReadonlySet<string>;
  /** Input and output devices of hardware units (their device ids). */
  inputIds: ReadonlySet<string>;
  outputIds: ReadonlySet<string>;
  /** Devices that exist but are disabled (setOutput refuses them); absent: none is. */
  disabledDeviceIds?: ReadonlySet<string>;
  hardwareIds: ReadonlySet<string>;
}

/** Which ids a trigger's sources are, for its event type. */
function sourceSet(type: EventType, ctx: RuleContext): { ids: ReadonlySet<string>; what: string } | undefined {
  switch (sourceKindOf(type)) {
    case 'camera': return { ids: ctx.cameraIds, what: 'camera' };
    case 'input': return { ids: ctx.inputIds, what: 'input' };
    case 'output': return { ids: ctx.outputIds, what: 'output' };
    case 'hardware': return { ids: ctx.hardwareIds, what: 'hardware' };
    case 'storage': return { ids: ctx.storageIds, what: 'storage' };
    case 'server': return { ids: ctx.serverIds, what: 'recording server' };
    case 'userDefinedEvent': case 'genericEvent': case 'analyticsSource': return undefined;
  }
}

export function ruleProblem(rule: RuleDefinition, ctx: RuleContext): RuleProblem | undefined {
  const name = rule.name.trim();
  if (name === '' || name.length > RULE_LIMITS.nameMaxLength) return { field: 'name', message: `a rule needs a name of 1 to ${RULE_LIMITS.nameMaxLength} characters` };
  if (rule.description.length > RULE_LIMITS.descriptionMaxLength) return { field: 'description', message: `at most ${RULE_LIMITS.descriptionMaxLength} characters` };
  if (rule.timeProfileId !== undefined && !ctx.timeProfileIds.has(rule.timeProfileId)) {
    return { field: 'timeProfileId', message: `time profile ${rule.timeProfileId} does not exist` };
  }
  if (rule.kind !== 'event' && rule.kind !== 'time') return { field: 'kind', message: 'a rule is "event" or "time" based' };
  if (rule.kind === 'time' && ('trigger' in rule || 'stop' in rule)) {
    return { field: 'trigger' in rule ? 'trigger' : 'stop', message: 'a time rule runs within its time profile: it has no trigger or stop event' };
  }
  if (rule.kind === 'event' && (rule as Partial<EventRuleDefinition>).trigger === undefined) return { field: 'trigger', message: 'an event rule needs a trigger' };
  const eventRule = rule.kind === 'event' ? rule : undefined;
  if (eventRule) {
    const p = triggerProblem(eventRule, ctx);
    if (p) return p;
  }
  if (rule.actions.length === 0) return { field: 'actions', message: 'a rule needs at least one action' };
  for (const [list, field] of [[rule.actions, 'actions'], [rule.stopActions, 'stopActions']] as const) {
    if (list.length > RULE_LIMITS.maxActions) return { field, message: `at most ${RULE_LIMITS.maxActions} actions` };
    for (const [i, a] of list.entries()) {
      const p = actionProblem(a, `${field}[${i}]`, field === 'stopActions', rule, ctx);
      if (p) return p;
    }
  }
  const startsRecording = rule.actions.some((a) => a.type === 'startRecording');
  if (startsRecording && !rule.stopActions.some((a) => a.type === 'stopRecording')) {
    return { field: 'stopActions', message: 'a rule that starts recording must stop it: add a stopRecording stop action' };
  }
  if (rule.actions.some((a) => a.type === 'startFeed') && !rule.stopActions.some((a) => a.type === 'stopFeed')) {
    return { field: 'stopActions', message: 'a rule that starts a feed must stop it: add a stopFeed stop action' };
  }
  if (eventRule && rule.stopActions.length > 0 && !eventRule.stop) {
    return { field: 'stop', message: 'say when the stop actions run: on the end event or after a number of seconds' };
  }
  return undefined;
}

function triggerProblem(rule: Extract<RuleDefinition, { kind: 'event' }>, ctx: RuleContext): RuleProblem | undefined {
  const { trigger, stop } = rule;
  const p = eventTriggerProblem(trigger, ctx);
  if (p) return p;
  if (stop?.kind === 'endEvent' && endEventOf(trigger.type) === undefined) {
    return { field: 'stop', message: `${trigger.type} has no end event: stop after a number of seconds instead` };
  }
  if (stop?.kind === 'after' && !(stop.seconds > 0 && stop.seconds <= RULE_LIMITS.maxStopAfterSeconds)) {
    return { field: 'stop.seconds', message: `between 1 and ${RULE_LIMITS.maxStopAfterSeconds} seconds` };
  }
  return undefined;
}

/** The definitions a defined event's trigger names, and what to call one. */
const DEFINITIONS = {
  userDefined: (ctx: RuleContext) => ({ known: ctx.userDefinedEventIds, what: 'user-defined event' }),
  generic: (ctx: RuleContext) => ({ known: ctx.genericEventIds, what: 'generic event' }),
  analytics: (ctx: RuleContext) => ({ known: ctx.analyticsSourceIds, what: 'analytics source' }),
};

/**
 * Checks "EVENT from SOURCES" against the site: the event type, its definition (user-defined
 * and generic events) and its sources. Alarm definitions use it for their trigger and close
 * event too, so `field` names where the trigger sits ("trigger", "close").
 */
export function eventTriggerProblem(trigger: EventTrigger, ctx: RuleContext, field = 'trigger'): RuleProblem | undefined {
  if (!EVENT_TYPES.includes(trigger.type)) return { field: `${field}.type`, message: `unknown event type "${trigger.type}"` };
  const category = eventCategory(trigger.type);
  if (category === 'userDefined' || category === 'generic' || category === 'analytics') {
    const { known, what } = DEFINITIONS[category](ctx);
    if (trigger.definitionId === undefined) return { field: `${field}.definitionId`, message: `name the ${what}` };
    if (!known.has(trigger.definitionId)) return { field: `${field}.definitionId`, message: `${what} ${trigger.definitionId} does not exist` };
    if (trigger.sourceIds !== undefined) return { field: `${field}.sourceIds`, message: 'a defined event is its own source: leave sourceIds out' };
  } else if (trigger.definitionId !== undefined) {
    return { field: `${field}.definitionId`, message: `${trigger.type} events have no definition` };
  }
  if (trigger.recordingModes !== undefined) {
    const modes = trigger.recordingModes;
    if (sourceKindOf(trigger.type) !== 'camera') return { field: `${field}.recordingModes`, message: 'only camera events come from cameras with a recording mode' };
    if (!Array.isArray(modes) || modes.length === 0) return { field: `${field}.recordingModes`, message: 'list 1 or more recording modes, or leave it out for any camera' };
    for (const [i, m] of modes.entries()) {
      if (!RECORDING_MODES.includes(m)) return { field: `${field}.recordingModes[${i}]`, message: `one of ${RECORDING_MODES.join(', ')}` };
      if (modes.indexOf(m) !== i) return { field: `${field}.recordingModes[${i}]`, message: `${m} is listed twice` };
    }
  }
  if (trigger.ruleName !== undefined) {
    if (category !== 'analytics') return { field: `${field}.ruleName`, message: 'only analytics events have a rule name' };
    if (trigger.ruleName.trim() === '' || trigger.ruleName.length > ANALYTICS_LIMITS.maxTextLength) {
      return { field: `${field}.ruleName`, message: `1 to ${ANALYTICS_LIMITS.maxTextLength} characters, or leave it out for any` };
    }
  }
  const sources = sourceSet(trigger.type, ctx);
  if (sources && trigger.sourceIds !== undefined) {
    if (trigger.sourceIds.length === 0 || trigger.sourceIds.length > RULE_LIMITS.maxSources) {
      return { field: `${field}.sourceIds`, message: `list 1 to ${RULE_LIMITS.maxSources} sources, or leave it out for any` };
    }
    for (const [i, id] of trigger.sourceIds.entries()) {
      if (!sources.ids.has(id)) return { field: `${field}.sourceIds[${i}]`, message: `${sources.what} ${id} does not exist` };
      if (trigger.sourceIds.indexOf(id) !== i) return { field: `${field}.sourceIds[${i}]`, message: `${id} is listed twice` };
    }
  }
  return undefined;
}

function camerasProblem(t: CameraTarget, field: string, rule: RuleDefinition, ctx: RuleContext): RuleProblem | undefined {
  if (t.kind === 'eventSource') {
    // An analytics source may watch a camera (its cameraId), a hardware unit's event may name one
    // (motion of a video source); one that does not leaves the action nothing to act on, logged when it runs.
    if (rule.kind !== 'event' || !['camera', 'hardware', 'analyticsSource'].includes(sourceKindOf(rule.trigger.type))) {
      return { field, message: 'the event does not come from a camera: list the cameras' };
    }
    return undefined;
  }
  if (t.kind === 'allCameras') return undefined;
  if (t.kind !== 'cameras' || !Array.isArray(t.cameraIds)) return { field: `${field}.kind`, message: 'cameras are "cameras" (with cameraIds), "allCameras" or "eventSource"' };
  if (t.cameraIds.length === 0 || t.cameraIds.length > BOOKMARK_LIMITS.maxCameras) return { field: `${field}.cameraIds`, message: `list 1 to ${BOOKMARK_LIMITS.maxCameras} cameras` };
  const i = t.cameraIds.findIndex((id) => !ctx.cameraIds.has(id));
  return i >= 0 ? { field: `${field}.cameraIds[${i}]`, message: `camera ${t.cameraIds[i]} does not exist` } : undefined;
}

/** Fields each supported action needs; the API's schema lists every action's fields as optional. */
const ACTION_FIELDS: Partial<Record<RuleAction['type'], readonly string[]>> = {
  startRecording: ['cameras'],
  stopRecording: ['cameras'],
  startFeed: ['cameras'],
  stopFeed: ['cameras'],
  createBookmark: ['cameras', 'header', 'description', 'preSeconds', 'postSeconds'],
  triggerUserDefinedEvent: ['userDefinedEventId'],
  gotoPtzPreset: ['cameraId', 'presetToken'],
  writeRuleLog: ['message'],
  sendNotification: ['notificationProfileId'],
  setOutput: ['outputId', 'state'],
};

/** Fields an action may leave out: recording's seconds default to the camera's own buffers. */
const OPTIONAL_FIELDS: Partial<Record<RuleAction['type'], readonly string[]>> = {
  startRecording: ['preSeconds'],
  stopRecording: ['postSeconds'],
};

function shapeProblem(a: RuleAction, field: string): RuleProblem | undefined {
  const fields = ACTION_FIELDS[a.type] ?? [];
  const optional = OPTIONAL_FIELDS[a.type] ?? [];
  const missing = fields.find((f) => (a as unknown as Record<string, unknown>)[f] === undefined);
  if (missing) return { field: `${field}.${missing}`, message: `${a.type} needs ${missing}` };
  const extra = Object.keys(a).find((k) => k !== 'type' && !fields.includes(k) && !optional.includes(k));
  return extra ? { field: `${field}.${extra}`, message: `${a.type} has no ${extra}` } : undefined;
}

const between = (v: number, min: number, max: number) => Number.isFinite(v) && v >= min && v <= max;

function actionProblem(a: RuleAction, field: string, isStop: boolean, rule: RuleDefinition, ctx: RuleContext): RuleProblem | undefined {
  if (!RULE_ACTION_TYPES.includes(a.type)) return { field: `${field}.type`, message: `unknown action "${a.type}"` };
  if (UNSUPPORTED_ACTION_TYPES.has(a.type)) return { field: `${field}.type`, message: `"${a.type}" is not supported by this site yet` };
  const shape = shapeProblem(a, field);
  if (shape) return shape;
  switch (a.type) {
    case 'startRecording':
      if (isStop) return { field: `${field}.type`, message: 'startRecording belongs in actions; stop actions end recording with stopRecording' };
      if (a.preSeconds !== undefined && !between(a.preSeconds, 0, RULE_LIMITS.maxPreSeconds)) {
        return { field: `${field}.preSeconds`, message: `between 0 and ${RULE_LIMITS.maxPreSeconds}, or leave it out for the camera's pre-buffer` };
      }
      return camerasProblem(a.cameras, `${field}.cameras`, rule, ctx);
    case 'stopRecording':
      if (!isStop) return { field: `${field}.type`, message: 'stopRecording is a stop action: put it in stopActions' };
      if (a.postSeconds !== undefined && !between(a.postSeconds, 0, RULE_LIMITS.maxPostSeconds)) {
        return { field: `${field}.postSeconds`, message: `between 0 and ${RULE_LIMITS.maxPostSeconds}, or leave it out for the camera's post-buffer` };
      }
      return camerasProblem(a.cameras, `${field}.cameras`, rule, ctx);
    case 'startFeed':
      if (isStop) return { field: `${field}.type`, message: 'startFeed belongs in actions; stop actions end feeds with stopFeed' };
      return camerasProblem(a.cameras, `${field}.cameras`, rule, ctx);
    case 'stopFeed':
      if (!isStop) return { field: `${field}.type`, message: 'stopFeed is a stop action: put it in stopActions' };
      return camerasProblem(a.cameras, `${field}.cameras`, rule, ctx);
    case 'createBookmark':
      if (a.header.trim() === '' || a.header.length > BOOKMARK_LIMITS.maxHeader) return { field: `${field}.header`, message: `1 to ${BOOKMARK_LIMITS.maxHeader} characters` };
      if (a.description.length > BOOKMARK_LIMITS.maxDescription) return { field: `${field}.description`, message: `at most ${BOOKMARK_LIMITS.maxDescription} characters` };
      for (const k of ['preSeconds', 'postSeconds'] as const) {
        if (!between(a[k], 0, BOOKMARK_LIMITS.maxPrePostSeconds)) return { field: `${field}.${k}`, message: `between 0 and ${BOOKMARK_LIMITS.maxPrePostSeconds}` };
      }
      return camerasProblem(a.cameras, `${field}.cameras`, rule, ctx);
    case 'triggerUserDefinedEvent':
      return ctx.userDefinedEventIds.has(a.userDefinedEventId) ? undefined
        : { field: `${field}.userDefinedEventId`, message: `user-defined event ${a.userDefinedEventId} does not exist` };
    case 'gotoPtzPreset':
      if (!ctx.cameraIds.has(a.cameraId)) return { field: `${field}.cameraId`, message: `camera ${a.cameraId} does not exist` };
      if (!ctx.ptzCameraIds.has(a.cameraId)) return { field: `${field}.cameraId`, message: `camera ${a.cameraId} has no PTZ` };
      return a.presetToken.trim() === '' ? { field: `${field}.presetToken`, message: 'name the preset' } : undefined;
    case 'sendNotification':
      return ctx.notificationProfileIds.has(a.notificationProfileId) ? undefined
        : { field: `${field}.notificationProfileId`, message: `notification profile ${a.notificationProfileId} does not exist` };
    case 'setOutput':
      return outputProblem(a, field, isStop, rule, ctx);
    case 'writeRuleLog':
      return a.message.trim() === '' || a.message.length > RULE_LIMITS.maxMessageLength
        ? { field: `${field}.message`, message: `1 to ${RULE_LIMITS.maxMessageLength} characters` } : undefined;
    default:
      return undefined;
  }
}

/**
 * An output that exists and is enabled, on or off. A stop action returns the output to the
 * other state: one setting it as the rule's actions already did would change nothing.
 */
function outputProblem(a: Extract<RuleAction, { type: 'setOutput' }>, field: string, isStop: boolean, rule: RuleDefinition, ctx: RuleContext): RuleProblem | undefined {
  if (!ctx.outputIds.has(a.outputId)) return { field: `${field}.outputId`, message: `output ${a.outputId} does not exist` };
  if (ctx.disabledDeviceIds?.has(a.outputId)) return { field: `${field}.outputId`, message: `output ${a.outputId} is disabled` };
  if (a.state !== 'on' && a.state !== 'off') return { field: `${field}.state`, message: 'on or off' };
  const same = isStop && rule.actions.some((s) => s.type === 'setOutput' && s.outputId === a.outputId && s.state === a.state);
  return same ? { field: `${field}.state`, message: `the actions set this output ${a.state}: as a stop action, set it ${otherState(a.state)}` } : undefined;
}
