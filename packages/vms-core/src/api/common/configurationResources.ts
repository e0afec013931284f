/**
 * The configuration resources a change notification names ("configurationChanged" on the
 * updates socket), and which audited action changes which. Clients refetch what a resource
 * names; nothing of the change itself is sent, so no right is needed beyond seeing that
 * something changed.
 */
export const CONFIGURATION_RESOURCES = [
  'site', 'recordingServers', 'hardware', 'cameras', 'storages', 'timeProfiles', 'roles', 'users',
  'rules', 'userDefinedEvents', 'genericEvents', 'logSettings', 'alarmDefinitions', 'notificationProfiles', 'analyticsSources',
  'viewGroups', 'clientProfiles',
  'devices',
] as const;
export type ConfigurationResource = (typeof CONFIGURATION_RESOURCES)[number];

const BY_ACTION: Record<string, readonly ConfigurationResource[]> = {
  updateSite: ['site'],
  updateRecordingServer: ['recordingServers'],
  addHardware: ['hardware', 'cameras', 'devices'], updateHardware: ['hardware', 'cameras', 'devices'], deleteHardware: ['hardware', 'cameras', 'devices'],
  updateDevice: ['devices'],
  updateCamera: ['cameras'],
  createStorage: ['storages'], updateStorage: ['storages'],
  createTimeProfile: ['timeProfiles'], updateTimeProfile: ['timeProfiles'], deleteTimeProfile: ['timeProfiles'],
  // A user's roles decide which shared view groups they see and which client profile they get.
  createRole: ['roles'], updateRole: ['roles'], deleteRole: ['roles', 'users', 'viewGroups', 'clientProfiles'],
  createUser: ['users'], updateUser: ['users', 'viewGroups', 'clientProfiles'], deleteUser: ['users'], unlockUser: ['users'],
  createRule: ['rules'], updateRule: ['rules'], deleteRule: ['rules'],
  createUserDefinedEvent: ['userDefinedEvents'], updateUserDefinedEvent: ['userDefinedEvents'], deleteUserDefinedEvent: ['userDefinedEvents'],
  createGenericEventSource: ['genericEvents'], updateGenericEventSource: ['genericEvents'], deleteGenericEventSource: ['genericEvents'],
  createGenericEvent: ['genericEvents'], updateGenericEvent: ['genericEvents'], deleteGenericEvent: ['genericEvents'],
  updateLogSettings: ['logSettings'],
  createAlarmDefinition: ['alarmDefinitions'], updateAlarmDefinition: ['alarmDefinitions'], deleteAlarmDefinition: ['alarmDefinitions'],
  updateSmtpSettings: ['notificationProfiles'],
  createNotificationProfile: ['notificationProfiles'], updateNotificationProfile: ['notificationProfiles'], deleteNotificationProfile: ['notificationProfiles'],
  createAnalyticsSource: ['analyticsSources'], updateAnalyticsSource: ['analyticsSources'], deleteAnalyticsSource: ['analyticsSources'],
  createViewGroup: ['viewGroups'], updateViewGroup: ['viewGroups'], deleteViewGroup: ['viewGroups'],
  createClientProfile: ['clientProfiles'], updateClientProfile: ['clientProfiles'], deleteClientProfile: ['clientProfiles'],
  importConfiguration: CONFIGURATION_RESOURCES,
};

/** What an audited action changed; empty for actions that change no configuration (sign-in, export, bookmarks). */
export function resourcesChangedBy(action: string): readonly ConfigurationResource[] {
  return BY_ACTION[action] ?? [];
}
