/**
 * A real SMTP server for tests (the `smtp-server` package) on 127.0.0.1: it takes every mail,
 * parses it (`mailparser`) and keeps it, so a test can read what the site sent, attachments
 * included. Optionally it demands a user name and password; STARTTLS is off (no certificate).
 */
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import type { AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  attachments: { filename: string; contentType: string; content: Buffer }[];
}

export interface SmtpTestServerOptions {
  /** 0 (default): any free port. */
  port?: number;
  auth?: { username: string; password: string };
}

const addresses = (a: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(a) ? a : a ? [a] : []).flatMap((x) => x.value.map((v) => v.address ?? ''));

export class SmtpTestServer {
  private constructor(private readonly server: SMTPServer, readonly port: number, readonly mails: ReceivedMail[]) {}

  static async start(o: SmtpTestServerOptions = {}): Promise<SmtpTestServer> {
    const mails: ReceivedMail[] = [];
    const server = new SMTPServer({
      secure: false, logger: false, banner: 'nightjar test', disabledCommands: o.auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
      authOptional: !o.auth, allowInsecureAuth: true,
      onAuth(auth, _session, callback) {
        if (o.auth && auth.username === o.auth.username && auth.password === o.auth.password) callback(null, { user: auth.username });
        else callback(new Error('Invalid username or password'));
      },
      onData(stream, _session, callback) {
        simpleParser(stream).then((m) => {
          mails.push({
            from: addresses(m.from)[0] ?? '', to: addresses(m.to), subject: m.subject ?? '', text: m.text ?? '',
            attachments: m.attachments.map((a) => ({ filename: a.filename ?? '', contentType: a.contentType, content: a.content })),
          });
          callback();
        }, (e: Error) => callback(e));
      },
    });
    const port = await new Promise<number>((resolve, reject) => {
      server.on('error', reject);
      server.listen(o.port ?? 0, '127.0.0.1', () => resolve((server.server.address() as AddressInfo).port));
    });
    return new SmtpTestServer(server, port, mails);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** A port nothing listens on now (taken from the system, then released): a mail server that is down. */
export async function unusedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
