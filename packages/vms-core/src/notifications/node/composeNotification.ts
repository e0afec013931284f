import { errorMessage } from '../../base/common/errors';
import type { VmsEvent } from '../../events/common/vmsEvent';
import type { NotificationProfile, Placeholder } from '../common/notification';
import { NOTIFICATION_LIMITS, eventTypeWords, formatNotificationTime, oneLine, renderTemplate } from '../common/notification';
import type { MailAttachment, MailMessage } from './smtpMailer';

export interface ComposeDeps {
  /** A JPEG of what the camera shows now; absent: the site has no live video (snapshots are noted as missing). */
  snapshot?: (cameraId: string) => Promise<Uint8Array>;
  cameraName: (cameraId: string) => string;
  siteName: () => string;
  /** Bounds a snapshot in time, so a camera that does not answer never holds the mail back for long. */
  withTimeout<T>(p: Promise<T>): Promise<T>;
}

export interface SnapshotMiss {
  cameraId: string;
  reason: string;
}

export interface ComposedNotification {
  message: MailMessage;
  /** Names of the cameras whose snapshots are attached. */
  snapshots: string[];
  missing: SnapshotMiss[];
}

/** The cameras to take snapshots of: the event's camera first (when it came from one), then the profile's. */
export function snapshotCameras(profile: Pick<NotificationProfile, 'snapshotCameraIds'>, event: VmsEvent | undefined): string[] {
  const first = event?.source.kind === 'camera' ? [event.source.id] : [];
  return [...new Set([...first, ...profile.snapshotCameraIds])].slice(0, NOTIFICATION_LIMITS.maxSnapshotCameras + 1);
}

/** What the placeholders stand for; without a rule and event (a test), sample words that say so. */
export function placeholderValues(
  profile: Pick<NotificationProfile, 'timeZone'>, trigger: { rule?: { name: string }; event?: VmsEvent }, siteName: string, now: number,
): Record<Placeholder, string> {
  const e = trigger.event;
  const defined = e && (e.type === 'userDefined' || e.type === 'generic' || e.type === 'analytics') && e.source.name;
  const what = e ? (defined ? e.source.name! : eventTypeWords(e.type)) : trigger.rule ? `rule ${trigger.rule.name}` : 'test notification';
  return {
    event: what,
    source: e ? sourceWords(e) : siteName,
    time: formatNotificationTime(e?.at ?? now, profile.timeZone),
    message: e?.message ?? (trigger.rule ? '' : 'This is a test of the notification profile.'),
    rule: trigger.rule?.name ?? '(test)',
    site: siteName,
  };
}

/**
 * Where an event came from, for people: the camera, storage or server; a defined event is its
 * own source, so for those it is who triggered it (a user, "a rule") or the sender's address.
 */
function sourceWords(e: VmsEvent): string {
  const by = e.data?.triggeredBy;
  if (e.type === 'userDefined' && by) return by.startsWith('rule:') ? 'a rule' : by;
  if (e.type === 'generic' && e.data?.from) return e.data.from;
  return e.source.name ?? `${e.source.kind} ${e.source.id}`;
}

const fileSafe = (name: string) => name.normalize('NFKD').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'camera';
const compactTime = (at: number) => new Date(at).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');

/**
 * The mail of a profile for one trigger: subject and text with the placeholders filled in, and
 * snapshots of the cameras taken now, all at once. A camera without a picture does not stop
 * the mail: the text says which snapshot is missing and why.
 */
export async function composeNotification(
  profile: NotificationProfile, trigger: { rule?: { name: string }; event?: VmsEvent }, deps: ComposeDeps, now: number,
): Promise<ComposedNotification> {
  const values = placeholderValues(profile, trigger, deps.siteName(), now);
  const cameras = profile.attachSnapshots ? snapshotCameras(profile, trigger.event) : [];
  const taken = await Promise.allSettled(cameras.map((id) => {
    const take = deps.snapshot;
    return take ? deps.withTimeout(take(id)) : Promise.reject(new Error('this site has no live video'));
  }));
  const attachments: MailAttachment[] = [];
  const snapshots: string[] = [];
  const missing: SnapshotMiss[] = [];
  const at = trigger.event?.at ?? now;
  taken.forEach((r, i) => {
    const cameraId = cameras[i]!;
    const name = deps.cameraName(cameraId);
    if (r.status === 'fulfilled') {
      attachments.push({ filename: `${fileSafe(name)}-${compactTime(at)}${attachments.length ? `-${attachments.length + 1}` : ''}.jpg`, contentType: 'image/jpeg', content: r.value });
      snapshots.push(name);
    } else {
      missing.push({ cameraId, reason: errorMessage(r.reason) });
    }
  });
  const notes = missing.map((m) => `(No snapshot of ${deps.cameraName(m.cameraId)}: ${m.reason}.)`);
  const text = [renderTemplate(profile.body, values), ...(notes.length ? ['', ...notes] : [])].join('\n');
  return {
    message: { to: profile.recipients, subject: oneLine(renderTemplate(profile.subject, values)).slice(0, 900), text, attachments },
    snapshots, missing,
  };
}
