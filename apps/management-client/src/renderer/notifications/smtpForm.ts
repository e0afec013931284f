/**
 * The SMTP settings form: its draft, what it can tell before asking the site, and the change
 * it sends (only what differs from the stored settings, in one request). The password is
 * write-only: the draft says whether to keep, set or remove it, never what it is. Pure.
 */
import type { SmtpSecurity, SmtpSettingsBody, UpdateSmtpSettingsBody } from '@nightjar/vms-core';

export type PasswordChange = 'keep' | 'set' | 'remove';

export interface SmtpDraft {
  host: string;
  /** As typed, so a half-typed number can be shown and refused. */
  port: string;
  security: SmtpSecurity;
  username: string;
  fromAddress: string;
  fromName: string;
  passwordChange: PasswordChange;
  /** The new password, when `passwordChange` is "set". */
  password: string;
}

interface SecurityInfo {
  label: string;
  /** The port servers usually take this on. */
  port: number;
  hint: string;
}

/** Keyed by the site's modes: a mode added there fails the typecheck until it is described here. */
export const SECURITY: Record<SmtpSecurity, SecurityInfo> = {
  none: { label: 'None (plain SMTP)', port: 25, hint: 'Only for a relay on a trusted network: mail and password travel unencrypted.' },
  starttls: { label: 'STARTTLS (required)', port: 587, hint: 'Plain connection upgraded to TLS; sending fails if the server cannot.' },
  tls: { label: 'TLS from the start', port: 465, hint: 'Encrypted from the first byte (SMTPS).' },
};
export const SECURITY_LIST = Object.keys(SECURITY) as SmtpSecurity[];

export function smtpToDraft(s: SmtpSettingsBody): SmtpDraft {
  return {
    host: s.host, port: String(s.port), security: s.security, username: s.username, fromAddress: s.fromAddress, fromName: s.fromName,
    passwordChange: 'keep', password: '',
  };
}

/** A new security mode; the port follows when it was the old mode's usual one (25 → 587 for STARTTLS). */
export function changeSecurity(d: SmtpDraft, security: SmtpSecurity): SmtpDraft {
  const usual = d.port.trim() === '' || Number(d.port) === SECURITY[d.security].port;
  return { ...d, security, port: usual ? String(SECURITY[security].port) : d.port };
}

/** One address, as far as a form can tell; the site checks the rest. */
export function looksLikeEmail(text: string): boolean {
  return /^[^\s@<>",;()]+@[^\s@<>",;()]+$/.test(text) && !text.endsWith('.');
}

export function parsePort(text: string): number | undefined {
  const n = Number(text.trim());
  return text.trim() !== '' && Number.isInteger(n) && n >= 1 && n <= 65535 ? n : undefined;
}

/** What the form can tell before asking the site, by field. */
export function smtpDraftProblems(d: SmtpDraft, stored: Pick<SmtpSettingsBody, 'hasPassword'>): Map<string, string> {
  const out = new Map<string, string>();
  if (parsePort(d.port) === undefined) out.set('port', 'A port from 1 to 65535.');
  if (d.passwordChange === 'set' && d.password === '') out.set('password', 'Type the new password, or keep the stored one.');
  const signsIn = d.passwordChange === 'set' || (d.passwordChange === 'keep' && stored.hasPassword);
  if (signsIn && d.username.trim() === '') out.set('username', 'A password needs a user name to sign in with.');
  if (d.host.trim() !== '' && d.fromAddress.trim() === '') out.set('fromAddress', 'The address notifications are sent from.');
  else if (d.fromAddress.trim() !== '' && !looksLikeEmail(d.fromAddress.trim())) out.set('fromAddress', 'Not an email address.');
  return out;
}

/** The fields that differ from the stored settings, the password only when it is set or removed. */
export function smtpChanges(d: SmtpDraft, stored: SmtpSettingsBody): UpdateSmtpSettingsBody {
  const out: UpdateSmtpSettingsBody = {};
  if (d.host.trim() !== stored.host) out.host = d.host.trim();
  const port = parsePort(d.port);
  if (port !== undefined && port !== stored.port) out.port = port;
  if (d.security !== stored.security) out.security = d.security;
  if (d.username !== stored.username) out.username = d.username;
  if (d.fromAddress.trim() !== stored.fromAddress) out.fromAddress = d.fromAddress.trim();
  if (d.fromName.trim() !== stored.fromName) out.fromName = d.fromName.trim();
  if (d.passwordChange === 'set') out.password = d.password;
  if (d.passwordChange === 'remove' && stored.hasPassword) out.password = null;
  return out;
}

/** Whether saving would change anything (a half-typed port counts, so Save can refuse it). */
export function smtpChanged(d: SmtpDraft, stored: SmtpSettingsBody): boolean {
  return Object.keys(smtpChanges(d, stored)).length > 0 || (d.port.trim() !== String(stored.port) && parsePort(d.port) === undefined);
}

/** One line for the page: where notifications go now. */
export function smtpSummary(s: SmtpSettingsBody): string {
  if (s.host === '') return 'No SMTP server: notifications cannot be sent.';
  const auth = s.username ? ` as ${s.username}` : '';
  return `${s.host}:${s.port}, ${SECURITY[s.security].label.toLowerCase()}${auth}, from ${s.fromAddress}`;
}
