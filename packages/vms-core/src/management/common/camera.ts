import type { CameraInfo, DriverId, StreamInfo } from '../../devices/common/types';
import type { RecordingPolicy } from '../../recording/common/recordingPolicy';

/** A rectangle in fractions of the picture (0..1), excluded from motion detection. */
export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface MotionSettings {
  enabled: boolean;
  /** 0..100: higher detects smaller changes. */
  sensitivity: number;
  exclusions: Region[];
  /** Stream to analyse; default: the smallest stream. */
  streamKey?: string;
  /** Analyse key frames only (cheapest), or every frame of the chosen stream. */
  keyFramesOnly: boolean;
}

export const defaultMotionSettings: MotionSettings = { enabled: false, sensitivity: 60, exclusions: [], keyFramesOnly: true };

export interface Camera {
  id: string;
  hardwareId: string;
  deviceKey: string;
  name: string;
  enabled: boolean;
  streams: StreamInfo[];
  recordStream: string;
  liveStream: string;
  storageId: string;
  policy: RecordingPolicy;
  motion: MotionSettings;
  transport: 'tcp' | 'udp';
  /**
   * Where the camera sits in the clients' camera tree: folder names joined by '/', e.g.
   * "Building A/Lobby"; '' (or absent) is the top level. The configuration store always sets it.
   */
  group?: string;
  /** Whether the camera can be steered, as its hardware said when added (PtzCapability). */
  ptz: PtzCapability;
}

/**
 * PTZ of a camera: found by the driver's probe (ONVIF: a PTZ service and a media profile with a
 * PTZ configuration) and stored with the camera. `profileToken` is the driver's handle for
 * commands; the API shows only whether and which axes.
 */
export interface PtzCapability {
  supported: boolean;
  panTilt: boolean;
  zoom: boolean;
  profileToken?: string;
}

export const noPtz: PtzCapability = { supported: false, panTilt: false, zoom: false };

export const CAMERA_GROUP_LIMITS = { maxLength: 300, maxDepth: 8, maxSegment: 100 } as const;

/**
 * The canonical form of a group path: segments trimmed, joined by '/'. Throws nothing; returns
 * a problem instead when the path has an empty segment ("A//B", "/A") or is too long or deep.
 */
export function normalizeCameraGroup(group: string): { group: string } | { problem: string } {
  const L = CAMERA_GROUP_LIMITS;
  if (group.trim() === '') return { group: '' };
  const segments = group.split('/').map((s) => s.trim());
  if (segments.some((s) => s === '')) return { problem: `group: folder names may not be empty ("${group}")` };
  if (segments.length > L.maxDepth) return { problem: `group: at most ${L.maxDepth} levels` };
  if (segments.some((s) => [...s].length > L.maxSegment)) return { problem: `group: folder names of at most ${L.maxSegment} characters` };
  const joined = segments.join('/');
  if ([...joined].length > L.maxLength) return { problem: `group: at most ${L.maxLength} characters` };
  return { group: joined };
}

export interface Hardware {
  id: string;
  driver: DriverId;
  address: string;
  name: string;
  username?: string;
  manufacturer?: string;
  model?: string;
  firmware?: string;
  serial?: string;
}

export type { CameraInfo };
