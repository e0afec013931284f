/**
 * View groups: the folders Smart Client views live in, as in XProtect. A private group is its
 * owner's alone; a shared group is shown to the roles it names (or to every role) and to whoever
 * manages configuration. A view's visibility is its group's. Pure, so the API, the updates
 * socket and the clients decide the same way (docs/design/smart-client.md, "View groups").
 */
import type { RoleDefinition } from './permissions';
import { hasAdminFlag } from './permissions';

export const VIEW_GROUP_LIMITS = {
  maxName: 100,
  /** Private groups per user, shared groups per site: far above real use, low enough that a script cannot fill the database. */
  maxPrivatePerOwner: 100,
  maxShared: 1000,
  maxRoles: 1000,
} as const;

/** The shared group every site has (migration 013): views shared without naming a group go here. */
export const DEFAULT_SHARED_GROUP_ID = 'shared';

/** Each user's own default group (created with the user): private views without a group go here. */
export function defaultPrivateGroupId(userId: string): string {
  return `private-${userId}`;
}

export interface ViewGroup {
  id: string;
  name: string;
  shared: boolean;
  /** The user a private group belongs to; null for shared groups. */
  ownerId: string | null;
  /** Shared groups: shown to every role, including roles created later. */
  allRoles: boolean;
  /** Shared groups: the roles it is shown to (besides configuration managers), when not allRoles. */
  roleIds: string[];
  /** Place in its list (the owner's private groups, or the shared groups), from 0. */
  position: number;
  /** The default group of its kind: cannot be deleted. */
  isDefault: boolean;
  createdAt: number;
  updatedAt: number;
}

export interface ViewGroupInput {
  name: string;
  shared: boolean;
  allRoles: boolean;
  roleIds: string[];
}

export interface FieldProblem {
  field: string;
  message: string;
}

/** Why a group cannot be stored, naming the field; undefined when it can. `roleExists` checks references. */
export function viewGroupProblem(g: ViewGroupInput, roleExists: (roleId: string) => boolean): FieldProblem | undefined {
  const length = [...g.name.trim()].length;
  if (length < 1 || [...g.name].length > VIEW_GROUP_LIMITS.maxName) {
    return { field: 'name', message: `1 to ${VIEW_GROUP_LIMITS.maxName} characters, not only spaces` };
  }
  if (!g.shared && (g.allRoles || g.roleIds.length > 0)) {
    return { field: 'roleIds', message: 'a private group is shown only to its owner; roles apply to shared groups' };
  }
  if (g.allRoles && g.roleIds.length > 0) return { field: 'roleIds', message: 'leave empty when the group is shown to every role' };
  if (g.roleIds.length > VIEW_GROUP_LIMITS.maxRoles) return { field: 'roleIds', message: `at most ${VIEW_GROUP_LIMITS.maxRoles} roles` };
  const seen = new Set<string>();
  for (const [i, id] of g.roleIds.entries()) {
    if (seen.has(id)) return { field: `roleIds[${i}]`, message: `role ${id} is listed twice` };
    seen.add(id);
    if (!roleExists(id)) return { field: `roleIds[${i}]`, message: `role ${id} does not exist` };
  }
  return undefined;
}

type Audience = Pick<ViewGroup, 'shared' | 'ownerId' | 'allRoles' | 'roleIds'>;

/**
 * A private group: its owner. A shared group: every role when allRoles, else members of its
 * roles; configuration managers see every shared group, since they set them up.
 */
export function canSeeGroup(group: Audience, userId: string, roles: readonly RoleDefinition[]): boolean {
  if (!group.shared) return group.ownerId === userId;
  return group.allRoles || hasAdminFlag(roles, 'manageConfiguration') || roles.some((r) => group.roleIds.includes(r.id));
}

/** Renaming, reordering, deleting and (shared) choosing roles: the owner of a private group; configuration managers for shared ones. */
export function canManageGroup(group: Pick<ViewGroup, 'shared' | 'ownerId'>, userId: string, roles: readonly RoleDefinition[]): boolean {
  return group.shared ? hasAdminFlag(roles, 'manageConfiguration') : group.ownerId === userId;
}

/**
 * Whoever sees a group may put views into it: as before groups existed, any operator may share
 * a view with the operators who see the shared group (docs/design/smart-client.md).
 */
export function canAddViewTo(group: Audience, userId: string, roles: readonly RoleDefinition[]): boolean {
  return canSeeGroup(group, userId, roles);
}

/** A view is seen by whoever sees its group. */
export function canSeeView(group: Audience, userId: string, roles: readonly RoleDefinition[]): boolean {
  return canSeeGroup(group, userId, roles);
}

/**
 * The owner may change or delete their view; a view in a shared group also whoever manages
 * configuration (shared views are part of how the site is set up, and someone must be able to
 * tidy them when their owner is gone).
 */
export function canEditView(view: { ownerId: string }, group: Audience, userId: string, roles: readonly RoleDefinition[]): boolean {
  if (!canSeeGroup(group, userId, roles)) return false;
  return view.ownerId === userId || (group.shared && hasAdminFlag(roles, 'manageConfiguration'));
}

/** Groups in their lists' order: private ones first (the user's own), then shared; each by position, then name. */
export function sortViewGroups<T extends Pick<ViewGroup, 'shared' | 'position' | 'name' | 'id'>>(groups: readonly T[]): T[] {
  return [...groups].sort((a, b) => Number(a.shared) - Number(b.shared) || a.position - b.position
    || a.name.localeCompare(b.name, undefined, { sensitivity: 'accent' }) || a.id.localeCompare(b.id));
}
