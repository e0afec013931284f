/**
 * Views as the Management Client lists them under their group: the layout in words, each tile's
 * camera (or why there is none), and the rename or move body the site wants (the whole view with
 * the revision it was read at, so a concurrent edit is refused with 409 rather than overwritten).
 */
import type { UpdateViewBody, ViewBody } from '@nightjar/ui';

/** The site's limit (vms-core VIEW_LIMITS.maxName); the renderer may take only types from vms-core. */
export const VIEW_NAME_MAX = 100;

export type TileContent = { kind: 'camera'; name: string } | { kind: 'empty' } | { kind: 'missing'; cameraId: string };

/** The views of one group, by name in natural order. */
export function viewsInGroup(views: readonly ViewBody[], groupId: string): ViewBody[] {
  return views.filter((v) => v.groupId === groupId).sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'accent', numeric: true }) || a.id.localeCompare(b.id));
}

/** "2×2", "3×3 · 6 tiles" when some tiles span several cells. */
export function layoutLabel(view: Pick<ViewBody, 'layout'>): string {
  const { columns, rows, tiles } = view.layout;
  const grid = `${columns}×${rows}`;
  return tiles.length === columns * rows ? grid : `${grid} · ${tiles.length} ${tiles.length === 1 ? 'tile' : 'tiles'}`;
}

/** What each tile shows; a camera the site no longer has (or this user may not see) is "missing". */
export function tileContents(view: Pick<ViewBody, 'layout' | 'cameraIds'>, cameraName: (id: string) => string | undefined): TileContent[] {
  return view.layout.tiles.map((_, i) => {
    const id = view.cameraIds[i] ?? null;
    if (id === null) return { kind: 'empty' };
    const name = cameraName(id);
    return name === undefined ? { kind: 'missing', cameraId: id } : { kind: 'camera', name };
  });
}

/** "Gate, Yard and 3 more" for the overview; "No cameras" for an empty view. */
export function camerasSummary(contents: readonly TileContent[]): string {
  const names = contents.flatMap((c) => (c.kind === 'camera' ? [c.name] : c.kind === 'missing' ? ['(unavailable)'] : []));
  if (names.length === 0) return 'No cameras';
  return names.length <= 3 ? names.join(', ') : `${names.slice(0, 2).join(', ')} and ${names.length - 2} more`;
}

export function viewNameProblem(name: string, view: ViewBody, views: readonly ViewBody[]): string | undefined {
  const n = name.trim();
  if (n === '') return 'The view needs a name.';
  if (n.length > VIEW_NAME_MAX) return `At most ${VIEW_NAME_MAX} characters.`;
  if (views.some((v) => v.id !== view.id && v.groupId === view.groupId && v.name.trim().toLowerCase() === n.toLowerCase())) {
    return 'Another view in this group has this name; operators would not tell them apart.';
  }
  return undefined;
}

export function renameBody(view: ViewBody, name: string): UpdateViewBody {
  return { name: name.trim(), groupId: view.groupId, layoutId: view.layoutId, layout: view.layout, cameraIds: view.cameraIds, revision: view.revision };
}

/** The view unchanged but in another group. */
export function moveBody(view: ViewBody, groupId: string): UpdateViewBody {
  return { ...renameBody(view, view.name), groupId };
}
