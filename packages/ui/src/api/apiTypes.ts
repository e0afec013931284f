import type { Static, alarmSchemas, apiSchemas, bookmarkSchemas, eventSchemas } from '@nightjar/vms-core';

/*
 * The shapes the site answers with, as the clients see them: all from the TypeBox schemas in
 * vms-core's api/common (the OpenAPI contract), types only.
 */

export type {
  BookmarkBody, CameraBody, CameraStatusBody, CreateBookmarkBody, CreateExportBody, EvidenceLockBody, ExportJobBody,
  LiveStreamBody, LoginResponseBody, PlaybackBody, SequencesBody,
} from '@nightjar/vms-core';
export type { LiveStreamQueryBody as LiveStreamQuery } from '@nightjar/vms-core';
export type { MotionHitBody, MotionSearchBody, MotionSearchResultBody, PtzMoveBody, PtzPresetBody } from '@nightjar/vms-core';
export type { CreateViewBody, SiteUpdate, SiteUpdateType, UpdateViewBody, ViewBody } from '@nightjar/vms-core';
export type { CreateViewGroupBody, UpdateViewGroupBody, ViewGroupBody } from '@nightjar/vms-core';
export type { ClientProfileSettingsBody, EffectiveClientProfileBody } from '@nightjar/vms-core';
export type { ConfigurationResource } from '@nightjar/vms-core';
export type { DeviceBody, ListDevicesQueryBody, SetOutputStateBody, SetOutputStateResult, UpdateDeviceBody } from '@nightjar/vms-core';

export type ErrorBody = Static<typeof apiSchemas.ErrorBody>;
export type SystemEventBody = Static<typeof apiSchemas.SystemEventSchema>;
export type CreateEvidenceLockBody = Static<typeof apiSchemas.EvidenceLockRequest>;
export type BookmarkSearchQuery = Static<typeof bookmarkSchemas.BookmarkSearchQuery>;
export type SessionUser = Static<typeof apiSchemas.LoginResponse>['user'];
export type CurrentUserBody = Static<typeof apiSchemas.CurrentUserResponse>;
export type StorageBody = Static<typeof apiSchemas.StorageSchema>;
/** Manual recording state: `until` is when the site stops it by itself (the camera's maximum); null when stopped. */
export type ManualRecordingBody = Static<typeof apiSchemas.ManualRecordingResponse>;

// Alarms and user-defined events (issue 6): the Smart Client's Alarm Manager and "Trigger event".
export type { AlarmBody, AlarmDetailsBody, AlarmListBody, AlarmSound, AlarmState, UpdateAlarmBody, UserDefinedEventBody } from '@nightjar/vms-core';
/** listAlarms' querystring (filters, sort, keyset cursor, limit; 0 answers only the total). */
export type AlarmListQuery = Static<typeof alarmSchemas.AlarmListQuery>;
/** bulkUpdateAlarms: acknowledge (In progress) or close. */
export type BulkAlarmAction = Static<typeof alarmSchemas.BulkUpdateAlarmsRequest>['action'];
export type TriggeredEventBody = Static<typeof eventSchemas.TriggerUserDefinedEventResponse>;

/** A time range as the API takes it: ISO date-times. */
export interface TimeRange {
  from: string;
  to: string;
}




/** A JPEG from getThumbnail and the instant it really shows (the nearest recorded frame). */
export interface ThumbnailResult {
  jpeg: Blob;
  shownAt: string | null;
}


/** States of an export job (vms-core streaming/node/export/exportJobs.ts); the schema types it as a string. */
export type ExportJobState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';


/** Whether a job may still change, so its views keep polling it. */
export function isExportJobActive(job: { state: string }): boolean {
  return job.state === 'queued' || job.state === 'running';
}

/** Mirrors the listEvents querystring (eventRoutes.ts). */
export interface EventQuery {
  cameraId?: string;
  afterId?: number;
  limit?: number;
}
