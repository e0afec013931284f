/**
 * Evidence lock forms: protecting a range of cameras (until a date or indefinitely, with a
 * reason), and extending a lock. The rules mirror the site's (vms-core evidence.ts): the end of
 * protection lies in the future, and an extension only ever protects longer.
 */
import type { CreateEvidenceLockBody, EvidenceLockBody } from '@nightjar/ui';

export interface LockForm {
  cameraIds: readonly string[];
  fromMs: number;
  toMs: number;
  /** null: indefinitely. */
  untilMs: number | null;
  reason: string;
}

export type LockProblems = Partial<Record<'cameras' | 'range' | 'until' | 'reason', string>>;

export const MAX_REASON = 2000;

export function lockProblems(form: LockForm, nowMs: number): LockProblems {
  const p: LockProblems = {};
  if (form.cameraIds.length === 0) p.cameras = 'Choose at least one camera.';
  if (!Number.isFinite(form.fromMs) || !Number.isFinite(form.toMs)) p.range = 'Enter a start and an end.';
  else if (form.toMs <= form.fromMs) p.range = 'The end must be after the start.';
  if (form.untilMs !== null && !(form.untilMs > nowMs)) p.until = Number.isFinite(form.untilMs) ? 'Protection must last into the future.' : 'Enter a date, or keep it indefinitely.';
  if (form.reason.trim() === '') p.reason = 'Say why the video is kept (case number, incident).';
  else if (form.reason.length > MAX_REASON) p.reason = `At most ${MAX_REASON} characters.`;
  return p;
}

export function lockRequest(form: LockForm): CreateEvidenceLockBody {
  return {
    cameraIds: [...new Set(form.cameraIds)],
    from: new Date(form.fromMs).toISOString(),
    to: new Date(form.toMs).toISOString(),
    until: form.untilMs === null ? null : new Date(form.untilMs).toISOString(),
    reason: form.reason.trim(),
  };
}

/** Why a lock cannot be extended to `untilMs` (null: indefinitely), or undefined when it can. */
export function extensionProblem(lock: Pick<EvidenceLockBody, 'until'>, untilMs: number | null, nowMs: number): string | undefined {
  if (lock.until === null) return 'This lock already holds indefinitely.';
  if (untilMs === null) return undefined;
  if (!Number.isFinite(untilMs)) return 'Enter a date, or keep it indefinitely.';
  if (!(untilMs > Date.parse(lock.until))) return 'Choose a later date than the current end.';
  if (!(untilMs > nowMs)) return 'Choose a date in the future.';
  return undefined;
}

export type LockStatus = 'active' | 'indefinite' | 'expired';

export function lockStatus(lock: Pick<EvidenceLockBody, 'until'>, nowMs: number): LockStatus {
  if (lock.until === null) return 'indefinite';
  return Date.parse(lock.until) > nowMs ? 'active' : 'expired';
}
