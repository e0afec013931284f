import { createTransport } from 'nodemailer';
import { VmsError, errorMessage } from '../../base/common/errors';
import type { SmtpCredentials } from './notificationStore';

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Uint8Array;
}

export interface MailMessage {
  to: string[];
  subject: string;
  text: string;
  attachments: MailAttachment[];
}

/** Sends one message through the given server; rejects with an SmtpError (see `smtpFailure`). */
export interface MailSender {
  send(smtp: SmtpCredentials, message: MailMessage): Promise<void>;
}

/** A failed send: VMS_ERR_SMTP naming the setting at fault, and whether sending again later may work. */
export class SmtpError extends VmsError {
  constructor(message: string, field: string, readonly transient: boolean, cause: unknown) {
    super('VMS_ERR_SMTP', message, { field, cause });
  }
}

const UNREACHABLE = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENOTFOUND', 'EPROXY']);

/**
 * An SMTP client's failure as the site reports it: which setting is at fault (`field`, for the
 * settings form) and whether a retry can help (`transient`): an unreachable server or a
 * 4xx reply can; a refused password or recipient cannot.
 */
export function smtpFailure(e: unknown, smtp: Pick<SmtpCredentials, 'host' | 'port'>): SmtpError {
  const err = e as { code?: string; responseCode?: number; command?: string; response?: string };
  const code = err.code ?? '';
  const reply = err.response ? `: ${err.response.trim()}` : '';
  const transient = UNREACHABLE.has(code) || (err.responseCode !== undefined && err.responseCode >= 400 && err.responseCode < 500);
  const fail = (field: string, message: string) => new SmtpError(message, field, transient, e);
  if (UNREACHABLE.has(code)) return fail('host', `cannot reach the SMTP server ${smtp.host}:${smtp.port}: ${errorMessage(e)}`);
  if (code === 'ETLS' || code === 'EREQUIRETLS') return fail('security', `TLS with ${smtp.host}:${smtp.port} failed: ${errorMessage(e)}`);
  if (code === 'EAUTH') return fail('password', `the SMTP server refused the user name or password${reply}`);
  if (code === 'ENOAUTH') return fail('username', 'the SMTP server wants a user name and password');
  if (code === 'EENVELOPE' && /MAIL FROM/i.test(err.command ?? '')) return fail('fromAddress', `the SMTP server refused the sender${reply}`);
  if (code === 'EENVELOPE') return fail('recipients', `the SMTP server refused the recipients${reply}`);
  return fail('host', `the SMTP server ${smtp.host}:${smtp.port} did not take the message: ${errorMessage(e)}`);
}

/**
 * Sends mail with nodemailer, one connection per message: notifications are rare, and a fresh
 * connection picks up changed settings and never holds a dead socket. Attachments are buffers
 * only: file and URL access are turned off, so a message can never read from the disk.
 */
export class SmtpMailer implements MailSender {
  constructor(private readonly timeouts = { connectMs: 10_000, socketMs: 30_000 }) {}

  async send(smtp: SmtpCredentials, m: MailMessage): Promise<void> {
    const transport = createTransport({
      host: smtp.host, port: smtp.port,
      secure: smtp.security === 'tls', requireTLS: smtp.security === 'starttls', ignoreTLS: smtp.security === 'none',
      ...(smtp.username ? { auth: { user: smtp.username, pass: smtp.password ?? '' } } : {}),
      connectionTimeout: this.timeouts.connectMs, greetingTimeout: this.timeouts.connectMs, socketTimeout: this.timeouts.socketMs,
      dnsTimeout: this.timeouts.connectMs, disableFileAccess: true, disableUrlAccess: true,
    });
    try {
      await transport.sendMail({
        from: smtp.fromName ? { name: smtp.fromName, address: smtp.fromAddress } : smtp.fromAddress,
        to: m.to, subject: m.subject, text: m.text,
        attachments: m.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: Buffer.from(a.content) })),
      });
    } catch (e) {
      throw smtpFailure(e, smtp);
    } finally {
      transport.close();
    }
  }
}
