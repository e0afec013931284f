/**
 * Shows the view a window was opened with (`?view=<id>`), once, as soon as the views are
 * loaded; says so when that view is not (or no longer) available to this user.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { viewsQuery } from '@nightjar/ui';
import { useSite } from '../session/siteContext';
import { useShell } from '../shell/shellContext';
import { appliedViewOf } from './viewMapping';

export function useStartupView(viewId: string | null): void {
  const { client, store } = useSite();
  const { notify } = useShell();
  const views = useQuery({ ...viewsQuery(client), enabled: viewId !== null }).data;
  const done = useRef(false);
  useEffect(() => {
    if (done.current || viewId === null || !views) return;
    done.current = true;
    const view = views.find((v) => v.id === viewId);
    if (view) store.getState().applyView(appliedViewOf(view));
    else notify('The view this window was opened with is not available to you.', 'error');
  }, [viewId, views, store, notify]);
}
