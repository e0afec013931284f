import { describe, expect, it } from 'vitest';
import { ApiError } from '@nightjar/ui';
import { testOutcome } from './testOutcome';

describe('test send outcome', () => {
  it('says who got the mail and which snapshots went along or not', () => {
    const out = testOutcome({ recipients: ['a@example.com'], snapshots: ['Gate'], missingSnapshots: [{ cameraId: 'c2', reason: 'no picture within 15 s' }] }, null,
      (id) => (id === 'c2' ? 'Yard' : id));
    expect(out).toEqual({ ok: true, text: 'Test mail sent to a@example.com with snapshots of Gate.', notes: ['No snapshot of Yard: no picture within 15 s.'] });
  });

  it('names the SMTP setting the site blamed, and nothing for other errors', () => {
    const refused = testOutcome(undefined, new ApiError(503, 'VMS_ERR_SMTP', 'the SMTP server refused the user name or password', 'password'));
    expect(refused).toEqual({ ok: false, text: 'The test mail was not sent: the SMTP server refused the user name or password', notes: [], smtpSetting: 'password' });
    expect(testOutcome(undefined, new ApiError(409, 'VMS_ERR_CONFLICT', 'no SMTP server is configured', 'host')).smtpSetting).toBe('host and port');
    expect(testOutcome(undefined, new ApiError(503, 'VMS_ERR_SMTP', 'refused', 'recipients'))).toMatchObject({ notes: [expect.stringMatching(/recipients/)] });
    expect(testOutcome(undefined, new Error('offline'))).toEqual({ ok: false, text: 'The test mail was not sent: offline', notes: [] });
  });
});
