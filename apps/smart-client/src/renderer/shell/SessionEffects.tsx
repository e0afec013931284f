/**
 * Window-wide reactions that belong to no workspace: the view a window was opened with, the
 * view on screen following edits made elsewhere, the client profile's default layout and idle
 * sign-out, and the address bar following the workspace.
 * Rendered inside the shell's context, draws nothing.
 */
import { useEffect } from 'react';
import { useSharedViewSync } from '../live/useSharedViewSync';
import { useStartupView } from '../live/useStartupView';
import { useClientProfile } from '../profile/useClientProfile';
import { useIdleSignOut } from '../profile/useIdleSignOut';
import { useProfileLayout } from '../profile/useProfileLayout';
import { useClientState } from '../session/siteContext';
import { useShell } from './shellContext';
import { workspacePath } from './startupRoute';

export function SessionEffects({ startupViewId }: { startupViewId: string | null }) {
  const { workspace } = useShell();
  const viewId = useClientState((s) => s.viewId);
  useStartupView(startupViewId);
  useSharedViewSync();
  useProfileLayout();
  useIdleSignOut(useClientProfile().idleLogoutMinutes);
  useEffect(() => {
    // Only where the site serves the app (http/https); a file:// page has no such paths.
    if (location.protocol !== 'http:' && location.protocol !== 'https:') return;
    const path = workspacePath(workspace, viewId);
    if (`${location.pathname}${location.search}` !== path) history.replaceState(history.state, '', path);
  }, [workspace, viewId]);
  return null;
}
