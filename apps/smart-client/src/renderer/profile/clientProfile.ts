/**
 * The client profile as this client carries it out (docs/design/client-profiles.md): which
 * workspaces it offers, and the idle sign-out's arithmetic. Pure, so each rule is tested alone.
 */
import type { ClientProfileSettingsBody } from '@nightjar/ui';
import type { Workspace } from '../shortcuts/defaultShortcuts';

/** The top bar's order; a profile's list is read in this order whatever order it was stored in. */
export const WORKSPACE_ORDER: readonly Workspace[] = ['live', 'playback', 'search', 'alarms'];

/**
 * What applies until the site has answered getCurrentUser: everything offered, nothing hidden
 * (the site's own default profile; the renderer may not import vms-core's values).
 */
export const UNRESTRICTED_SETTINGS: ClientProfileSettingsBody = {
  workspaces: [...WORKSPACE_ORDER], exportAllowed: true, defaultLayout: '2x2', tileTitleBar: true, tileClock: true,
  defaultExportFormat: 'mp4', idleLogoutMinutes: 0,
};

/** The workspaces offered, in the top bar's order; Live alone if a profile somehow offers none. */
export function offeredWorkspaces(settings: Pick<ClientProfileSettingsBody, 'workspaces'>): Workspace[] {
  const offered = WORKSPACE_ORDER.filter((w) => settings.workspaces.includes(w));
  return offered.length > 0 ? offered : ['live'];
}

/** `wanted` when offered, else the first workspace offered (where a window opened on a hidden one lands). */
export function allowedWorkspace(wanted: Workspace, offered: readonly Workspace[]): Workspace {
  return offered.includes(wanted) ? wanted : (offered[0] ?? 'live');
}

/** How long before the idle sign-out the operator is warned, so a glance at the screen can keep the session. */
export const IDLE_WARNING_MS = 60_000;

export type IdleStep = { kind: 'off' } | { kind: 'wait'; ms: number; next: 'warn' | 'signOut' } | { kind: 'signOut' };

/**
 * What the idle watch does next, given the last input and now: nothing (off), wait until the
 * warning or the sign-out, or sign out at once (the machine slept past the deadline).
 */
export function idleStep(idleLogoutMinutes: number, lastInputMs: number, nowMs: number, warned: boolean): IdleStep {
  if (!(idleLogoutMinutes > 0)) return { kind: 'off' };
  const deadline = lastInputMs + idleLogoutMinutes * 60_000;
  const left = deadline - nowMs;
  if (left <= 0) return { kind: 'signOut' };
  const warnAt = deadline - Math.min(IDLE_WARNING_MS, idleLogoutMinutes * 60_000 / 2);
  if (!warned) return { kind: 'wait', ms: Math.max(0, warnAt - nowMs), next: 'warn' };
  return { kind: 'wait', ms: left, next: 'signOut' };
}

/**
 * Whether the screen is still the empty one a session starts with (no stored view, no camera
 * placed): only then does the profile's default layout replace it, never over the operator's work.
 */
export function isUntouchedScreen(state: { viewId: string | null; tileCameras: readonly (string | null)[] }): boolean {
  return state.viewId === null && state.tileCameras.every((c) => c === null);
}
