/**
 * Keeps the view on screen in step with the site: when another client saves it (the updates
 * socket writes the new body into the views cache), the new layout and cameras are applied and a
 * quiet notice says so; when it is deleted or made private, the tiles stay as an unsaved view.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { viewsQuery } from '@nightjar/ui';
import { useSite } from '../session/siteContext';
import { useShell } from '../shell/shellContext';
import { appliedViewOf, remoteViewChange } from './viewMapping';

export function useSharedViewSync(): void {
  const { client, store } = useSite();
  const { notify } = useShell();
  const views = useQuery(viewsQuery(client)).data;

  useEffect(() => {
    if (!views) return;
    const { viewId, viewRevision } = store.getState();
    if (viewId === null) return;
    const view = views.find((v) => v.id === viewId);
    if (!view) {
      store.getState().markViewSaved(null, null);
      notify('The view on screen was deleted or is no longer shared with you; it stays here as an unsaved view.');
      return;
    }
    if (remoteViewChange({ viewId, shownRevision: viewRevision }, view) === 'apply') {
      const maximized = store.getState().maximizedTile;
      store.getState().applyView(appliedViewOf(view));
      // Keep a maximized tile maximized when the new layout still has it.
      if (maximized !== null && maximized < view.cameraIds.length) store.getState().toggleMaximize(maximized);
      notify(`View “${view.name}” was updated on another client; the new version is shown.`);
    }
  }, [views, store, notify]);
}
