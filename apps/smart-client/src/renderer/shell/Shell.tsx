/**
 * The signed-in window: top bar, connection banner, the left panel and the active workspace,
 * the dialogs, and notices. Each workspace sits in its own error boundary, so a failure shows
 * in place and the tabs keep working.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { BookmarkDialog } from '../investigation/BookmarkDialog';
import { ExportDialog } from '../investigation/ExportDialog';
import { SearchWorkspace } from '../investigation/SearchWorkspace';
import { AlarmNotifierContext } from '../alarms/alarmNotifierContext';
import { AlarmWorkspace } from '../alarms/AlarmWorkspace';
import { useAlarmNotifierService } from '../alarms/useAlarmNotifierService';
import { StatusDialog } from '../investigation/StatusDialog';
import { ExportSaving } from '../investigation/ExportSaving';
import { Sidebar } from '../live/Sidebar';
import { LiveWorkspace } from '../live/LiveWorkspace';
import { PlaybackWorkspace } from '../playback/PlaybackWorkspace';
import { ConnectionBanner } from '@nightjar/ui';
import { useConnectionState } from '../session/useConnectionState';
import { useSite } from '../session/siteContext';
import { defaultShortcuts } from '../shortcuts/defaultShortcuts';
import type { Workspace } from '../shortcuts/defaultShortcuts';
import { HelpPanel } from '../shortcuts/HelpPanel';
import { useShortcuts } from '../shortcuts/useShortcuts';
import { ErrorBoundary } from '@nightjar/ui';
import { NoticeList } from '@nightjar/ui';
import { NoticeStack } from '@nightjar/ui';
import { SessionEffects } from './SessionEffects';
import { ShellContext } from './shellContext';
import type { ShellContextValue, ShellDialog } from './shellContext';
import { parseStartupRoute } from './startupRoute';
import { allowedWorkspace, offeredWorkspaces } from '../profile/clientProfile';
import { useClientProfile } from '../profile/useClientProfile';
import '../profile/profile.css';
import { TopBar } from './TopBar';

const WORKSPACE_LABEL: Record<Workspace, string> = { live: 'Live', playback: 'Playback', search: 'Search', alarms: 'Alarms' };

export function Shell() {
  const { store, connection: siteConnection, client } = useSite();
  const [startup] = useState(() => parseStartupRoute(location.pathname, location.search));
  const [wantedWorkspace, setWantedWorkspace] = useState<Workspace>(startup.workspace);
  // The client profile decides which workspaces are offered; a hidden one is never shown or switched to.
  const profile = useClientProfile();
  const offered = useMemo(() => offeredWorkspaces(profile), [profile]);
  const workspace = allowedWorkspace(wantedWorkspace, offered);
  const setWorkspace = useCallback((w: Workspace) => {
    if (offered.includes(w)) setWantedWorkspace(w);
  }, [offered]);
  const [dialog, setDialog] = useState<ShellDialog | null>(null);
  const [notices] = useState(() => new NoticeList());
  const [sidebarOpen, setSidebarOpen] = useState(true);
  const toggleSidebar = useCallback(() => setSidebarOpen((open) => !open), []);
  const closeDialog = useCallback(() => setDialog(null), []);
  const notify = useCallback<ShellContextValue['notify']>((text, kind) => void notices.push(text, kind), [notices]);
  const connection = useConnectionState();
  // New-alarm sounds play in every workspace, not only in Alarms.
  const alarmNotifier = useAlarmNotifierService();

  const shell = useMemo<ShellContextValue>(() => ({
    workspace, setWorkspace, dialog, openDialog: setDialog, closeDialog, notify, sidebarOpen, toggleSidebar,
  }), [workspace, setWorkspace, dialog, closeDialog, notify, sidebarOpen, toggleSidebar]);

  const shortcuts = useMemo(() => defaultShortcuts({
    store,
    setWorkspace,
    toggleHelp: () => setDialog((d) => (d?.kind === 'help' ? null : { kind: 'help' })),
    closeTopmost: () => {
      if (!dialog) return false;
      setDialog(null);
      return true;
    },
    // Keys of workspaces the profile hides are neither listed in help nor bound.
  }).filter((s) => !s.id.startsWith('workspace.') || offered.includes(s.id.slice('workspace.'.length) as Workspace)), [store, dialog, setWorkspace, offered]);
  useShortcuts(shortcuts);

  // A seek from anywhere (a search result, a bookmark, independent of the tab) means "show me
  // that moment": the Playback workspace follows the store into playback mode.
  useEffect(() => store.subscribe((s, prev) => {
    if (s.mode === 'playback' && prev.mode === 'live') setWorkspace('playback');
  }), [store, setWorkspace]);

  return (
    <ShellContext.Provider value={shell}>
      <AlarmNotifierContext.Provider value={alarmNotifier}>
        <SessionEffects startupViewId={startup.viewId} />
        <ExportSaving />
        <div className="app" data-workspace={workspace} data-connection={connection.kind}
          data-tile-title={profile.tileTitleBar ? 'on' : 'off'} data-tile-clock={profile.tileClock ? 'on' : 'off'}>
          <TopBar />
          <ConnectionBanner connection={siteConnection} siteAddress={client.baseUrl} />
          <div className="app-body">
            {workspace !== 'search' && workspace !== 'alarms' && sidebarOpen ? <Sidebar /> : null}
            <main className="workspace" aria-label={WORKSPACE_LABEL[workspace]}>
              <ErrorBoundary label={WORKSPACE_LABEL[workspace]} resetKey={workspace}>
                {workspace === 'live' ? <LiveWorkspace /> : null}
                {workspace === 'playback' ? <PlaybackWorkspace /> : null}
                {workspace === 'search' ? <SearchWorkspace /> : null}
                {workspace === 'alarms' ? <AlarmWorkspace /> : null}
              </ErrorBoundary>
            </main>
          </div>
          {dialog?.kind === 'help' ? <HelpPanel shortcuts={shortcuts} onClose={closeDialog} /> : null}
          <ErrorBoundary label="Export" resetKey={dialog} onDismiss={closeDialog}>
            <ExportDialog open={dialog?.kind === 'export' && profile.exportAllowed} onClose={closeDialog} {...(dialog?.kind === 'export' && dialog.initial ? { initial: dialog.initial } : {})} />
          </ErrorBoundary>
          <ErrorBoundary label="Status" resetKey={dialog} onDismiss={closeDialog}>
            <StatusDialog open={dialog?.kind === 'status'} onClose={closeDialog} />
          </ErrorBoundary>
          {dialog?.kind === 'bookmark' ? (
            <ErrorBoundary label="Bookmark" resetKey={dialog} onDismiss={closeDialog}>
              <BookmarkDialog open onClose={closeDialog} cameraId={dialog.cameraId} atMs={dialog.atMs} />
            </ErrorBoundary>
          ) : null}
          <NoticeStack list={notices} />
        </div>
      </AlarmNotifierContext.Provider>
    </ShellContext.Provider>
  );
}
