import { useCallback, useSyncExternalStore } from 'react';
import { isNodeId } from './siteTree';
import type { NodeId } from './siteTree';

/**
 * Where the administrator is: a tree node, the item selected in its overview, and the item's
 * properties tab, kept in the URL hash (`#/cameras/<id>?tab=record`) so Back works, a reload
 * keeps the place, and a place can be linked. Pure parse/format plus one hook.
 */
export interface AdminRoute {
  node: NodeId;
  itemId: string | null;
  tab: string | null;
}

export const HOME: AdminRoute = { node: 'site', itemId: null, tab: null };

export function parseRoute(hash: string): AdminRoute {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const [node = '', ...rest] = path.split('/').filter(Boolean);
  if (!isNodeId(node)) return HOME;
  const itemId = rest.length > 0 ? decodeURIComponent(rest.join('/')) : null;
  const tab = new URLSearchParams(query).get('tab');
  return { node, itemId, tab: tab || null };
}

export function formatRoute(r: AdminRoute): string {
  const item = r.itemId !== null ? `/${encodeURIComponent(r.itemId)}` : '';
  const tab = r.tab ? `?tab=${encodeURIComponent(r.tab)}` : '';
  return `#/${r.node}${item}${tab}`;
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

/** The current route and a navigate function (a new history entry; `replace` for tab switches). */
export function useRoute(): [AdminRoute, (to: Partial<AdminRoute> & { node?: NodeId }, o?: { replace?: boolean }) => void] {
  const hash = useSyncExternalStore(subscribe, () => location.hash);
  const route = parseRoute(hash);
  const navigate = useCallback((to: Partial<AdminRoute>, o: { replace?: boolean } = {}) => {
    const current = parseRoute(location.hash);
    const node = to.node ?? current.node;
    // Another node starts with nothing selected; another item starts on its first tab.
    const itemId = to.itemId !== undefined ? to.itemId : node === current.node ? current.itemId : null;
    const tab = to.tab !== undefined ? to.tab : node === current.node && itemId === current.itemId ? current.tab : null;
    const next = formatRoute({ node, itemId, tab });
    if (next === location.hash) return;
    if (o.replace) history.replaceState(null, '', next);
    else history.pushState(null, '', next);
    // pushState does not fire hashchange: tell the subscribers.
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  }, []);
  return [route, navigate];
}
