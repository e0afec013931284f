/**
 * Between the site's stored views and the client store: a view body becomes what the store
 * shows, the store becomes a body to save, and a pushed update decides whether to replace what
 * is on screen. Pure, so each rule is tested on its own.
 */
import type { CreateViewBody, ViewBody } from '@nightjar/vms-core';
import { LAYOUTS, isLayoutId } from '@nightjar/ui';
import type { AppliedView, ClientState, Layout } from '@nightjar/ui';

/** The store's form of a stored view. A preset id keeps its name; its geometry is the view's own. */
export function appliedViewOf(view: Pick<ViewBody, 'id' | 'revision' | 'layoutId' | 'layout' | 'cameraIds'>): AppliedView {
  const id = view.layoutId !== 'custom' && isLayoutId(view.layoutId) ? view.layoutId : 'custom';
  const layout: Layout = { id, columns: view.layout.columns, rows: view.layout.rows, tiles: view.layout.tiles.map((t) => ({ ...t })) };
  return { viewId: view.id, revision: view.revision, layout, cameraIds: view.cameraIds };
}

type ViewState = Pick<ClientState, 'layoutId' | 'layout' | 'tileCameras'>;

/** The body that saves what is on screen under a name, in a group (absent: the user's default "Private"). */
export function viewBodyOf(state: ViewState, name: string, groupId?: string): CreateViewBody {
  return {
    name: name.trim(),
    ...(groupId === undefined ? {} : { groupId }),
    layoutId: state.layoutId,
    layout: { columns: state.layout.columns, rows: state.layout.rows, tiles: state.layout.tiles.map(({ x, y, width, height }) => ({ x, y, width, height })) },
    cameraIds: [...state.tileCameras],
  };
}

/** Whether the screen differs from the stored view (so "Save" has something to do). */
export function differsFromView(state: ViewState, view: Pick<ViewBody, 'layout' | 'cameraIds'>): boolean {
  const a = state.layout;
  const b = view.layout;
  if (a.columns !== b.columns || a.rows !== b.rows || a.tiles.length !== b.tiles.length) return true;
  if (a.tiles.some((t, i) => {
    const u = b.tiles[i]!;
    return t.x !== u.x || t.y !== u.y || t.width !== u.width || t.height !== u.height;
  })) return true;
  return state.tileCameras.some((c, i) => c !== (view.cameraIds[i] ?? null));
}

/**
 * What to do with a view body that arrived from the site (push or refetch) while `viewId` is
 * on screen at `shownRevision`: apply it when it is that view at a newer revision; a revision
 * this client saved itself is already on screen and needs no notice.
 */
export function remoteViewChange(
  onScreen: { viewId: string | null; shownRevision: number | null },
  incoming: Pick<ViewBody, 'id' | 'revision'> | undefined,
): 'apply' | 'ignore' {
  if (!incoming || onScreen.viewId === null || incoming.id !== onScreen.viewId) return 'ignore';
  if (onScreen.shownRevision !== null && incoming.revision <= onScreen.shownRevision) return 'ignore';
  return 'apply';
}

/**
 * Where a double-clicked camera goes: the selected tile, else the first empty one. Undefined
 * when every tile is taken and none is selected: the operator picks the tile to replace.
 */
export function targetTile(state: Pick<ClientState, 'selectedTile' | 'tileCameras'>): number | undefined {
  if (state.selectedTile !== null && state.selectedTile < state.tileCameras.length) return state.selectedTile;
  const empty = state.tileCameras.indexOf(null);
  return empty >= 0 ? empty : undefined;
}

/** A name not yet taken among `views`: "View 1", "View 2", … */
export function freeViewName(views: readonly Pick<ViewBody, 'name'>[], base = 'View'): string {
  const taken = new Set(views.map((v) => v.name.trim().toLowerCase()));
  for (let i = 1; ; i++) if (!taken.has(`${base} ${i}`.toLowerCase())) return `${base} ${i}`;
}

/** The preset list for the layout picker; exported so the picker and tests agree. */
export const PRESET_LAYOUTS = Object.values(LAYOUTS);
