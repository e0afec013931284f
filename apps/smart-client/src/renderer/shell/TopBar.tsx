/**
 * The top bar: product and site, the four workspaces (Alarms with the count of new alarms), and
 * the window-wide actions (trigger an event, export, status, help, user). Tabs show their
 * shortcut key so operators learn them by looking.
 */
import type { Workspace } from '../shortcuts/defaultShortcuts';
import { useSite } from '../session/siteContext';
import { Icon } from '@nightjar/ui';
import type { IconName } from '@nightjar/ui';
import { AlarmTabBadge } from '../alarms/AlarmTabBadge';
import { TriggerEventMenu } from '../alarms/TriggerEventMenu';
import { useShell } from './shellContext';
import { offeredWorkspaces } from '../profile/clientProfile';
import { useClientProfile } from '../profile/useClientProfile';
import { UserMenu } from './UserMenu';

const TABS: { id: Workspace; label: string; key: string; icon: IconName }[] = [
  { id: 'live', label: 'Live', key: 'L', icon: 'live' },
  { id: 'playback', label: 'Playback', key: 'P', icon: 'history' },
  { id: 'search', label: 'Search', key: 'S', icon: 'search' },
  { id: 'alarms', label: 'Alarms', key: 'A', icon: 'bell' },
];

/** Workspaces without the views and cameras panel. */
const NO_SIDEBAR: readonly Workspace[] = ['search', 'alarms'];

export function TopBar() {
  const { client } = useSite();
  const shell = useShell();
  const profile = useClientProfile();
  const offered = offeredWorkspaces(profile);
  const host = client.baseUrl.replace(/^https?:\/\//, '');
  return (
    <header className="topbar">
      <button type="button" className="topbar-btn icon-only" aria-pressed={shell.sidebarOpen} onClick={shell.toggleSidebar}
        title={shell.sidebarOpen ? 'Hide views and cameras' : 'Show views and cameras'} aria-label="Views and cameras panel"
        disabled={NO_SIDEBAR.includes(shell.workspace)}>
        <Icon name="sidebar" size={16} />
      </button>
      <div className="brand">
        <Icon name="logo" size={20} />
        <span className="brand-name">Nightjar</span>
      </div>
      <div className="site-chip" title={`Signed in to ${client.baseUrl}`}>
        <Icon name="server" size={13} />
        <span>{host}</span>
      </div>
      <nav className="tabs" role="tablist" aria-label="Workspaces">
        {TABS.filter((t) => offered.includes(t.id)).map((t) => (
          <button key={t.id} type="button" role="tab" className="tab" aria-selected={shell.workspace === t.id}
            onClick={() => shell.setWorkspace(t.id)} title={`${t.label} (${t.key})`}>
            <Icon name={t.icon} size={14} />
            {t.label}
            {t.id === 'alarms' ? <AlarmTabBadge /> : null}
          </button>
        ))}
      </nav>
      <div className="topbar-actions">
        <TriggerEventMenu />
        {profile.exportAllowed ? (
          <button type="button" className="topbar-btn" onClick={() => shell.openDialog({ kind: 'export' })} title="Export video">
            <Icon name="download" size={15} />
            <span>Export</span>
          </button>
        ) : null}
        <button type="button" className="topbar-btn" onClick={() => shell.openDialog({ kind: 'status' })} title="Jobs and server status">
          <Icon name="activity" size={15} />
          <span>Status</span>
        </button>
        <button type="button" className="topbar-btn icon-only" onClick={() => shell.openDialog({ kind: 'help' })} title="Keyboard shortcuts (?)" aria-label="Help">
          <Icon name="help" size={16} />
        </button>
        <span className="topbar-sep" />
        <UserMenu />
      </div>
    </header>
  );
}
