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
