import { afterEach, describe, expect, it } from 'vitest';
import { SmtpTestServer, unusedPort } from '../../../test/harness/smtpTestServer';
import type { SmtpCredentials } from './notificationStore';
import { SmtpError, SmtpMailer } from './smtpMailer';

const servers: SmtpTestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const settings = (port: number, extra: Partial<SmtpCredentials> = {}): SmtpCredentials => ({
  host: '127.0.0.1', port, security: 'none', username: '', fromAddress: 'vms@example.com', fromName: 'Nightjar', ...extra,
});
const message = { to: ['ops@example.com', 'guard@example.org'], subject: 'Motion at Gate', text: 'See the picture.', attachments: [
  { filename: 'Gate.jpg', contentType: 'image/jpeg', content: new Uint8Array([0xff, 0xd8, 1, 2, 3, 0xff, 0xd9]) },
] };

describe('SmtpMailer against a real SMTP server', () => {
  it('delivers the message with its attachment, signing in when the server asks', async () => {
    const server = await SmtpTestServer.start({ auth: { username: 'vms', password: 'right-password' } });
    servers.push(server);
    await new SmtpMailer().send(settings(server.port, { username: 'vms', password: 'right-password' }), message);
    expect(server.mails).toHaveLength(1);
    const mail = server.mails[0]!;
    expect(mail).toMatchObject({ from: 'vms@example.com', to: ['ops@example.com', 'guard@example.org'], subject: 'Motion at Gate', text: 'See the picture.' });
    expect(mail.attachments.map((a) => [a.filename, a.contentType, [...a.content]])).toEqual([['Gate.jpg', 'image/jpeg', [0xff, 0xd8, 1, 2, 3, 0xff, 0xd9]]]);
  });

  it('names the password when the server refuses it, and does not call that worth retrying', async () => {
    const server = await SmtpTestServer.start({ auth: { username: 'vms', password: 'right-password' } });
    servers.push(server);
    const e = await new SmtpMailer().send(settings(server.port, { username: 'vms', password: 'wrong' }), message).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(SmtpError);
    expect(e).toMatchObject({ code: 'VMS_ERR_SMTP', field: 'password', transient: false, message: expect.stringMatching(/refused the user name or password/) });
    expect(server.mails).toHaveLength(0);
  });

  it('names the host when nothing answers, and calls that worth retrying', async () => {
    const port = await unusedPort();
    const e = await new SmtpMailer().send(settings(port), message).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'VMS_ERR_SMTP', field: 'host', transient: true, message: expect.stringContaining(`cannot reach the SMTP server 127.0.0.1:${port}`) });
  });

  it('names the security setting when TLS is asked of a plain server', async () => {
    const server = await SmtpTestServer.start();
    servers.push(server);
    const e = await new SmtpMailer({ connectMs: 2000, socketMs: 2000 }).send(settings(server.port, { security: 'starttls' }), message).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'VMS_ERR_SMTP', field: 'security' });
  });
});
