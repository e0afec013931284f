// Public, runtime-neutral surface of vms-core: types and pure helpers that clients may import.
export * from './base/common/errors';
export * from './media/common/types';
export * from './devices/common/types';
export * from './base/common/event';
export * from './base/common/clock';
export * as apiSchemas from './api/common/schemas';
export type { SystemEvent, SystemEventType } from './events/common/systemEvent';
export type { Camera, Hardware, MotionSettings, Region } from './management/common/camera';
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
export type { TimeProfile, TimeWindow } from './management/common/timeProfile';
export type { AuditAction, AuditEntry, JsonDiff } from './management/common/audit';
export { AUDIT_ACTIONS } from './management/common/audit';
export type { Bookmark, BookmarkInput, BookmarkQuery, EvidenceLockRecord } from './management/common/evidence';
export { BOOKMARK_LIMITS, bookmarkProblem, bookmarkSpan, lockExtensionProblem } from './management/common/evidence';
// Body types of the API for the clients (which may take only types from this package); the
// schemas without a named type are reached through `Static<typeof apiSchemas.X>`.
export type { Static } from 'typebox';
export type { LoginResponseBody, CameraBody, CameraStatusBody, SequencesBody, EvidenceLockBody } from './api/common/schemas';
export type { BookmarkBody, CreateBookmarkBody } from './api/common/bookmarkSchemas';
export * as mediaSchemas from './api/common/mediaSchemas';
export type { LiveStreamQueryBody, LiveStreamBody, PlaybackBody, CreateExportBody, ExportJobBody } from './api/common/mediaSchemas';
