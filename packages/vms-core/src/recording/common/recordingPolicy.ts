export const RECORDING_MODES = ['always', 'motion', 'event', 'manual', 'never'] as const;
export type RecordingMode = (typeof RECORDING_MODES)[number];

export interface RecordingPolicy {
  mode: RecordingMode;
  /** Seconds kept in memory so motion/event/manual recordings start before their trigger. */
  preBufferSeconds: number;
  /** Seconds recorded after motion ends or an event's duration passes. */
  postBufferSeconds: number;
  keyFramesOnly: boolean;
  /** Frame-rate limit; undefined records every frame. */
  maxFps?: number;
  /** Manual recording stops by itself after this long. */
  manualMaxMinutes: number;
}

export const defaultRecordingPolicy: RecordingPolicy = {
  mode: 'always',
  preBufferSeconds: 3,
  postBufferSeconds: 5,
  keyFramesOnly: false,
  manualMaxMinutes: 5,
};
