/**
 * A client profile's forms as data: the settings draft (idle minutes as typed), what is wrong
 * with it (beside its field), the PATCH it becomes (only what changed), the roles a save would
 * take from other profiles, and the overview's words. The site checks everything again.
 */
import type { ClientProfileSettingsBody } from '@nightjar/ui';
import type { ClientProfileBody } from './clientProfilesApi';

/** The site's limits (vms-core CLIENT_PROFILE_LIMITS); the renderer may take only types from vms-core. */
export const PROFILE_LIMITS = { maxName: 100, maxDescription: 500, maxIdleMinutes: 1440 } as const;

type Workspace = ClientProfileSettingsBody['workspaces'][number];
type Layout = ClientProfileSettingsBody['defaultLayout'];
type ExportFormat = ClientProfileSettingsBody['defaultExportFormat'];

export const WORKSPACE_CHOICES: readonly { id: Workspace; label: string; detail: string }[] = [
  { id: 'live', label: 'Live', detail: 'live video in views' },
  { id: 'playback', label: 'Playback', detail: 'recordings on the timeline' },
  { id: 'search', label: 'Search', detail: 'motion, bookmarks, evidence locks' },
  { id: 'alarms', label: 'Alarms', detail: 'the Alarm Manager' },
];
export const LAYOUT_CHOICES: readonly Layout[] = ['1x1', '2x2', '3x3', '4x4', '1+5', '1+7', '2+8'];
export const EXPORT_FORMAT_CHOICES: readonly { id: ExportFormat; label: string }[] = [
  { id: 'mp4', label: 'MP4' }, { id: 'mkv', label: 'MKV' }, { id: 'native', label: 'Native (signed)' },
];

/** The settings as the form holds them: the idle time as typed, so a half-typed number can be shown and refused. */
export type SettingsDraft = Omit<ClientProfileSettingsBody, 'idleLogoutMinutes'> & { idleLogoutMinutes: string };

export type SettingsProblems = Partial<Record<'workspaces' | 'idleLogoutMinutes', string>>;

export const settingsDraftOf = (s: ClientProfileSettingsBody): SettingsDraft => ({ ...s, workspaces: [...s.workspaces], idleLogoutMinutes: String(s.idleLogoutMinutes) });

export function settingsProblems(d: SettingsDraft): SettingsProblems {
  const p: SettingsProblems = {};
  if (d.workspaces.length === 0) p.workspaces = 'Offer at least one workspace.';
  const minutes = Number(d.idleLogoutMinutes.trim());
  if (d.idleLogoutMinutes.trim() === '' || !Number.isInteger(minutes) || minutes < 0 || minutes > PROFILE_LIMITS.maxIdleMinutes) {
    p.idleLogoutMinutes = `Whole minutes from 0 (never) to ${PROFILE_LIMITS.maxIdleMinutes}.`;
  }
  return p;
}

/** The draft as the site's settings, workspaces in the Smart Client's order; call only without problems. */
export function settingsOf(d: SettingsDraft): ClientProfileSettingsBody {
  const order = WORKSPACE_CHOICES.map((w) => w.id);
  return { ...d, workspaces: order.filter((w) => d.workspaces.includes(w)), idleLogoutMinutes: Number(d.idleLogoutMinutes.trim()) };
}

/** Only the settings that differ from the stored ones; undefined when none does. */
export function changedSettings(d: SettingsDraft, stored: ClientProfileSettingsBody): Partial<ClientProfileSettingsBody> | undefined {
  const next = settingsOf(d);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(next) as (keyof ClientProfileSettingsBody)[]) {
    if (JSON.stringify(next[key]) !== JSON.stringify(stored[key])) out[key] = next[key];
  }
  return Object.keys(out).length > 0 ? (out as Partial<ClientProfileSettingsBody>) : undefined;
}

export function profileNameProblem(name: string, profiles: readonly Pick<ClientProfileBody, 'id' | 'name'>[], selfId?: string): string | undefined {
  const n = name.trim();
  if (n === '') return 'The profile needs a name.';
  if ([...n].length > PROFILE_LIMITS.maxName) return `At most ${PROFILE_LIMITS.maxName} characters.`;
  if (profiles.some((p) => p.id !== selfId && p.name.trim().toLowerCase() === n.toLowerCase())) return 'Another profile has this name.';
  return undefined;
}

/** For each chosen role another profile holds now: that profile's name (a save moves the role here). */
export function rolesTakenFrom(roleIds: readonly string[], profiles: readonly ClientProfileBody[], selfId: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of profiles) {
    if (p.id === selfId) continue;
    for (const r of p.roleIds) if (roleIds.includes(r)) out.set(r, p.name);
  }
  return out;
}

/** The profile each role has now (none: the default profile applies). */
export function profileOfRole(profiles: readonly ClientProfileBody[]): Map<string, ClientProfileBody> {
  return new Map(profiles.flatMap((p) => p.roleIds.map((r) => [r, p] as const)));
}

/** "Live, Playback, Alarms" or "All workspaces". */
export function workspacesLabel(s: Pick<ClientProfileSettingsBody, 'workspaces'>): string {
  if (WORKSPACE_CHOICES.every((w) => s.workspaces.includes(w.id))) return 'All workspaces';
  return WORKSPACE_CHOICES.filter((w) => s.workspaces.includes(w.id)).map((w) => w.label).join(', ');
}

export function idleLabel(minutes: number): string {
  if (minutes === 0) return 'Never';
  return minutes % 60 === 0 ? `${minutes / 60} h` : `${minutes} min`;
}
