/**
 * Notifications (issue 6): the site's SMTP server and the notification profiles rules send
 * through ("send notification": recipients, subject, text with placeholders, snapshots of
 * cameras attached as JPEG). Pure, so the Management Client builds the same shapes and the
 * site checks them (notificationValidation.ts).
 */

export const SMTP_SECURITY = ['none', 'starttls', 'tls'] as const;
/**
 * none: plain SMTP (a relay on a trusted network); starttls: plain, then upgraded with STARTTLS,
 * which is required (usually port 587); tls: TLS from the first byte (usually port 465).
 */
export type SmtpSecurity = (typeof SMTP_SECURITY)[number];

/** The SMTP server as stored, without its password (which is never read back out of the site). */
export interface SmtpSettings {
  /** Host name or IP address; empty: no server configured (notifications fail, logged). */
  host: string;
  port: number;
  security: SmtpSecurity;
  /** Empty: the server takes mail without signing in. */
  username: string;
  /** The sender of every notification. */
  fromAddress: string;
  /** Shown beside the address ("Nightjar VMS"); empty: the address alone. */
  fromName: string;
}

/** A change to the SMTP settings: `password` string sets it, `null` removes it, absent keeps it. */
export type SmtpSettingsPatch = Partial<SmtpSettings> & { password?: string | null };

export const DEFAULT_SMTP_SETTINGS: SmtpSettings = { host: '', port: 25, security: 'none', username: '', fromAddress: '', fromName: '' };

export interface NotificationProfileInput {
  name: string;
  description: string;
  /** Email addresses, each receiving the mail (one message, all in To). */
  recipients: string[];
  /** With placeholders (PLACEHOLDERS); one line. */
  subject: string;
  /** Plain text with placeholders. */
  body: string;
  /**
   * Attach a JPEG of what cameras show when the notification is sent: the camera that raised
   * the event (when one did), then `snapshotCameraIds`.
   */
  attachSnapshots: boolean;
  snapshotCameraIds: string[];
  /** IANA time zone `{time}` is written in. */
  timeZone: string;
}

export interface NotificationProfile extends NotificationProfileInput {
  id: string;
  createdAt: number;
  updatedAt: number;
}

export const NOTIFICATION_LIMITS = {
  nameMaxLength: 100,
  descriptionMaxLength: 1000,
  maxRecipients: 50,
  addressMaxLength: 254,
  subjectMaxLength: 200,
  bodyMaxLength: 10_000,
  maxSnapshotCameras: 8,
  hostMaxLength: 253,
  usernameMaxLength: 200,
  passwordMaxLength: 200,
  fromNameMaxLength: 100,
} as const;

/** What `{name}` in a subject or body is replaced with. */
export const PLACEHOLDERS = {
  event: 'what happened: the user-defined or generic event\'s name, else the event type ("motion started")',
  source: 'the camera, storage or server the event came from; for a user-defined event who triggered it, for a generic event the sender\'s address',
  time: 'when it happened, in the profile\'s time zone',
  message: 'the event\'s own message',
  rule: 'the rule that sent the notification',
  site: 'the site\'s name',
} as const;
export type Placeholder = keyof typeof PLACEHOLDERS;
export const PLACEHOLDER_NAMES = Object.keys(PLACEHOLDERS) as Placeholder[];

const TOKEN = /\{([A-Za-z]+)\}/g;

/** Placeholders in a template that are not PLACEHOLDERS (a typo would otherwise reach the mail as is). */
export function unknownPlaceholders(template: string): string[] {
  return [...template.matchAll(TOKEN)].map((m) => m[1]!).filter((n) => !(n in PLACEHOLDERS));
}

/** Fills the placeholders; anything else in braces stays as written. */
export function renderTemplate(template: string, values: Record<Placeholder, string>): string {
  return template.replace(TOKEN, (whole, name: string) => (name in PLACEHOLDERS ? values[name as Placeholder] : whole));
}

/** "motionStarted" → "motion started". */
export function eventTypeWords(type: string): string {
  return type.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

/** "2026-01-04 10:00:00 Europe/Oslo": a time mail readers know without converting. */
export function formatNotificationTime(at: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(at));
  const p = (t: Intl.DateTimeFormatPartTypes) => parts.find((x) => x.type === t)?.value ?? '';
  return `${p('year')}-${p('month')}-${p('day')} ${p('hour')}:${p('minute')}:${p('second')} ${timeZone}`;
}

/** Headers may not carry line breaks: a subject rendered from an event message is folded onto one line. */
export function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').trim();
}
