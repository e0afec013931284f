/**
 * Client profiles: named sets of Smart Client defaults, each assigned to roles (a role has at
 * most one profile; roles without one get the default profile). A profile shapes what the
 * client offers, not what the site allows: rights stay the roles' (a profile that allows export
 * does not give the export right). Pure, so the API and the clients agree
 * (docs/design/client-profiles.md).
 */
import type { FieldProblem } from './viewGroup';

/** The Smart Client's workspaces (its top bar tabs). */
export const CLIENT_WORKSPACES = ['live', 'playback', 'search', 'alarms'] as const;
export type ClientWorkspace = (typeof CLIENT_WORKSPACES)[number];

/** The layout presets a new, empty screen can start with (the Smart Client's picker, without "custom"). */
export const CLIENT_LAYOUTS = ['1x1', '2x2', '3x3', '4x4', '1+5', '1+7', '2+8'] as const;
export type ClientLayout = (typeof CLIENT_LAYOUTS)[number];

export const CLIENT_EXPORT_FORMATS = ['mp4', 'mkv', 'native'] as const;
export type ClientExportFormat = (typeof CLIENT_EXPORT_FORMATS)[number];

export const CLIENT_PROFILE_LIMITS = {
  maxName: 100,
  maxDescription: 500,
  /** A working day; 0 turns the idle sign-out off. */
  maxIdleLogoutMinutes: 1440,
  maxProfiles: 200,
} as const;

/** The id of the profile every site has (migration 013): it applies to every role without a profile of its own. */
export const DEFAULT_CLIENT_PROFILE_ID = 'default';

/** Only settings the Smart Client carries out (docs/design/client-profiles.md says where each is honoured). */
export interface ClientProfileSettings {
  /** Workspaces offered, at least one; the client starts in the first of live, playback, search, alarms offered. */
  workspaces: ClientWorkspace[];
  /** The Export button and export actions (the export right is still checked per camera). */
  exportAllowed: boolean;
  /** The layout an empty screen starts with (after sign-in). */
  defaultLayout: ClientLayout;
  /** The strip over each tile: camera name, REC and motion indicators. */
  tileTitleBar: boolean;
  /** The time in the corner of each tile. */
  tileClock: boolean;
  /** What the export dialog starts with. */
  defaultExportFormat: ClientExportFormat;
  /** Sign out after this many minutes without keyboard or pointer input; 0: never. */
  idleLogoutMinutes: number;
}

export const DEFAULT_CLIENT_PROFILE_SETTINGS: Readonly<ClientProfileSettings> = Object.freeze({
  workspaces: [...CLIENT_WORKSPACES],
  exportAllowed: true,
  defaultLayout: '2x2',
  tileTitleBar: true,
  tileClock: true,
  defaultExportFormat: 'mp4',
  idleLogoutMinutes: 0,
});

export interface ClientProfile {
  id: string;
  name: string;
  description: string;
  isDefault: boolean;
  /** Priority: 0 first. The default profile is always last, whatever its number. */
  position: number;
  /** Roles this profile is assigned to (none for the default profile: it takes the rest). */
  roleIds: string[];
  settings: ClientProfileSettings;
  createdAt: number;
  updatedAt: number;
}

export interface ClientProfileInput {
  name: string;
  description: string;
  roleIds: string[];
  settings: ClientProfileSettings;
}

/**
 * Stored or sent settings with every missing one taken from the defaults, so a profile stored
 * before a setting existed gets its default, and unknown keys are dropped.
 */
export function completeSettings(partial: Partial<ClientProfileSettings> | undefined, base: ClientProfileSettings = DEFAULT_CLIENT_PROFILE_SETTINGS): ClientProfileSettings {
  const p = partial ?? {};
  return {
    workspaces: [...(p.workspaces ?? base.workspaces)],
    exportAllowed: p.exportAllowed ?? base.exportAllowed,
    defaultLayout: p.defaultLayout ?? base.defaultLayout,
    tileTitleBar: p.tileTitleBar ?? base.tileTitleBar,
    tileClock: p.tileClock ?? base.tileClock,
    defaultExportFormat: p.defaultExportFormat ?? base.defaultExportFormat,
    idleLogoutMinutes: p.idleLogoutMinutes ?? base.idleLogoutMinutes,
  };
}

const includes = <T extends string>(list: readonly T[], v: string): v is T => (list as readonly string[]).includes(v);

/** Why a profile cannot be stored, naming the field; undefined when it can. */
export function clientProfileProblem(p: ClientProfileInput & { isDefault: boolean }, roleExists: (roleId: string) => boolean): FieldProblem | undefined {
  const L = CLIENT_PROFILE_LIMITS;
  const length = [...p.name.trim()].length;
  if (length < 1 || [...p.name].length > L.maxName) return { field: 'name', message: `1 to ${L.maxName} characters, not only spaces` };
  if ([...p.description].length > L.maxDescription) return { field: 'description', message: `at most ${L.maxDescription} characters` };
  if (p.isDefault && p.roleIds.length > 0) {
    return { field: 'roleIds', message: 'the default profile applies to every role without a profile of its own; it takes no roles' };
  }
  const seen = new Set<string>();
  for (const [i, id] of p.roleIds.entries()) {
    if (seen.has(id)) return { field: `roleIds[${i}]`, message: `role ${id} is listed twice` };
    seen.add(id);
    if (!roleExists(id)) return { field: `roleIds[${i}]`, message: `role ${id} does not exist` };
  }
  const s = p.settings;
  if (s.workspaces.length === 0) return { field: 'settings.workspaces', message: 'offer at least one workspace' };
  for (const [i, w] of s.workspaces.entries()) {
    if (!includes(CLIENT_WORKSPACES, w)) return { field: `settings.workspaces[${i}]`, message: `one of ${CLIENT_WORKSPACES.join(', ')}` };
    if (s.workspaces.indexOf(w) !== i) return { field: `settings.workspaces[${i}]`, message: `${w} is listed twice` };
  }
  if (!includes(CLIENT_LAYOUTS, s.defaultLayout)) return { field: 'settings.defaultLayout', message: `one of ${CLIENT_LAYOUTS.join(', ')}` };
  if (!includes(CLIENT_EXPORT_FORMATS, s.defaultExportFormat)) return { field: 'settings.defaultExportFormat', message: `one of ${CLIENT_EXPORT_FORMATS.join(', ')}` };
  if (!Number.isInteger(s.idleLogoutMinutes) || s.idleLogoutMinutes < 0 || s.idleLogoutMinutes > L.maxIdleLogoutMinutes) {
    return { field: 'settings.idleLogoutMinutes', message: `whole minutes from 0 (never) to ${L.maxIdleLogoutMinutes}` };
  }
  return undefined;
}

/** Profiles by priority: position, then name; the default profile last. */
export function sortClientProfiles<T extends Pick<ClientProfile, 'isDefault' | 'position' | 'name' | 'id'>>(profiles: readonly T[]): T[] {
  return [...profiles].sort((a, b) => Number(a.isDefault) - Number(b.isDefault) || a.position - b.position
    || a.name.localeCompare(b.name, undefined, { sensitivity: 'accent' }) || a.id.localeCompare(b.id));
}

/**
 * The profile a user in these roles gets: of the profiles assigned to any of their roles, the
 * one highest in the priority order (as XProtect's Smart Client profiles); the default profile
 * when none of their roles has one. Whole profiles, never a mix of several: an administrator
 * can then read off what a user gets, and no combination arises that nobody wrote.
 */
export function effectiveClientProfile<T extends Pick<ClientProfile, 'isDefault' | 'position' | 'name' | 'id' | 'roleIds'>>(
  profiles: readonly T[], roleIds: readonly string[],
): T | undefined {
  const sorted = sortClientProfiles(profiles);
  return sorted.find((p) => !p.isDefault && p.roleIds.some((r) => roleIds.includes(r))) ?? sorted.find((p) => p.isDefault);
}
