import type { EvidenceLock } from '../../media-db/common/storageConfig';

/**
 * How operators mark footage, pure so clients can type and validate what they send:
 * bookmarks (a note on a moment of one or more cameras, with how much video before and after
 * it matters) and evidence locks as the management server keeps them.
 *
 * Visibility is all-or-nothing per bookmark: a user sees a bookmark only when they may view
 * bookmarks on every camera it names. A bookmark's header and description talk about all of
 * its cameras at once ("man at the back door, then in the yard"), so showing it to someone
 * who may watch only one camera would tell them about the others.
 */

export interface BookmarkInput {
  /** The marked instant, ms since the epoch. */
  at: number;
  /** Video that matters before `at`, in seconds. */
  preSeconds: number;
  /** Video that matters after `at`, in seconds. */
  postSeconds: number;
  header: string;
  description: string;
  /** At least one; each must exist. */
  cameraIds: string[];
}

export interface Bookmark extends BookmarkInput {
  id: string;
  /** User name of the creator (user names are unique; the audit log also has the user id). */
  createdBy: string;
  createdAt: number;
  /** Who last edited it and when; null until the first edit. */
  updatedBy: string | null;
  updatedAt: number | null;
}

export interface BookmarkQuery {
  /** Words that must all occur in the header or the description, ignoring case. */
  text?: string;
  /** ms, inclusive: bookmarks whose span (at - pre … at + post) reaches this instant or later. */
  from?: number;
  /** ms, exclusive: bookmarks whose span starts before this instant. */
  to?: number;
  /** Bookmarks naming at least one of these cameras. */
  cameraIds?: readonly string[];
  /**
   * Only bookmarks all of whose cameras are in this list (the caller's bookmarkView cameras);
   * undefined means no restriction. Applied in the query so `limit` counts visible ones only.
   */
  visibleCameraIds?: readonly string[];
  /** Newest first; default 100. */
  limit?: number;
}

export const BOOKMARK_LIMITS = {
  /** A day each way is more than any incident needs and keeps exports bounded. */
  maxPrePostSeconds: 24 * 3600,
  maxHeader: 200,
  maxDescription: 4000,
  maxCameras: 1000,
  maxResults: 1000,
} as const;

/** The time span a bookmark covers, ms. */
export function bookmarkSpan(b: Pick<BookmarkInput, 'at' | 'preSeconds' | 'postSeconds'>): { start: number; end: number } {
  return { start: b.at - b.preSeconds * 1000, end: b.at + b.postSeconds * 1000 };
}

/** What is wrong with a bookmark about to be stored, or undefined when it is valid. */
export function bookmarkProblem(b: BookmarkInput): string | undefined {
  const L = BOOKMARK_LIMITS;
  if (!Number.isFinite(b.at)) return 'time must be a date-time';
  for (const [name, v] of [['preSeconds', b.preSeconds], ['postSeconds', b.postSeconds]] as const) {
    if (!(v >= 0 && v <= L.maxPrePostSeconds)) return `${name} must be between 0 and ${L.maxPrePostSeconds}`;
  }
  if (b.header.trim() === '' || b.header.length > L.maxHeader) return `header must be 1 to ${L.maxHeader} characters`;
  if (b.description.length > L.maxDescription) return `description must be at most ${L.maxDescription} characters`;
  if (b.cameraIds.length === 0 || b.cameraIds.length > L.maxCameras) return `a bookmark names 1 to ${L.maxCameras} cameras`;
  return undefined;
}

/** The lock retention reads (media-db/common/storageConfig.ts) plus who extended it last. */
export interface EvidenceLockRecord extends EvidenceLock {
  /** Who last extended the lock and when; null until the first extension. */
  updatedBy: string | null;
  updatedAt: number | null;
}

/**
 * Why a lock may not be extended to `until` (ms; null = indefinitely), or undefined when it
 * may. Extending only ever protects more: a shorter lock is a deletion in disguise and needs
 * the evidenceLockDelete right, so it is refused here. An expired lock may be extended again;
 * whatever retention removed meanwhile stays gone.
 */
export function lockExtensionProblem(lock: Pick<EvidenceLock, 'until'>, until: number | null, now: number): string | undefined {
  if (lock.until === null) return 'the lock already holds indefinitely';
  if (until === null) return undefined;
  if (!(until > lock.until)) return `"until" must be later than the lock's current end ${new Date(lock.until).toISOString()}`;
  if (!(until > now)) return '"until" must be in the future';
  return undefined;
}
