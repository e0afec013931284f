/**
 * Checks SMTP settings and notification profiles before they are stored. Each problem names
 * its field ("recipients[2]", "port") so the Management Client shows it beside that field.
 */
import type { NotificationProfileInput, SmtpSettings } from './notification';
import { NOTIFICATION_LIMITS, PLACEHOLDER_NAMES, SMTP_SECURITY, unknownPlaceholders } from './notification';

export interface NotificationProblem {
  field: string;
  message: string;
}

const L = NOTIFICATION_LIMITS;
const LABEL = /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** A host name (labels of letters, digits and inner hyphens), an IPv4 address or an IPv6 literal. */
export function isHost(host: string): boolean {
  if (host.length === 0 || host.length > L.hostMaxLength) return false;
  if (IPV4.test(host)) return true;
  if (host.includes(':')) return /^[0-9A-Fa-f:.]+$/.test(host) && host.split(':').length >= 3;
  return host.split('.').every((label) => LABEL.test(label)) && !/^\d+$/.test(host.split('.').at(-1)!);
}

/**
 * An address as people type it into a form: local part without spaces, brackets or quotes, and
 * a host name domain. Display names ("Ann <ann@x>") are not taken: one address per entry.
 */
export function isEmailAddress(address: string): boolean {
  if (address.length > L.addressMaxLength) return false;
  const at = address.lastIndexOf('@');
  if (at <= 0 || at > 64) return false;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  return /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+$/.test(local) && !local.startsWith('.') && !local.endsWith('.') && !local.includes('..') && isHost(domain);
}

export function smtpSettingsProblem(s: SmtpSettings & { password?: string | null }, hasPassword: boolean): NotificationProblem | undefined {
  const host = s.host.trim();
  // An empty host turns notifications off; the rest need not be filled in then.
  if (host !== '' && !isHost(host)) return { field: 'host', message: `"${s.host}" is not a host name or IP address` };
  if (!Number.isInteger(s.port) || s.port < 1 || s.port > 65535) return { field: 'port', message: 'a port from 1 to 65535' };
  if (!SMTP_SECURITY.includes(s.security)) return { field: 'security', message: `one of ${SMTP_SECURITY.join(', ')}` };
  if (s.username.length > L.usernameMaxLength || /[\r\n]/.test(s.username)) return { field: 'username', message: `at most ${L.usernameMaxLength} characters on one line` };
  if (typeof s.password === 'string' && (s.password === '' || s.password.length > L.passwordMaxLength)) {
    return { field: 'password', message: `1 to ${L.passwordMaxLength} characters (null removes the password)` };
  }
  const keepsPassword = typeof s.password === 'string' || (s.password === undefined && hasPassword);
  if (keepsPassword && s.username.trim() === '') return { field: 'username', message: 'a password needs a user name to sign in with' };
  if (host !== '' && s.fromAddress.trim() === '') return { field: 'fromAddress', message: 'the address notifications are sent from' };
  if (s.fromAddress.trim() !== '' && !isEmailAddress(s.fromAddress.trim())) return { field: 'fromAddress', message: `"${s.fromAddress}" is not an email address` };
  if (s.fromName.length > L.fromNameMaxLength || /[\r\n<>"]/.test(s.fromName)) {
    return { field: 'fromName', message: `at most ${L.fromNameMaxLength} characters, without line breaks, quotes or angle brackets` };
  }
  return undefined;
}

/** What exists on the site, for the cameras a profile names. */
export interface NotificationContext {
  cameraIds: ReadonlySet<string>;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function templateProblem(field: 'subject' | 'body', text: string): NotificationProblem | undefined {
  const unknown = unknownPlaceholders(text);
  return unknown.length > 0
    ? { field, message: `unknown placeholder {${unknown[0]}}: use ${PLACEHOLDER_NAMES.map((n) => `{${n}}`).join(', ')}` }
    : undefined;
}

export function notificationProfileProblem(p: NotificationProfileInput, ctx: NotificationContext): NotificationProblem | undefined {
  const name = p.name.trim();
  if (name === '' || name.length > L.nameMaxLength) return { field: 'name', message: `a profile needs a name of 1 to ${L.nameMaxLength} characters` };
  if (p.description.length > L.descriptionMaxLength) return { field: 'description', message: `at most ${L.descriptionMaxLength} characters` };
  if (p.recipients.length === 0 || p.recipients.length > L.maxRecipients) return { field: 'recipients', message: `1 to ${L.maxRecipients} email addresses` };
  for (const [i, r] of p.recipients.entries()) {
    if (!isEmailAddress(r)) return { field: `recipients[${i}]`, message: `"${r}" is not an email address` };
    if (p.recipients.findIndex((x) => x.toLowerCase() === r.toLowerCase()) !== i) return { field: `recipients[${i}]`, message: `${r} is listed twice` };
  }
  if (p.subject.trim() === '' || p.subject.length > L.subjectMaxLength) return { field: 'subject', message: `1 to ${L.subjectMaxLength} characters` };
  if (/[\r\n]/.test(p.subject)) return { field: 'subject', message: 'a subject is one line' };
  const subject = templateProblem('subject', p.subject);
  if (subject) return subject;
  if (p.body.length > L.bodyMaxLength) return { field: 'body', message: `at most ${L.bodyMaxLength} characters` };
  const body = templateProblem('body', p.body);
  if (body) return body;
  if (p.snapshotCameraIds.length > L.maxSnapshotCameras) return { field: 'snapshotCameraIds', message: `at most ${L.maxSnapshotCameras} cameras` };
  for (const [i, id] of p.snapshotCameraIds.entries()) {
    if (!ctx.cameraIds.has(id)) return { field: `snapshotCameraIds[${i}]`, message: `camera ${id} does not exist` };
    if (p.snapshotCameraIds.indexOf(id) !== i) return { field: `snapshotCameraIds[${i}]`, message: `${id} is listed twice` };
  }
  if (!isTimeZone(p.timeZone)) return { field: 'timeZone', message: `unknown time zone "${p.timeZone}"` };
  return undefined;
}
