/**
 * Audit log entries and the JSON diff that records what a change did. Pure so clients can
 * type the entries they read from listAuditLog.
 */

export const AUDIT_ACTIONS = [
  'login', 'loginFailed', 'logout', 'refreshTokenReused',
  'updateCamera', 'updateStorage', 'addHardware',
  'createRole', 'updateRole', 'deleteRole', 'createUser', 'updateUser', 'deleteUser', 'unlockUser',
  'createEvidenceLock', 'extendEvidenceLock', 'deleteEvidenceLock',
  'createBookmark', 'updateBookmark', 'deleteBookmark',
  'createExport', 'cancelExport', 'downloadExport',
  'gotoPtzPreset',
  'createView', 'updateView', 'deleteView',
  'updateSite', 'updateRecordingServer', 'createStorage', 'scanHardware', 'updateHardware', 'deleteHardware',
  'createTimeProfile', 'updateTimeProfile', 'deleteTimeProfile', 'exportConfiguration', 'importConfiguration',
  // Issue 6: rules, user-defined and generic events, log settings.
  'createRule', 'updateRule', 'deleteRule', 'createUserDefinedEvent', 'updateUserDefinedEvent', 'deleteUserDefinedEvent', 'triggerUserDefinedEvent',
  'createGenericEventSource', 'updateGenericEventSource', 'deleteGenericEventSource', 'createGenericEvent', 'updateGenericEvent', 'deleteGenericEvent',
  'updateLogSettings',
  // Issue 6: alarms.
  'createAlarmDefinition', 'updateAlarmDefinition', 'deleteAlarmDefinition', 'updateAlarm', 'bulkUpdateAlarms',
  // Issue 6: notifications.
  'updateSmtpSettings', 'createNotificationProfile', 'updateNotificationProfile', 'deleteNotificationProfile', 'testNotificationProfile',
  // Issue 6: analytics sources.
  'createAnalyticsSource', 'updateAnalyticsSource', 'deleteAnalyticsSource',
  // Issue 5: view groups and client profiles.
  'createViewGroup', 'updateViewGroup', 'deleteViewGroup', 'createClientProfile', 'updateClientProfile', 'deleteClientProfile',
  // Issue 5: devices other than cameras (setOutputState acts on the world, so it is audited too).
  'updateDevice', 'setOutputState',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  id: number;
  /** ms since the epoch, from the injected clock. */
  at: number;
  /** Who acted; for a failed login, the user name tried (userId null when it does not exist). */
  userId: string | null;
  username: string | null;
  /** Client address the request came from. */
  source: string | null;
  action: AuditAction;
  /** What was acted on: a camera, storage, role or user id, a lock or bookmark id. */
  target: string | null;
  outcome: 'ok' | 'failed';
  /** What changed (a diff) or why it failed; never a password or key. */
  details: Record<string, unknown> | null;
}

/** A change of one field: dotted path → old and new value (null = absent). */
export type JsonDiff = Record<string, { from: unknown; to: unknown }>;

const SECRET = /password|secret|wrappedKey|token/i;
const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Field-by-field difference of two JSON-like values. Objects are walked; arrays and scalars
 * compare as whole values (a role's grant list reads better whole than index by index).
 * Fields that look secret are reported as changed without their values.
 */
export function jsonDiff(before: unknown, after: unknown, path = ''): JsonDiff {
  if (isPlainObject(before) && isPlainObject(after)) {
    const out: JsonDiff = {};
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      const sub = path ? `${path}.${key}` : key;
      if (SECRET.test(key)) {
        if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) out[sub] = { from: '***', to: '***' };
        continue;
      }
      Object.assign(out, jsonDiff(before[key], after[key], sub));
    }
    return out;
  }
  return JSON.stringify(before) === JSON.stringify(after) ? {} : { [path || '.']: { from: before ?? null, to: after ?? null } };
}

/** A copy without secret-looking fields, for recording whole objects (created, deleted). */
export function redact<T>(value: T): T {
  if (Array.isArray(value)) return value.map(redact) as T;
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => !SECRET.test(k)).map(([k, v]) => [k, redact(v)])) as T;
}
