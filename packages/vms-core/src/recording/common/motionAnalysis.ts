/**
 * Motion from frame differences on tiny grayscale pictures (e.g. 64x36). At that size the
 * scaler has already averaged away most sensor noise, so a plain per-pixel difference with a
 * small block filter is enough, and one comparison costs a few microseconds.
 */
import type { Region } from '../../management/common/camera';
import { cellOfPixel, emptyMask, setCell } from '../../media-db/common/motionGrid';
import type { Time90k } from '../../media/common/types';
import { TICKS_PER_SECOND } from '../../media/common/types';

export interface MotionAnalysisSettings {
  /** 0..100: 0 never detects, 100 detects a change of a few low-resolution pixels. */
  sensitivity: number;
  exclusions: Region[];
}

export interface MotionThresholds {
  /** A pixel changed when |a - b| exceeds this (0..255). */
  pixelDelta: number;
  /** Motion when the changed share of analysed pixels exceeds this (0..1). */
  areaFraction: number;
}

/** Side of the square blocks used to ignore isolated changed pixels. */
const BLOCK = 4;
/** A changed pixel counts only if its block holds at least this many; lone pixels are noise. */
const MIN_CHANGED_PER_BLOCK = 2;

/**
 * Maps sensitivity to thresholds, or undefined for 0 (off). The area threshold is geometric
 * because what users perceive as "a bit more sensitive" is a ratio of object size: 20% of the
 * picture at 1, about 1.3% at the default 60, 0.2% (a handful of pixels at 64x36) at 100.
 */
export function motionThresholds(sensitivity: number): MotionThresholds | undefined {
  const s = Math.min(100, Math.max(0, sensitivity));
  if (!(s > 0)) return undefined;
  const k = (s - 1) / 99;
  return { pixelDelta: Math.round(50 - 40 * k), areaFraction: 0.2 * Math.pow(0.01, k) };
}

/** 1 for analysed pixels, 0 for pixels whose centre lies in an exclusion rectangle. */
export function motionMask(width: number, height: number, exclusions: readonly Region[]): Uint8Array {
  const mask = new Uint8Array(width * height).fill(1);
  for (const r of exclusions) {
    for (let y = 0; y < height; y++) {
      const fy = (y + 0.5) / height;
      if (fy < r.y || fy >= r.y + r.height) continue;
      for (let x = 0; x < width; x++) {
        const fx = (x + 0.5) / width;
        if (fx >= r.x && fx < r.x + r.width) mask[y * width + x] = 0;
      }
    }
  }
  return mask;
}

/**
 * Share of analysed pixels that changed by more than pixelDelta, counting only pixels in
 * blocks with at least MIN_CHANGED_PER_BLOCK changes. Returns 0 when everything is excluded.
 * With `cells`, also marks the motion-grid cell of every counted pixel there (smart search).
 */
export function changedFraction(
  a: Uint8Array,
  b: Uint8Array,
  width: number,
  height: number,
  mask: Uint8Array,
  pixelDelta: number,
  cells?: Uint8Array,
): number {
  const n = width * height;
  if (a.length < n || b.length < n || mask.length < n) throw new RangeError('frame smaller than width*height');
  let analysed = 0;
  let counted = 0;
  for (let by = 0; by < height; by += BLOCK) {
    for (let bx = 0; bx < width; bx += BLOCK) {
      let changed = 0;
      for (let y = by; y < Math.min(by + BLOCK, height); y++) {
        for (let i = y * width + bx, end = y * width + Math.min(bx + BLOCK, width); i < end; i++) {
          if (mask[i] === 0) continue;
          analysed++;
          if (Math.abs(a[i]! - b[i]!) > pixelDelta) changed++;
        }
      }
      if (changed < MIN_CHANGED_PER_BLOCK) continue;
      counted += changed;
      if (cells) markBlock(a, b, width, height, mask, pixelDelta, bx, by, cells);
    }
  }
  return analysed === 0 ? 0 : counted / analysed;
}

/** Second pass over a counted block, only for blocks that changed: most of a picture is still. */
function markBlock(
  a: Uint8Array, b: Uint8Array, width: number, height: number, mask: Uint8Array, pixelDelta: number,
  bx: number, by: number, cells: Uint8Array,
): void {
  for (let y = by; y < Math.min(by + BLOCK, height); y++) {
    for (let x = bx; x < Math.min(bx + BLOCK, width); x++) {
      const i = y * width + x;
      if (mask[i] === 0 || Math.abs(a[i]! - b[i]!) <= pixelDelta) continue;
      const { column, row } = cellOfPixel(x, y, width, height);
      setCell(cells, column, row);
    }
  }
}

export interface MotionChange {
  active: boolean;
  /** Start: the first positive sample. End: the first negative sample after the last positive. */
  time90k: Time90k;
}

/**
 * Starts on one positive sample (an intruder should not wait) and ends only after `hold90k` of
 * negative samples, which is N samples at the sampling rate (about 50 frames, or one or two
 * key frames). Time-based rather than a fixed N so key-frame-only and all-frame analysis hold
 * motion for the same wall time.
 */
export class MotionHysteresis {
  private activeSince: Time90k | undefined;
  private lastPositive: Time90k = 0;
  private firstNegative: Time90k | undefined;

  constructor(private readonly hold90k: number = 2 * TICKS_PER_SECOND) {}

  get active(): boolean {
    return this.activeSince !== undefined;
  }

  update(positive: boolean, time90k: Time90k): MotionChange | undefined {
    if (positive) {
      this.lastPositive = time90k;
      this.firstNegative = undefined;
      if (this.activeSince !== undefined) return undefined;
      this.activeSince = time90k;
      return { active: true, time90k };
    }
    if (this.activeSince === undefined) return undefined;
    // A camera clock stepping back must not hold motion until it catches up.
    if (time90k < this.lastPositive) this.lastPositive = time90k;
    this.firstNegative ??= time90k;
    if (time90k - this.lastPositive < this.hold90k) return undefined;
    const end = this.firstNegative;
    this.activeSince = undefined;
    this.firstNegative = undefined;
    return { active: false, time90k: end };
  }
}

/** Thresholds, mask and hysteresis for one picture size and one set of settings. */
export class MotionAnalyzer {
  private readonly thresholds: MotionThresholds | undefined;
  private readonly mask: Uint8Array;
  private readonly hysteresis: MotionHysteresis;
  /** Changed fraction of the last sample, for diagnostics and tuning. */
  lastFraction = 0;
  /** Motion-grid cells that changed in the last sample (all clear when nothing did). */
  lastCells: Uint8Array = emptyMask();

  constructor(
    settings: MotionAnalysisSettings,
    readonly width: number,
    readonly height: number,
    hold90k?: number,
  ) {
    this.thresholds = motionThresholds(settings.sensitivity);
    this.mask = motionMask(width, height, settings.exclusions);
    this.hysteresis = new MotionHysteresis(hold90k);
  }

  /** False for sensitivity 0: callers then need not decode anything at all. */
  get enabled(): boolean {
    return this.thresholds !== undefined;
  }

  get active(): boolean {
    return this.hysteresis.active;
  }

  /** Compares two consecutive samples; returns a change of the motion state, if any. */
  sample(previous: Uint8Array, current: Uint8Array, time90k: Time90k): MotionChange | undefined {
    const t = this.thresholds;
    this.lastCells = emptyMask();
    this.lastFraction = t ? changedFraction(previous, current, this.width, this.height, this.mask, t.pixelDelta, this.lastCells) : 0;
    return this.hysteresis.update(t !== undefined && this.lastFraction > t.areaFraction, time90k);
  }
}
