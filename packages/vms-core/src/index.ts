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
