/**
 * A shared view group's form as data: the draft the page edits, what is wrong with it (next to
 * its field), the one PATCH it becomes (only what changed), who it is shown to in words, and
 * the position a move up or down asks for. The site checks everything again.
 */
import type { CreateViewGroupBody, UpdateViewGroupBody, ViewGroupBody } from '@nightjar/ui';

/** The site's limit (vms-core VIEW_GROUP_LIMITS.maxName); the renderer may take only types from vms-core. */
export const GROUP_NAME_MAX = 100;

export interface ViewGroupDraft {
  name: string;
  /** 'all': every role, roles created later included; 'roles': the ones chosen. */
  audience: 'all' | 'roles';
  roleIds: string[];
}

export type ViewGroupProblems = Partial<Record<'name' | 'roleIds', string>>;

export const draftOf = (g: Pick<ViewGroupBody, 'name' | 'allRoles' | 'roleIds'>): ViewGroupDraft =>
  ({ name: g.name, audience: g.allRoles ? 'all' : 'roles', roleIds: [...g.roleIds] });

export const EMPTY_DRAFT: ViewGroupDraft = { name: '', audience: 'roles', roleIds: [] };

export function viewGroupProblems(d: ViewGroupDraft, groups: readonly Pick<ViewGroupBody, 'id' | 'name' | 'shared'>[], selfId?: string): ViewGroupProblems {
  const p: ViewGroupProblems = {};
  const name = d.name.trim();
  if (name === '') p.name = 'The group needs a name.';
  else if ([...name].length > GROUP_NAME_MAX) p.name = `At most ${GROUP_NAME_MAX} characters.`;
  else if (groups.some((g) => g.shared && g.id !== selfId && g.name.trim().toLowerCase() === name.toLowerCase())) p.name = 'Another shared group has this name.';
  return p;
}

/** A draft shown to no role is seen by configuration managers only: allowed, but worth saying. */
export function audienceWarning(d: ViewGroupDraft): string | undefined {
  return d.audience === 'roles' && d.roleIds.length === 0 ? 'No role is chosen: only administrators and configuration managers will see this group.' : undefined;
}

export function createBody(d: ViewGroupDraft): CreateViewGroupBody {
  return { name: d.name.trim(), shared: true, allRoles: d.audience === 'all', roleIds: d.audience === 'all' ? [] : [...d.roleIds] };
}

/** Only what differs from the group as stored; undefined when nothing does. */
export function updateBody(d: ViewGroupDraft, g: ViewGroupBody): UpdateViewGroupBody | undefined {
  const body: UpdateViewGroupBody = {};
  if (d.name.trim() !== g.name) body.name = d.name.trim();
  const all = d.audience === 'all';
  if (all !== g.allRoles) body.allRoles = all;
  const roles = all ? [] : [...d.roleIds].sort();
  if (!all && JSON.stringify(roles) !== JSON.stringify([...g.roleIds].sort())) body.roleIds = roles;
  return Object.keys(body).length > 0 ? body : undefined;
}

/** "Every role", "Guards, Reception", or the ids of roles the caller may not read by name. */
export function audienceLabel(g: Pick<ViewGroupBody, 'allRoles' | 'roleIds'>, roleName: (id: string) => string | undefined): string {
  if (g.allRoles) return 'Every role';
  if (g.roleIds.length === 0) return 'Administrators only';
  return g.roleIds.map((id) => roleName(id) ?? id).join(', ');
}

/** The position a one-step move asks for, or undefined at either end of the list. */
export function movedPosition(list: readonly Pick<ViewGroupBody, 'id'>[], id: string, step: -1 | 1): number | undefined {
  const i = list.findIndex((g) => g.id === id);
  const next = i + step;
  return i < 0 || next < 0 || next >= list.length ? undefined : next;
}
