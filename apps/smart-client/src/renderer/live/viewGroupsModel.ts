/**
 * The views panel's groups: views under their groups in the site's order (private groups
 * first), where a new view goes, and names for new groups. Pure, so each rule is tested alone.
 */
import type { ViewBody, ViewGroupBody } from '@nightjar/ui';

export interface ViewGroupSection {
  group: ViewGroupBody;
  views: ViewBody[];
}

const byName = (a: ViewBody, b: ViewBody) => a.name.localeCompare(b.name, undefined, { numeric: true, sensitivity: 'base' }) || a.id.localeCompare(b.id);

/**
 * One section per group in the groups' order, each group's views by name; views whose group is
 * not in the list (the groups are still loading, or changed a moment ago) come back apart, so
 * the panel still shows them.
 */
export function groupViews(groups: readonly ViewGroupBody[], views: readonly ViewBody[]): { sections: ViewGroupSection[]; others: ViewBody[] } {
  const known = new Set(groups.map((g) => g.id));
  return {
    sections: groups.map((group) => ({ group, views: views.filter((v) => v.groupId === group.id).sort(byName) })),
    others: views.filter((v) => !known.has(v.groupId)).sort(byName),
  };
}

/** The user's default private group ("Private"): where a view goes unless another group is chosen. */
export function defaultPrivateGroup(groups: readonly ViewGroupBody[]): ViewGroupBody | undefined {
  return groups.find((g) => !g.shared && g.isDefault) ?? groups.find((g) => !g.shared);
}

/**
 * Where "Save as new" puts the screen: the group of the view on screen when it is one of the
 * user's own (private) groups, else their default private group. A copy of a shared view stays
 * the operator's own until they share or move it.
 */
export function newViewGroup(groups: readonly ViewGroupBody[], viewOnScreen: Pick<ViewBody, 'groupId'> | undefined): ViewGroupBody | undefined {
  const current = viewOnScreen && groups.find((g) => g.id === viewOnScreen.groupId);
  return current && !current.shared ? current : defaultPrivateGroup(groups);
}

/** Groups a view may move to: every other group listed (whoever sees a group may add views to it). */
export function moveTargets(groups: readonly ViewGroupBody[], view: Pick<ViewBody, 'groupId'>): ViewGroupBody[] {
  return groups.filter((g) => g.id !== view.groupId);
}

/** A name for a new group not yet taken among the user's own: "Group 1", "Group 2", … */
export function freeGroupName(groups: readonly Pick<ViewGroupBody, 'name' | 'shared'>[]): string {
  const taken = new Set(groups.filter((g) => !g.shared).map((g) => g.name.trim().toLowerCase()));
  for (let i = 1; ; i++) if (!taken.has(`group ${i}`)) return `Group ${i}`;
}
