/**
 * Alarms: what an operator must look at and deal with. An administrator's alarm definition says
 * which event raises one (and within which time profile), how urgent it is, what to do, who
 * sees it and which event closes it again; each alarm then lives through New → In progress /
 * On hold → Closed with an assignee, comments and a history. Pure, so both clients show and
 * check the same shapes (validation: alarmDefinitionValidation.ts; changes: alarmChanges.ts).
 */
import type { EventSource, EventType } from '../../events/common/vmsEvent';
import type { EventTrigger } from '../../rules/common/rule';

export const ALARM_STATES = ['new', 'inProgress', 'onHold', 'closed'] as const;
export type AlarmState = (typeof ALARM_STATES)[number];

/** Sounds the clients carry; a definition names one, the Smart Client plays it for a new alarm. */
export const ALARM_SOUNDS = ['none', 'chime', 'alert', 'siren'] as const;
export type AlarmSound = (typeof ALARM_SOUNDS)[number];

/**
 * Priority is a number, 1 (highest) to 5 (lowest), so it sorts and filters as one; clients may
 * name them (1 critical, 2 high, 3 medium, 4 low, 5 lowest).
 */
export const ALARM_PRIORITY = { highest: 1, lowest: 5 } as const;

/**
 * The event that closes a definition's open alarms. `sameSource`: only those raised by the
 * source the close event comes from (connection lost on camera A is closed by connection
 * restored on camera A, not on B); otherwise every open alarm of the definition.
 */
export interface AlarmCloseTrigger extends EventTrigger {
  sameSource: boolean;
}

export interface AlarmDefinitionInput {
  name: string;
  description: string;
  enabled: boolean;
  /** The event (type, definition, sources) that raises an alarm, as rules name it. */
  trigger: EventTrigger;
  /** Alarms are raised only while this time profile is on; absent: always. */
  timeProfileId?: string;
  priority: number;
  /** Free text ("Intrusion", "Technical"); the alarm list filters by it. */
  category: string;
  /** Cameras to show with the alarm (the camera that raised it comes first anyway). */
  relatedCameraIds: string[];
  /** What the operator should do, copied into each alarm as it is raised. */
  instructions: string;
  /** Roles whose members see (and handle) its alarms; administrators see every alarm. */
  roleIds: string[];
  close?: AlarmCloseTrigger;
  sound: AlarmSound;
}

export interface AlarmDefinition extends AlarmDefinitionInput {
  id: string;
  createdAt: number;
  updatedAt: number;
}

/** The event that raised an alarm, as it was. */
export interface AlarmEvent {
  id: number;
  type: EventType;
  at: number;
  message: string;
  definitionId?: string;
  data?: Record<string, string>;
}

/**
 * One alarm. What the definition said when it was raised (priority, category, instructions,
 * cameras, sound) is kept with it, so editing a definition never rewrites past alarms; who sees
 * it follows the definition as it is now.
 */
export interface Alarm {
  id: number;
  definitionId: string;
  definitionName: string;
  /** When the triggering event happened (ms). */
  raisedAt: number;
  updatedAt: number;
  state: AlarmState;
  priority: number;
  category: string;
  source: EventSource;
  event: AlarmEvent;
  relatedCameraIds: string[];
  instructions: string;
  sound: AlarmSound;
  assigneeId?: string;
  /** Further triggering events counted into this alarm while its definition was flooding. */
  repeats: number;
  closedAt?: number;
}

export interface AlarmComment {
  id: number;
  at: number;
  userId: string;
  username: string;
  text: string;
}

export type AlarmHistoryAction = 'raised' | 'state' | 'assignee' | 'comment' | 'autoClosed';

/** One change of an alarm: who (absent: the site itself), when, what, from and to. */
export interface AlarmHistoryEntry {
  id: number;
  at: number;
  userId?: string;
  username?: string;
  action: AlarmHistoryAction;
  from?: string;
  to?: string;
  /** Why the site did it (the close event), or the comment's first words. */
  detail?: string;
}

export interface AlarmDetails extends Alarm {
  comments: AlarmComment[];
  history: AlarmHistoryEntry[];
}

export const ALARM_LIMITS = {
  nameMaxLength: 100,
  descriptionMaxLength: 1000,
  categoryMaxLength: 60,
  instructionsMaxLength: 4000,
  maxRelatedCameras: 64,
  maxRoles: 100,
  commentMaxLength: 2000,
  /** New alarms per definition per second; more are counted as repeats of the last one. */
  maxNewPerSecond: 10,
  maxPage: 200,
  maxBulk: 500,
} as const;

/** Whether a user holding these roles is shown a definition's alarms. */
export function definitionShownTo(def: Pick<AlarmDefinition, 'roleIds'>, roleIds: readonly string[], administrator: boolean): boolean {
  return administrator || def.roleIds.some((r) => roleIds.includes(r));
}
