/**
 * The permission model, pure so the API, the media paths and the clients decide the same way.
 *
 * A user holds roles. A role grants camera rights per camera (or for all cameras), each grant
 * optionally limited by a time profile, plus role-wide admin flags. Roles add up: a request is
 * allowed when any grant of any role allows it. The built-in Administrators role allows
 * everything whatever is stored for it.
 */
import type { TimeProfile } from './timeProfile';
import { describeWindows, earliestMediaAt, withinWindows } from './timeProfile';

export const CAMERA_RIGHTS = [
  'live', 'playback', 'export', 'snapshot', 'ptz',
  'bookmarkView', 'bookmarkCreate', 'bookmarkEdit', 'bookmarkDelete',
  'evidenceLockView', 'evidenceLockCreate', 'evidenceLockExtend', 'evidenceLockDelete',
  'retrieveRemote',
] as const;
export type CameraRight = (typeof CAMERA_RIGHTS)[number];

export const ADMIN_FLAGS = ['manageConfiguration', 'manageUsers'] as const;
export type AdminFlag = (typeof ADMIN_FLAGS)[number];

/** Fixed ids of the roles the first migration creates. */
export const ADMINISTRATORS_ROLE_ID = 'administrators';
export const OPERATORS_ROLE_ID = 'operators';

export interface CameraGrant {
  /** null: every camera of the site, including ones added later. */
  cameraId: string | null;
  rights: CameraRight[];
  timeProfile?: TimeProfile;
  /**
   * A stored time profile (TimeProfileStore) instead of an inline one; roles read from the
   * store carry its rules in `timeProfile` too, so decisions need only `timeProfile`.
   */
  timeProfileId?: string;
}

export interface RoleDefinition {
  id: string;
  name: string;
  /** Built-in roles cannot be deleted; Administrators cannot be changed either. */
  builtin: boolean;
  manageConfiguration: boolean;
  manageUsers: boolean;
  grants: CameraGrant[];
}

export interface CameraAccessRequest {
  cameraId: string;
  right: CameraRight;
  /** When the request is made (ms since the epoch): schedules are checked against this. */
  at: number;
  /** The media instant asked for (ms), for playback-like rights limited to the last N days. */
  mediaAt?: number;
}

export type DenyReason = 'noGrant' | 'outsideSchedule' | 'mediaTooOld';

export type AccessDecision =
  | {
    allowed: true;
    /** The oldest media instant reachable (ms); null when unlimited. Ranges are clipped to it. */
    earliestMedia: number | null;
  }
  | { allowed: false; reason: DenyReason; message: string };

export const isAdministrators = (role: RoleDefinition): boolean => role.id === ADMINISTRATORS_ROLE_ID;

const grantsFor = (roles: readonly RoleDefinition[], cameraId: string) =>
  roles.flatMap((r) => r.grants).filter((g) => g.cameraId === null || g.cameraId === cameraId);

/** Decides one camera right for one request; the reason says which condition failed. */
export function checkCameraAccess(roles: readonly RoleDefinition[], req: CameraAccessRequest): AccessDecision {
  if (roles.some(isAdministrators)) return { allowed: true, earliestMedia: null };
  const granted = grantsFor(roles, req.cameraId).filter((g) => g.rights.includes(req.right));
  if (granted.length === 0) {
    return { allowed: false, reason: 'noGrant', message: `no role grants ${req.right} on camera ${req.cameraId}` };
  }
  const now = granted.filter((g) => withinWindows(g.timeProfile, req.at));
  if (now.length === 0) {
    const when = granted.map((g) => describeWindows(g.timeProfile ?? {})).join(' or ');
    return { allowed: false, reason: 'outsideSchedule', message: `${req.right} on camera ${req.cameraId} is allowed only ${when}` };
  }
  // The most generous grant wins: unlimited beats any age limit, a longer limit beats a shorter.
  let earliest: number | null = Infinity;
  for (const g of now) {
    const e = earliestMediaAt(g.timeProfile, req.at);
    earliest = e === null || earliest === null ? null : Math.min(earliest, e);
  }
  if (earliest !== null && req.mediaAt !== undefined && req.mediaAt < earliest) {
    return {
      allowed: false, reason: 'mediaTooOld',
      message: `${req.right} on camera ${req.cameraId} reaches only media since ${new Date(earliest).toISOString()}`,
    };
  }
  return { allowed: true, earliestMedia: earliest };
}

/**
 * True when some role grants any right on the camera, whatever the schedule: the camera is
 * then visible (listed, its status readable) even at hours when its rights cannot be used.
 */
export function hasAnyCameraRight(roles: readonly RoleDefinition[], cameraId: string): boolean {
  return roles.some(isAdministrators) || grantsFor(roles, cameraId).some((g) => g.rights.length > 0);
}

/** The rights usable on a camera at an instant (for clients to enable or hide controls). */
export function cameraRightsAt(roles: readonly RoleDefinition[], cameraId: string, at: number): CameraRight[] {
  return CAMERA_RIGHTS.filter((right) => checkCameraAccess(roles, { cameraId, right, at }).allowed);
}

/**
 * True when the right is usable now on every one of the cameras, and there is at least one:
 * things spanning cameras (bookmarks, evidence locks) are seen or changed only by someone
 * entitled on all of them, so none of their cameras leaks to a user without rights on it.
 */
export function allowedOnEveryCamera(roles: readonly RoleDefinition[], cameraIds: readonly string[], right: CameraRight, at: number): boolean {
  return cameraIds.length > 0 && cameraIds.every((cameraId) => checkCameraAccess(roles, { cameraId, right, at }).allowed);
}

export function hasAdminFlag(roles: readonly RoleDefinition[], flag: AdminFlag): boolean {
  return roles.some((r) => isAdministrators(r) || r[flag]);
}

/**
 * What `role` would hand out that `holder` does not hold itself, as readable items (empty: it
 * may). A non-administrator who manages users may create, change and assign roles only within
 * its own flags and rights, or managing users would be a way to take any power.
 */
export function grantsBeyond(holder: readonly RoleDefinition[], role: Pick<RoleDefinition, 'manageConfiguration' | 'manageUsers' | 'grants'>): string[] {
  if (holder.some(isAdministrators)) return [];
  const out: string[] = [];
  for (const flag of ['manageConfiguration', 'manageUsers'] as const) {
    if (role[flag] && !hasAdminFlag(holder, flag)) out.push(flag);
  }
  const held = holder.flatMap((r) => r.grants);
  for (const g of role.grants) {
    for (const right of g.rights) {
      const covered = held.some((h) =>
        (h.cameraId === null || h.cameraId === g.cameraId) && h.rights.includes(right) &&
        // A time-limited right may only be passed on with the same limit.
        (h.timeProfile === undefined || JSON.stringify(h.timeProfile) === JSON.stringify(g.timeProfile)));
      if (!covered) out.push(`${right} on ${g.cameraId ?? 'all cameras'}`);
    }
  }
  return out;
}
