/**
 * The configuration backup file as the page handles it: a name for a new one, and reading one
 * the administrator picked (a Nightjar configuration document, or a clear reason it is not).
 */
import type { ConfigurationDocumentBody } from '@nightjar/vms-core';

export const MIN_BACKUP_PASSWORD = 8;

/** `nightjar-<site>-<yyyy-mm-dd>.json`, with the site's name made safe for file systems. */
export function backupFileName(siteName: string, now: Date): string {
  const safe = siteName.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'site';
  const day = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  return `nightjar-${safe}-${day}.json`;
}

export type ParsedBackup = { ok: true; document: ConfigurationDocumentBody } | { ok: false; problem: string };

export function parseBackup(text: string): ParsedBackup {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'This file is not JSON: not a Nightjar configuration backup.' };
  }
  const doc = value as Partial<ConfigurationDocumentBody> | null;
  if (!doc || typeof doc !== 'object' || doc.format !== 'nightjar-configuration') {
    return { ok: false, problem: 'This file is not a Nightjar configuration backup (its format is not "nightjar-configuration").' };
  }
  if (!Array.isArray(doc.storages) || !Array.isArray(doc.cameras) || typeof doc.secrets !== 'object') {
    return { ok: false, problem: 'This backup is incomplete: storages, cameras or its sealed secrets are missing.' };
  }
  return { ok: true, document: doc as ConfigurationDocumentBody };
}

/** What a backup holds, for the administrator to check before restoring it. */
export function backupSummary(doc: ConfigurationDocumentBody): string {
  const n = (k: keyof Pick<ConfigurationDocumentBody, 'cameras' | 'hardware' | 'storages' | 'roles' | 'users' | 'timeProfiles'>) => doc[k].length;
  // Files from before the event server's section leave rules and alarms as they are: say nothing of them.
  const events = doc.eventServer ? `, ${doc.eventServer.rules.length} rules, ${doc.eventServer.alarmDefinitions.length} alarm definitions` : '';
  return `${doc.site.name}: ${n('cameras')} cameras on ${n('hardware')} hardware, ${n('storages')} storages, ${n('roles')} roles, ` +
    `${n('users')} users, ${n('timeProfiles')} time profiles${events}; exported ${new Date(doc.exportedAt).toLocaleString()}`;
}
