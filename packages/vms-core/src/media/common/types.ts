/**
 * The unit of recording: one access unit (a whole picture) as it will sit in an MP4 sample,
 * i.e. NAL units each prefixed with a 4-byte big-endian length (AVCC/HVCC form). Storing frames
 * in this form lets any time range be served as (f)MP4 later without rewriting anything.
 */
export type VideoCodec = 'h264' | 'h265';

/** Time in 90 kHz ticks; wall times are ticks since the Unix epoch (fits a double exactly). */
export type Time90k = number;
export const TICKS_PER_SECOND = 90_000;
export const msTo90k = (ms: number): Time90k => Math.round(ms * 90);
export const ticksToMs = (t: Time90k): number => t / 90;

export interface VideoParameters {
  codec: VideoCodec;
  width: number;
  height: number;
  /** RFC 6381 codec string, e.g. avc1.640028. */
  rfc6381: string;
  /** Parameter-set NAL units without start codes: VPS (H.265 only), SPS, PPS. */
  vps?: Uint8Array[];
  sps: Uint8Array[];
  pps: Uint8Array[];
}

/**
 * The holds on a frame's memory when that memory is recycled (VideoFrame.memory; FramePool). A
 * consumer that keeps a frame past the callback delivering it retains it and releases it once
 * when done, or escapes it when it cannot tell when it will be done.
 */
export interface FrameMemory {
  retain(): void;
  release(): void;
  /** The memory is never recycled; the garbage collector frees it as for any other buffer. */
  escape(): void;
}

export interface VideoFrame {
  /** Wall-clock presentation time in 90 kHz ticks since the Unix epoch. */
  time90k: Time90k;
  /** An IDR/IRAP picture: decoding can start here. */
  isKey: boolean;
  /** Length-prefixed NAL units (4-byte lengths), parameter sets excluded. */
  data: Uint8Array;
  /** Parameters in force; the same object as long as they do not change. */
  params: VideoParameters;
  /**
   * Present when `data` lives in recycled memory (FramePool): it is valid while the callback
   * that delivers the frame runs. Whoever keeps the frame longer calls retainFrame() and later
   * releaseFrame() once, or escapeFrame().
   */
  memory?: FrameMemory;
}

export function sameParameters(a: VideoParameters, b: VideoParameters): boolean {
  if (a === b) return true;
  const eq = (x: Uint8Array[] = [], y: Uint8Array[] = []) =>
    x.length === y.length && x.every((n, i) => bytesEqual(n, y[i]!));
  return a.codec === b.codec && eq(a.vps, b.vps) && eq(a.sps, b.sps) && eq(a.pps, b.pps);
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
