/**
 * What a window was opened to show: `/app/<workspace>?view=<id>` (the desktop shell opens extra
 * windows this way, e.g. a view on a second monitor). The site serves the app under /app/* and
 * leaves routing to it; anything else starts in Live with no view.
 */
import type { Workspace } from '../shortcuts/defaultShortcuts';

export interface StartupRoute {
  workspace: Workspace;
  viewId: string | null;
}

const WORKSPACES: readonly Workspace[] = ['live', 'playback', 'search', 'alarms'];

export function parseStartupRoute(pathname: string, search: string): StartupRoute {
  const m = /^\/app\/([a-z]+)\/?$/.exec(pathname);
  const named = m?.[1] as Workspace | undefined;
  const workspace = named && WORKSPACES.includes(named) ? named : 'live';
  const viewId = new URLSearchParams(search).get('view')?.trim() || null;
  return { workspace, viewId };
}

/** The address that shows `workspace` (kept in the address bar so a bookmark or a new window opens it). */
export function workspacePath(workspace: Workspace, viewId: string | null): string {
  return `/app/${workspace}${viewId ? `?view=${encodeURIComponent(viewId)}` : ''}`;
}
