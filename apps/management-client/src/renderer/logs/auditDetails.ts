/**
 * An audit entry as the audit log shows it: the action in words, the target by name, and what
 * changed as field rows with the old and the new value. The site records a change as
 * `{ changes: { field: { from, to } } }`, a created or deleted object whole (`{ role: {...} }`),
 * and other facts as plain keys (`passwordChanged`, `code`); each becomes rows here. Pure.
 */
import type { AuditAction } from '@nightjar/vms-core';
import type { AuditEntryBody } from './logsApi';

export interface ChangeRow {
  field: string;
  /** Absent: the field did not exist before (created). */
  from?: unknown;
  /** Absent: the field is gone (deleted). */
  to?: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isDiff = (v: unknown): v is Record<string, { from: unknown; to: unknown }> =>
  isObject(v) && Object.values(v).every((d) => isObject(d) && 'from' in d && 'to' in d);

/** Fields every stored object has that say nothing to a reader of the log. */
const NOISE = new Set(['id', 'createdAt', 'updatedAt']);

export function auditChanges(entry: Pick<AuditEntryBody, 'action' | 'details'>): ChangeRow[] {
  const details = entry.details;
  if (!details) return [];
  const rows: ChangeRow[] = [];
  const created = entry.action.startsWith('create') || entry.action === 'addHardware';
  const deleted = entry.action.startsWith('delete');
  for (const [key, value] of Object.entries(details)) {
    if (key === 'changes' && isDiff(value)) {
      for (const [field, d] of Object.entries(value)) if (!NOISE.has(field)) rows.push({ field, from: d.from, to: d.to });
    } else if ((created || deleted) && isObject(value)) {
      for (const [field, v] of Object.entries(value)) {
        if (NOISE.has(field)) continue;
        rows.push(created ? { field, to: v } : { field, from: v });
      }
    } else if (key === 'passwordChanged') {
      if (value === true) rows.push({ field: 'password', from: '***', to: '***' });
    } else {
      rows.push({ field: key, to: value });
    }
  }
  return rows;
}

/** A value in one line: strings as they are, the rest as compact JSON, long ones cut. */
export function formatValue(value: unknown, max = 160): string {
  if (value === undefined) return '—';
  if (value === null) return 'none';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** "updateRole" → "Update role", "loginFailed" → "Login failed". */
export function actionLabel(action: string): string {
  const words = action.replace(/([A-Z])/g, ' $1').toLowerCase().trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The thing an action acts on, as the lists the page can read name it. */
export type TargetKind = 'role' | 'user' | 'camera' | 'rule' | 'timeProfile' | 'userDefinedEvent' | 'genericEvent' | 'genericEventSource' | 'storage';

const KIND_BY_NOUN: readonly [string, TargetKind][] = [
  ['GenericEventSource', 'genericEventSource'], ['GenericEvent', 'genericEvent'], ['UserDefinedEvent', 'userDefinedEvent'],
  ['TimeProfile', 'timeProfile'], ['Role', 'role'], ['User', 'user'], ['Camera', 'camera'], ['Rule', 'rule'], ['Storage', 'storage'],
  ['login', 'user'], ['logout', 'user'], ['PtzPreset', 'camera'],
];

export function targetKind(action: string): TargetKind | undefined {
  return KIND_BY_NOUN.find(([noun]) => action.includes(noun))?.[1];
}

/**
 * The target's name: from the entry itself when it recorded the object (a deleted role keeps
 * its name there), else from the current lists; the id when neither knows it.
 */
export function targetName(entry: Pick<AuditEntryBody, 'action' | 'target' | 'details'>, lookup: (kind: TargetKind, id: string) => string | undefined): string {
  if (entry.target === null) return '';
  for (const v of Object.values(entry.details ?? {})) {
    if (isObject(v) && v.id === entry.target && typeof v.name === 'string') return v.name;
  }
  if (typeof entry.details?.username === 'string' && targetKind(entry.action) === 'user') return entry.details.username;
  const kind = targetKind(entry.action);
  return (kind && lookup(kind, entry.target)) ?? entry.target;
}

/** The audit filter's choices, grouped; actions the site adds later still show once seen in the entries. */
export const AUDIT_ACTION_GROUPS: readonly { label: string; actions: readonly AuditAction[] }[] = [
  { label: 'Sign-in', actions: ['login', 'loginFailed', 'logout', 'refreshTokenReused'] },
  { label: 'Users and roles', actions: ['createUser', 'updateUser', 'unlockUser', 'deleteUser', 'createRole', 'updateRole', 'deleteRole'] },
  { label: 'Site and servers', actions: ['updateSite', 'updateRecordingServer', 'createStorage', 'updateStorage', 'exportConfiguration', 'importConfiguration'] },
  { label: 'Devices', actions: ['scanHardware', 'addHardware', 'updateHardware', 'deleteHardware', 'updateCamera', 'gotoPtzPreset'] },
  {
    label: 'Rules and events', actions: [
      'createTimeProfile', 'updateTimeProfile', 'deleteTimeProfile', 'createRule', 'updateRule', 'deleteRule',
      'createUserDefinedEvent', 'updateUserDefinedEvent', 'deleteUserDefinedEvent', 'triggerUserDefinedEvent',
      'createGenericEventSource', 'updateGenericEventSource', 'deleteGenericEventSource', 'createGenericEvent', 'updateGenericEvent', 'deleteGenericEvent',
      'updateLogSettings',
    ],
  },
  {
    label: 'Investigation', actions: [
      'createBookmark', 'updateBookmark', 'deleteBookmark', 'createEvidenceLock', 'extendEvidenceLock', 'deleteEvidenceLock',
      'createExport', 'cancelExport', 'downloadExport', 'createView', 'updateView', 'deleteView',
    ],
  },
  {
    label: 'Client', actions: [
      'createViewGroup', 'updateViewGroup', 'deleteViewGroup', 'createClientProfile', 'updateClientProfile', 'deleteClientProfile',
    ],
  },
];

/** Actions seen in the entries that no group lists, sorted, for an "Other" group. */
export function otherActions(seen: Iterable<string>): string[] {
  const listed = new Set<string>(AUDIT_ACTION_GROUPS.flatMap((g) => g.actions));
  return [...new Set(seen)].filter((a) => !listed.has(a)).sort();
}
