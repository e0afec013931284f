/**
 * The bookmark dialog's form: an instant of some cameras, how much video before and after it
 * matters, a header and a description. Limits are the site's (vms-core BOOKMARK_LIMITS); the
 * site checks them again.
 */
import type { CreateBookmarkBody } from '@nightjar/ui';

export const BOOKMARK_FORM_LIMITS = { maxPrePostSeconds: 24 * 3600, maxHeader: 200, maxDescription: 4000 } as const;
export const DEFAULT_PRE_SECONDS = 10;
export const DEFAULT_POST_SECONDS = 30;

export interface BookmarkForm {
  cameraIds: readonly string[];
  atMs: number;
  preSeconds: string;
  postSeconds: string;
  header: string;
  description: string;
}

export type BookmarkField = 'cameras' | 'time' | 'pre' | 'post' | 'header' | 'description';
export type BookmarkProblems = Partial<Record<BookmarkField, string>>;

/** Seconds as typed: a whole or decimal number in the allowed range, else NaN. */
export function parseSeconds(text: string): number {
  const t = text.trim();
  if (!/^\d+(\.\d+)?$/.test(t)) return Number.NaN;
  const v = Number(t);
  return v <= BOOKMARK_FORM_LIMITS.maxPrePostSeconds ? v : Number.NaN;
}

export function bookmarkProblems(form: BookmarkForm): BookmarkProblems {
  const L = BOOKMARK_FORM_LIMITS;
  const p: BookmarkProblems = {};
  if (form.cameraIds.length === 0) p.cameras = 'Choose at least one camera.';
  if (!Number.isFinite(form.atMs)) p.time = 'Enter the date and time to mark.';
  const range = `0 to ${L.maxPrePostSeconds} seconds`;
  if (Number.isNaN(parseSeconds(form.preSeconds))) p.pre = range;
  if (Number.isNaN(parseSeconds(form.postSeconds))) p.post = range;
  if (form.header.trim() === '') p.header = 'Give the bookmark a header.';
  else if (form.header.trim().length > L.maxHeader) p.header = `At most ${L.maxHeader} characters.`;
  if (form.description.length > L.maxDescription) p.description = `At most ${L.maxDescription} characters.`;
  return p;
}

export function bookmarkRequest(form: BookmarkForm): CreateBookmarkBody {
  return {
    cameraIds: [...new Set(form.cameraIds)],
    time: new Date(form.atMs).toISOString(),
    preSeconds: parseSeconds(form.preSeconds),
    postSeconds: parseSeconds(form.postSeconds),
    header: form.header.trim(),
    description: form.description.trim(),
  };
}
