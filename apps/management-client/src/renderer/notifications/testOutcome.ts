/**
 * What a "Send test" came to, in words for the profile page: sent (to whom, with which
 * snapshots, and which cameras gave none), or why not, naming the SMTP setting the site blamed
 * so the page can lead there. Pure.
 */
import { ApiError } from '@nightjar/ui';
import type { TestNotificationProfileBody } from './notificationsApi';

export interface TestOutcome {
  ok: boolean;
  text: string;
  notes: string[];
  /** The SMTP setting at fault, in words ("password"), when the site named one. */
  smtpSetting?: string;
}

const SMTP_SETTINGS: Record<string, string> = {
  host: 'host and port', port: 'port', security: 'security', username: 'user name', password: 'password', fromAddress: 'from address', fromName: 'from name',
};

export function testOutcome(result: TestNotificationProfileBody | undefined, error: unknown, cameraName: (id: string) => string = (id) => id): TestOutcome {
  if (result) {
    const snapshots = result.snapshots.length > 0 ? ` with snapshots of ${result.snapshots.join(', ')}` : '';
    return {
      ok: true, text: `Test mail sent to ${result.recipients.join(', ')}${snapshots}.`,
      notes: result.missingSnapshots.map((m) => `No snapshot of ${cameraName(m.cameraId)}: ${m.reason}.`),
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  const field = error instanceof ApiError ? error.field : undefined;
  const setting = field !== undefined ? SMTP_SETTINGS[field] : undefined;
  return {
    ok: false, text: `The test mail was not sent: ${message}`,
    notes: field === 'recipients' ? ['The SMTP server refused the recipients: check the addresses.'] : [],
    ...(setting ? { smtpSetting: setting } : {}),
  };
}
