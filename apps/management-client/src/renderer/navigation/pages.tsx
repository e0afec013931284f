/**
 * Which page shows for which tree node. Pages are loaded on first use (one chunk each), so the
 * window opens with the tree and the first page only.
 */
import { Suspense, lazy } from 'react';
import type { ComponentType } from 'react';
import { PaneMessage } from '../components/PageLayout';
import type { PageProps } from './pageProps';
import type { NodeId } from './siteTree';

const page = (load: () => Promise<ComponentType<PageProps>>) => lazy(async () => ({ default: await load() }));

const PAGES: Record<NodeId, ComponentType<PageProps>> = {
  site: page(async () => (await import('../basics/SitePage')).SitePage),
  backup: page(async () => (await import('../basics/BackupPage')).BackupPage),
  recordingServers: page(async () => (await import('../servers/RecordingServersPage')).RecordingServersPage),
  storages: page(async () => (await import('../servers/StoragesPage')).StoragesPage),
  cameras: page(async () => (await import('../devices/CamerasPage')).CamerasPage),
  microphones: page(async () => (await import('../devices/DeviceKindPage')).DEVICE_PAGES.microphone),
  speakers: page(async () => (await import('../devices/DeviceKindPage')).DEVICE_PAGES.speaker),
  metadata: page(async () => (await import('../devices/DeviceKindPage')).DEVICE_PAGES.metadata),
  inputs: page(async () => (await import('../devices/DeviceKindPage')).DEVICE_PAGES.input),
  outputs: page(async () => (await import('../devices/DeviceKindPage')).DEVICE_PAGES.output),
  hardware: page(async () => (await import('../devices/HardwarePage')).HardwarePage),
  views: page(async () => (await import('../client/ViewGroupsPage')).ViewGroupsPage),
  clientProfiles: page(async () => (await import('../client/ClientProfilesPage')).ClientProfilesPage),
  timeProfiles: page(async () => (await import('../rules/TimeProfilesPage')).TimeProfilesPage),
  rules: page(async () => (await import('../rules/RulesPage')).RulesPage),
  userDefinedEvents: page(async () => (await import('../rules/UserDefinedEventsPage')).UserDefinedEventsPage),
  genericEvents: page(async () => (await import('../rules/GenericEventsPage')).GenericEventsPage),
  analyticsSources: page(async () => (await import('../analytics/AnalyticsSourcesPage')).AnalyticsSourcesPage),
  alarmDefinitions: page(async () => (await import('../alarms/AlarmDefinitionsPage')).AlarmDefinitionsPage),
  notificationProfiles: page(async () => (await import('../notifications/NotificationProfilesPage')).NotificationProfilesPage),
  roles: page(async () => (await import('../security/RolesPage')).RolesPage),
  users: page(async () => (await import('../security/UsersPage')).UsersPage),
  systemMonitor: page(async () => (await import('../dashboard/SystemMonitorPage')).SystemMonitorPage),
  currentTasks: page(async () => (await import('../dashboard/CurrentTasksPage')).CurrentTasksPage),
  systemLog: page(async () => (await import('../logs/SystemLogPage')).SystemLogPage),
  auditLog: page(async () => (await import('../logs/AuditLogPage')).AuditLogPage),
  ruleLog: page(async () => (await import('../logs/RuleLogPage')).RuleLogPage),
};

export function PageFor({ node, ...props }: PageProps & { node: NodeId }) {
  const Page = PAGES[node];
  return (
    <Suspense fallback={<PaneMessage kind="loading">Loading…</PaneMessage>}>
      <Page {...props} />
    </Suspense>
  );
}
