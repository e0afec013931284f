/**
 * When to offer "Set up this site" after sign-in. Two signals, because neither is enough alone:
 *
 * - The site (API): nobody has configured anything yet. The audit log records every
 *   configuration change (and only sign-ins/outs otherwise), so a log of sign-ins alone means
 *   an untouched site; and no camera other than the demo camera the site adds to a new data
 *   folder (its streams are sim://demo) guards against an audit log that was pruned.
 * - This browser (localStorage, per site address and user id): this administrator has already
 *   answered the offer here — set the site up, declined, or is half-way (a reload resumes).
 *
 * The site signal keeps an administrator opening an already configured site on a new computer
 * from being offered setup; the local record keeps "Not now" from being asked at every sign-in
 * (the site stays untouched until someone configures it). A new data folder makes a new admin
 * user id, so a site started afresh at the same address is offered setup again.
 */
import type { CameraBody } from '@nightjar/ui';

/** Audit actions that are not configuration: signing in and out. */
const SESSION_ACTIONS = new Set(['login', 'loginFailed', 'logout', 'refreshTokenReused']);

/** Entries asked for: a fresh site has a few sign-ins; this many means a site in use. */
export const AUDIT_PROBE_LIMIT = 200;

export type FirstRunRecord = 'started' | 'done' | 'dismissed';

export interface AuditSignal {
  action: string;
  outcome: 'ok' | 'failed';
}

/** The demo camera a new site gets (vms-core site.ts, `sim://demo`). */
export function isDemoCamera(camera: Pick<CameraBody, 'streams'>): boolean {
  return camera.streams.length > 0 && camera.streams.every((s) => s.url.startsWith('sim://demo'));
}

export function isFreshSite(audit: readonly AuditSignal[], cameras: readonly Pick<CameraBody, 'streams'>[], limit = AUDIT_PROBE_LIMIT): boolean {
  if (audit.length >= limit) return false;
  if (audit.some((e) => e.outcome === 'ok' && !SESSION_ACTIONS.has(e.action))) return false;
  return cameras.every(isDemoCamera);
}

export function firstRunKey(siteUrl: string, userId: string): string {
  return `nightjar.admin.firstRun:${siteUrl}:${userId}`;
}

export function readFirstRunRecord(storage: Pick<Storage, 'getItem'> | undefined, key: string): FirstRunRecord | null {
  try {
    const value = storage?.getItem(key) ?? null;
    return value === 'started' || value === 'done' || value === 'dismissed' ? value : null;
  } catch {
    // Storage refused (private mode, policy): behave as never answered.
    return null;
  }
}

export function writeFirstRunRecord(storage: Pick<Storage, 'setItem'> | undefined, key: string, record: FirstRunRecord): void {
  try {
    storage?.setItem(key, record);
  } catch {
    // Not remembered: the offer may come again, which is harmless.
  }
}

export type FirstRunOffer = 'none' | 'offer' | 'resume';

/**
 * Only for someone who can do every step (configuration and users). A wizard left half-way
 * resumes whatever the site looks like by now: its own first step already changed the site.
 */
export function firstRunOffer(o: { record: FirstRunRecord | null; canAdminister: boolean; fresh: boolean | undefined }): FirstRunOffer {
  if (!o.canAdminister) return 'none';
  if (o.record === 'started') return 'resume';
  if (o.record !== null) return 'none';
  return o.fresh === true ? 'offer' : 'none';
}
