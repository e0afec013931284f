/**
 * A range chosen on the timeline becomes an export, an evidence lock or a bookmark. The mapping
 * is here, pure: which cameras (those of the view, in tile order, once each), and how a range
 * reads as a bookmark (the instant is the start, the video that matters runs to the end).
 */
import type { TimeSelection } from '@nightjar/ui';

/** With no selection yet, marking one end makes a range of this length. */
export const DEFAULT_MARK_MS = 60_000;
/** vms-core BOOKMARK_LIMITS.maxPrePostSeconds (the site refuses more): one day. */
export const MAX_BOOKMARK_SECONDS = 24 * 3600;

/** The cameras of the view, each once, in tile order. */
export function viewCameras(tileCameras: readonly (string | null)[]): string[] {
  return [...new Set(tileCameras.filter((c): c is string => c !== null))];
}

/**
 * Sets one end of the selection at the playhead (the "mark in / mark out" of editing tools). When
 * the other end would be on the wrong side, it moves to keep a range of DEFAULT_MARK_MS.
 */
export function markSelection(selection: TimeSelection | null, playheadMs: number, end: 'start' | 'end'): TimeSelection {
  if (end === 'start') {
    const endMs = selection && selection.endMs > playheadMs ? selection.endMs : playheadMs + DEFAULT_MARK_MS;
    return { startMs: playheadMs, endMs };
  }
  const startMs = selection && selection.startMs < playheadMs ? selection.startMs : playheadMs - DEFAULT_MARK_MS;
  return { startMs, endMs: playheadMs };
}

export interface RangeRequest {
  cameraIds: string[];
  from: number;
  to: number;
}

/** What the export and evidence lock dialogs start with; whole milliseconds. */
export function rangeRequest(selection: TimeSelection, cameraIds: readonly string[]): RangeRequest {
  return { cameraIds: [...cameraIds], from: Math.floor(selection.startMs), to: Math.ceil(selection.endMs) };
}

/** A bookmark for a range: at its start, covering its length (capped where the site caps it). */
export function rangeBookmark(selection: TimeSelection): { atMs: number; postSeconds: number } {
  const seconds = Math.ceil((selection.endMs - selection.startMs) / 1000);
  return { atMs: Math.floor(selection.startMs), postSeconds: Math.min(MAX_BOOKMARK_SECONDS, Math.max(0, seconds)) };
}
