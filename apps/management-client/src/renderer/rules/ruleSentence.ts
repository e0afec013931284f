/**
 * A rule read as one sentence, the way administrators know rules: "On Motion started from
 * Front door within Office hours perform start recording on the event's camera 3 s before,
 * and on Motion stopped perform stop recording 5 s after". Parts marked `term` are the
 * choices (events, cameras, profiles, values), which the list shows emphasised. Pure.
 */
import type { CreateRuleBody, EventType, RuleActionBody, RuleActionType } from '@nightjar/vms-core';
import { ACTIONS, EVENTS, RECORDING_MODE_LABELS, isActionType, isEventType } from './ruleCatalog';
import type { SourceKind } from './ruleCatalog';

export interface SentencePart {
  text: string;
  term?: boolean;
}

/** Names of what rules refer to by id; an unknown id reads as the id. */
export interface RuleNames {
  camera: (id: string) => string | undefined;
  timeProfile: (id: string) => string | undefined;
  userDefinedEvent: (id: string) => string | undefined;
  genericEvent: (id: string) => string | undefined;
  analyticsSource: (id: string) => string | undefined;
  storage: (id: string) => string | undefined;
  server: (id: string) => string | undefined;
  /** Inputs and outputs of the hardware, by device id; without it their ids read as themselves. */
  device?: (id: string) => string | undefined;
  hardware?: (id: string) => string | undefined;
}

/** The parts of a rule the sentence reads (a stored rule, or the editor's body). */
export type SentenceRule = Pick<CreateRuleBody, 'kind' | 'trigger' | 'timeProfileId' | 'actions' | 'stop' | 'stopActions'>;

const word = (text: string): SentencePart => ({ text });
const term = (text: string): SentencePart => ({ text, term: true });

/** "a", "a and b", "a, b and c" as parts. */
export function joinParts(items: readonly SentencePart[][], conjunction = 'and'): SentencePart[] {
  const out: SentencePart[] = [];
  items.forEach((item, i) => {
    if (i > 0) out.push(word(i === items.length - 1 ? ` ${conjunction} ` : ', '));
    out.push(...item);
  });
  return out;
}

/** At most three names, then "and N more". */
function namesList(ids: readonly string[], name: (id: string) => string | undefined): SentencePart[] {
  const shown = ids.slice(0, 3).map((id) => [term(name(id) ?? id)]);
  if (ids.length > 3) shown.push([term(`${ids.length - 3} more`)]);
  return joinParts(shown);
}

function camerasPhrase(target: RuleActionBody['cameras'], names: RuleNames): SentencePart[] {
  if (!target) return [term('no cameras')];
  if (target.kind === 'eventSource') return [term("the event's camera")];
  if (target.kind === 'allCameras') return [term('all cameras')];
  const ids = target.cameraIds ?? [];
  return ids.length === 0 ? [term('no cameras yet')] : namesList(ids, names.camera);
}

export function actionPhrase(a: RuleActionBody, names: RuleNames): SentencePart[] {
  const type = a.type as RuleActionType;
  if (!isActionType(type)) return [term(a.type)];
  const on = () => [word(' on '), ...camerasPhrase(a.cameras, names)];
  switch (type) {
    // Without seconds the camera's own buffer applies (how the default rules serve cameras with different buffers).
    case 'startRecording':
      return [word('start recording'), ...on(), word(', '), ...(a.preSeconds === undefined ? [word('from its '), term('pre-buffer')] : [term(`${a.preSeconds} s`), word(' before')])];
    case 'stopRecording':
      return [word('stop recording'), ...on(), word(', '), ...(a.postSeconds === undefined ? [word('after its '), term('post-buffer')] : [term(`${a.postSeconds} s`), word(' after')])];
    case 'createBookmark':
      return [word('create bookmark '), term(`“${a.header ?? ''}”`), ...on()];
    case 'triggerUserDefinedEvent':
      return [word('trigger '), term(names.userDefinedEvent(a.userDefinedEventId ?? '') ?? (a.userDefinedEventId || 'an event'))];
    case 'gotoPtzPreset':
      return [word('move '), term(names.camera(a.cameraId ?? '') ?? (a.cameraId || 'a camera')), word(' to preset '), term(a.presetToken || '?')];
    case 'writeRuleLog':
      return [word('write '), term(`“${a.message ?? ''}”`), word(' to the rule log')];
    case 'setOutput':
      // "switch Gate siren on"
      return [word('switch '), term(names.device?.(a.outputId ?? '') ?? (a.outputId || 'an output')), word(' '), term(a.state ?? '?')];
    default:
      return [word(ACTIONS[type].phrase), ...(ACTIONS[type].fields.includes('cameras') ? on() : [])];
  }
}

function actionsPhrase(actions: readonly RuleActionBody[], names: RuleNames): SentencePart[] {
  return actions.length === 0 ? [term('nothing yet')] : joinParts(actions.map((a) => actionPhrase(a, names)));
}

function sourcesPhrase(trigger: NonNullable<SentenceRule['trigger']>, names: RuleNames): SentencePart[] {
  if (!isEventType(trigger.type)) return [];
  const info = EVENTS[trigger.type];
  if (info.sources === 'none') return [];
  const kind = { camera: 'camera', input: 'input', output: 'output', hardware: 'hardware', storage: 'storage', server: 'recording server' }[info.sources];
  const lookups: Partial<Record<SourceKind, RuleNames['camera'] | undefined>> = {
    camera: names.camera, storage: names.storage, server: names.server, input: names.device, output: names.device, hardware: names.hardware,
  };
  const lookup = lookups[info.sources] ?? (() => undefined);
  const modes = info.sources === 'camera' ? trigger.recordingModes : undefined;
  if (!modes) return [word(' from '), ...(trigger.sourceIds === undefined ? [term(`any ${kind}`)] : namesList(trigger.sourceIds, lookup))];
  // "from cameras in recording mode Motion", "from Front door when in recording mode Motion or Event"
  const inModes = [word(' recording mode '), ...joinParts(modes.map((m) => [term(RECORDING_MODE_LABELS[m] ?? m)]), 'or')];
  return trigger.sourceIds === undefined
    ? [word(' from cameras in'), ...inModes]
    : [word(' from '), ...namesList(trigger.sourceIds, lookup), word(' when in'), ...inModes];
}

export function eventPhrase(trigger: NonNullable<SentenceRule['trigger']>, names: RuleNames): SentencePart[] {
  const type = trigger.type as EventType;
  if (!isEventType(type)) return [term(trigger.type)];
  if (type === 'userDefined') return [word('user-defined event '), term(names.userDefinedEvent(trigger.definitionId ?? '') ?? (trigger.definitionId || '?'))];
  if (type === 'generic') return [word('generic event '), term(names.genericEvent(trigger.definitionId ?? '') ?? (trigger.definitionId || '?'))];
  if (type === 'analytics') {
    // "analytics event “Loitering” from Lobby VCA", or any of the source's analytics rules.
    const source = term(names.analyticsSource(trigger.definitionId ?? '') ?? (trigger.definitionId || '?'));
    return trigger.ruleName ? [word('analytics event '), term(`“${trigger.ruleName}”`), word(' from '), source] : [word('any analytics event from '), source];
  }
  return [term(EVENTS[type].label), ...sourcesPhrase(trigger, names)];
}

export function ruleSentence(rule: SentenceRule, names: RuleNames): SentencePart[] {
  const profile = rule.timeProfileId ? [term(names.timeProfile(rule.timeProfileId) ?? rule.timeProfileId)] : undefined;
  const stopActions = rule.stopActions ?? [];
  if (rule.kind === 'time') {
    const out = profile ? [word('Within '), ...profile, word(' perform ')] : [word('Always perform ')];
    out.push(...actionsPhrase(rule.actions, names));
    if (stopActions.length > 0) out.push(word(profile ? ', and when it ends perform ' : ', and when stopped perform '), ...actionsPhrase(stopActions, names));
    return out;
  }
  const trigger = rule.trigger ?? { type: 'motionStarted' };
  const out: SentencePart[] = [word('On '), ...eventPhrase(trigger, names)];
  if (profile) out.push(word(' within '), ...profile);
  out.push(word(' perform '), ...actionsPhrase(rule.actions, names));
  if (rule.stop && stopActions.length > 0) {
    const end = isEventType(trigger.type) ? EVENTS[trigger.type].end : undefined;
    if (rule.stop.kind === 'endEvent') out.push(word(', and on '), term(end ? EVENTS[end].label : 'its end'), word(' perform '));
    else out.push(word(', and '), term(`${rule.stop.seconds ?? 0} s`), word(' later perform '));
    out.push(...actionsPhrase(stopActions, names));
  }
  return out;
}

export function sentenceText(parts: readonly SentencePart[]): string {
  return parts.map((p) => p.text).join('');
}
