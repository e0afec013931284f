// Public, runtime-neutral surface of vms-core: types and pure helpers that clients may import.
export * from './base/common/errors';
export * from './media/common/types';
export * from './devices/common/types';
export * from './base/common/event';
export * from './base/common/clock';
export { DEFAULT_SITE_PORT } from './site/common/defaults';
export * as apiSchemas from './api/common/schemas';
export type { SystemEvent, SystemEventType } from './events/common/systemEvent';
export type { Camera, Hardware, MotionSettings, PtzCapability, Region } from './management/common/camera';
export { CAMERA_GROUP_LIMITS, normalizeCameraGroup } from './management/common/camera';
export type { View, ViewContent, ViewInput, ViewLayout, ViewLayoutId, ViewTile } from './management/common/view';
export { VIEW_LAYOUT_IDS, VIEW_LIMITS, viewProblem } from './management/common/view';
// Issue 5: view groups (the folders views live in) and Smart Client profiles.
export type { ViewGroup, ViewGroupInput } from './management/common/viewGroup';
export {
  DEFAULT_SHARED_GROUP_ID, VIEW_GROUP_LIMITS, canAddViewTo, canEditView, canManageGroup, canSeeGroup, canSeeView, defaultPrivateGroupId,
  sortViewGroups, viewGroupProblem,
} from './management/common/viewGroup';
export type { ClientExportFormat, ClientLayout, ClientProfile, ClientProfileInput, ClientProfileSettings, ClientWorkspace } from './management/common/clientProfile';
export {
  CLIENT_EXPORT_FORMATS, CLIENT_LAYOUTS, CLIENT_PROFILE_LIMITS, CLIENT_WORKSPACES, DEFAULT_CLIENT_PROFILE_ID, DEFAULT_CLIENT_PROFILE_SETTINGS,
  clientProfileProblem, completeSettings, effectiveClientProfile, sortClientProfiles,
} from './management/common/clientProfile';
export type { RecordingMode, RecordingPolicy } from './recording/common/recordingPolicy';
export type { StorageConfig, EvidenceLock, Grooming } from './media-db/common/storageConfig';
export * as securitySchemas from './api/common/securitySchemas';
export * as bookmarkSchemas from './api/common/bookmarkSchemas';
export type {
  AccessDecision, AdminFlag, CameraAccessRequest, CameraGrant, CameraRight, DenyReason, RoleDefinition,
} from './management/common/permissions';
export {
  ADMIN_FLAGS, ADMINISTRATORS_ROLE_ID, CAMERA_RIGHTS, OPERATORS_ROLE_ID,
  allowedOnEveryCamera, cameraRightsAt, checkCameraAccess, hasAdminFlag, hasAnyCameraRight, isAdministrators,
} from './management/common/permissions';
export type { StoredTimeProfile, TimeException, TimeInterval, TimeProfile, TimeWindow } from './management/common/timeProfile';
export type { FieldProblem } from './management/common/timeProfileValidation';
export { timeProfileIssue } from './management/common/timeProfileValidation';
export type { AuditAction, AuditEntry, JsonDiff } from './management/common/audit';
export { AUDIT_ACTIONS } from './management/common/audit';
export type { Bookmark, BookmarkInput, BookmarkQuery, EvidenceLockRecord } from './management/common/evidence';
export { BOOKMARK_LIMITS, bookmarkProblem, bookmarkSpan, lockExtensionProblem } from './management/common/evidence';
// Body types of the API for the clients (which may take only types from this package); the
// schemas without a named type are reached through `Static<typeof apiSchemas.X>`.
export type { Static } from 'typebox';
export type { LoginResponseBody, CameraBody, CameraStatusBody, SequencesBody, EvidenceLockBody, UpdateCameraBody } from './api/common/schemas';
export type { BookmarkBody, CreateBookmarkBody } from './api/common/bookmarkSchemas';
export * as viewSchemas from './api/common/viewSchemas';
export type { ViewBody, CreateViewBody, UpdateViewBody, ViewLayoutBody } from './api/common/viewSchemas';
export * as viewGroupSchemas from './api/common/viewGroupSchemas';
export type { ViewGroupBody, CreateViewGroupBody, UpdateViewGroupBody } from './api/common/viewGroupSchemas';
export * as clientProfileSchemas from './api/common/clientProfileSchemas';
export type {
  ClientProfileBody, ClientProfileSettingsBody, CreateClientProfileBody, UpdateClientProfileBody, EffectiveClientProfileBody,
} from './api/common/clientProfileSchemas';
// The site updates WebSocket (/api/updates): what the client sends first, and what it receives.
export * as updateSchemas from './api/common/updateSchemas';
export type { SiteUpdate, SiteUpdateType, SiteUpdatesAuth } from './api/common/updateSchemas';
export type { ConfigurationResource } from './api/common/configurationResources';
export { CONFIGURATION_RESOURCES } from './api/common/configurationResources';
export * as ptzSchemas from './api/common/ptzSchemas';
export type { PtzMoveBody, PtzPresetBody } from './api/common/ptzSchemas';
export * as motionSearchSchemas from './api/common/motionSearchSchemas';
export type { MotionHitBody, MotionSearchBody, MotionSearchResultBody } from './api/common/motionSearchSchemas';
export { GRID_COLUMNS, GRID_ROWS, regionMask, regionProblem } from './media-db/common/motionGrid';
export * as mediaSchemas from './api/common/mediaSchemas';
export type { LiveStreamQueryBody, LiveStreamBody, PlaybackBody, CreateExportBody, ExportJobBody } from './api/common/mediaSchemas';
export type { PlaybackMessage } from './streaming/common/playback/playbackProtocol';
// Site configuration (issue 5): site, recording servers, storages, time profiles, hardware scan
// and update, backup, system monitor. Validation helpers let a client name the field as the server does.
export * as siteSchemas from './api/common/siteSchemas';
export type { SiteBody, RecordingServerBody, CreateStorageBody, StoredTimeProfileBody, CreateTimeProfileBody } from './api/common/siteSchemas';
export * as hardwareSchemas from './api/common/hardwareSchemas';
export type {
  HardwareListItemBody, ScanHardwareBody, ScanHardwareResult, UpdateHardwareBody, UpdateHardwareResult, DeleteHardwareResult,
} from './api/common/hardwareSchemas';
export * as backupSchemas from './api/common/backupSchemas';
export type { ConfigurationDocumentBody, ImportConfigurationResult } from './api/common/backupSchemas';
export type { SystemStatusBody } from './api/common/systemStatusSchemas';
export type { HardwareChanges, CameraStreamChanges } from './management/common/hardwareChanges';
export type { RecordingServerRecord, SiteInfo } from './management/common/siteInfo';
export { MAX_SCAN_ADDRESSES, expandRange, parseIPv4 } from './devices/common/addressRange';
// Issue 6: events, rules and logs (the rule editor checks rules with ruleProblem as the server does).
export * as ruleSchemas from './api/common/ruleSchemas';
export type { RuleBody, CreateRuleBody, UpdateRuleBody, RuleActionBody } from './api/common/ruleSchemas';
export * as eventSchemas from './api/common/eventSchemas';
export type {
  UserDefinedEventBody, GenericEventSourceBody, GenericEventBody, SystemLogEntryBody, RuleLogEntryBody, LogSettingsBody,
} from './api/common/eventSchemas';
export type { EventType, EventSource, VmsEvent } from './events/common/vmsEvent';
export { EVENT_TYPES, endEventOf, eventCategory } from './events/common/vmsEvent';
export type { CameraTarget, EventTrigger, Rule, RuleAction, RuleActionType, RuleDefinition, StopTrigger } from './rules/common/rule';
export { RULE_ACTION_TYPES, RULE_LIMITS, UNSUPPORTED_ACTION_TYPES } from './rules/common/rule';
export type { RuleContext, RuleProblem } from './rules/common/ruleValidation';
export { ruleProblem } from './rules/common/ruleValidation';
export { compileMatcher } from './events/common/matchExpression';
export type { LogLevel } from './events/common/logs';
export * as analyticsSchemas from './api/common/analyticsSchemas';
export type { AnalyticsEventBody, AnalyticsSourceBody, CreateAnalyticsSourceBody, UpdateAnalyticsSourceBody } from './api/common/analyticsSchemas';
// Issue 6: alarms (the Smart Client offers only the state moves alarmChangeProblem allows).
export * as alarmSchemas from './api/common/alarmSchemas';
export type {
  AlarmDefinitionBody, CreateAlarmDefinitionBody, UpdateAlarmDefinitionBody, AlarmBody, AlarmDetailsBody, AlarmListBody, UpdateAlarmBody, BulkUpdateAlarmsBody,
} from './api/common/alarmSchemas';
export type { Alarm, AlarmDefinition, AlarmDefinitionInput, AlarmCloseTrigger, AlarmSound, AlarmState } from './alarms/common/alarm';
export { ALARM_LIMITS, ALARM_PRIORITY, ALARM_SOUNDS, ALARM_STATES } from './alarms/common/alarm';
export type { AlarmChange, BulkAlarmAction } from './alarms/common/alarmChanges';
export { alarmChangeProblem, nextStates } from './alarms/common/alarmChanges';
export type { AlarmContext } from './alarms/common/alarmDefinitionValidation';
export { alarmDefinitionProblem, canShareSource } from './alarms/common/alarmDefinitionValidation';
// Issue 6: notifications (SMTP server and notification profiles).
export * as notificationSchemas from './api/common/notificationSchemas';
export type {
  SmtpSettingsBody, UpdateSmtpSettingsBody, NotificationProfileBody, CreateNotificationProfileBody, UpdateNotificationProfileBody, TestNotificationProfileBody,
} from './api/common/notificationSchemas';
export type { NotificationProfile, NotificationProfileInput, Placeholder, SmtpSecurity, SmtpSettings } from './notifications/common/notification';
export { NOTIFICATION_LIMITS, PLACEHOLDERS, SMTP_SECURITY, renderTemplate, unknownPlaceholders } from './notifications/common/notification';
export { isEmailAddress, isHost, notificationProfileProblem, smtpSettingsProblem } from './notifications/common/notificationValidation';
// Issue 5: devices other than cameras (microphones, speakers, metadata, inputs, outputs); an
// edit is checked with applyDeviceUpdate as the server does. DEVICE_KINDS comes with devices/common/types.
export * as deviceSchemas from './api/common/deviceSchemas';
export type { DeviceBody, ListDevicesQueryBody, SetOutputStateBody, SetOutputStateResult, UpdateDeviceBody } from './api/common/deviceSchemas';
export type { Device, DeviceProblem, DeviceSettings, DeviceUpdate, OutputState } from './management/common/device';
export { DEVICE_LIMITS, OUTPUT_RIGHT, applyDeviceUpdate, canOperateOutput, canSeeDevice, deviceSettingsProblem } from './management/common/device';
export type { DeviceChanges } from './management/common/deviceChanges';
