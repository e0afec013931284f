import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigStore } from '../../management/node/configStore';
import { SiteKeys } from '../../security/node/siteKeys';
import { tempDir } from '../../../test/util/syntheticMedia';
import { NotificationStore } from './notificationStore';

const open: { dispose(): void }[] = [];
afterEach(() => {
  for (const o of open.splice(0).reverse()) o.dispose();
});

function store() {
  const dir = tempDir('nightjar-notifications-');
  const keys = SiteKeys.loadOrCreate(join(dir.path, 'site-key.json'));
  const config = new ConfigStore(join(dir.path, 'config.db'), keys);
  open.push(dir, { dispose: () => config.close() });
  return { config, notifications: new NotificationStore(config.db, keys, () => ({ cameraIds: new Set(['cam-a']) })) };
}

const profile = {
  name: 'Guards', description: '', recipients: ['guards@example.com'], subject: '{event}', body: '', attachSnapshots: true, snapshotCameraIds: ['cam-a'], timeZone: 'UTC',
};

describe('NotificationStore', () => {
  it('starts with no SMTP server, and keeps the password wrapped and out of every read', () => {
    const { config, notifications } = store();
    expect(notifications.smtpSettings()).toEqual({ host: '', port: 25, security: 'none', username: '', fromAddress: '', fromName: '', hasPassword: false });
    const view = notifications.updateSmtpSettings({ host: 'mail.example.com', port: 587, security: 'starttls', username: 'vms', password: 'pa55-word', fromAddress: 'vms@example.com' }, 1000);
    expect(view).toEqual({ host: 'mail.example.com', port: 587, security: 'starttls', username: 'vms', fromAddress: 'vms@example.com', fromName: '', hasPassword: true, updatedAt: 1000 });
    const row = config.db.prepare('SELECT * FROM smtp_settings').get() as Record<string, unknown>;
    expect(JSON.stringify(row)).not.toContain('pa55-word');
    expect(notifications.smtpCredentials().password).toBe('pa55-word');
    // Other changes keep the password; null removes it.
    expect(notifications.updateSmtpSettings({ fromName: 'Nightjar' }, 2000).hasPassword).toBe(true);
    expect(notifications.smtpCredentials().password).toBe('pa55-word');
    notifications.updateSmtpSettings({ password: null }, 3000);
    expect(notifications.smtpCredentials()).not.toHaveProperty('password');
  });

  it('changes nothing when a setting is refused, naming it', () => {
    const { notifications } = store();
    expect(() => notifications.updateSmtpSettings({ host: 'mail.example.com', port: 0, fromAddress: 'vms@example.com' }, 1)).toThrow(expect.objectContaining({ code: 'VMS_ERR_BAD_INPUT', field: 'port' }));
    expect(notifications.smtpSettings().host).toBe('');
  });

  it('stores profiles with unique names, merges changes, and refuses to delete one a rule sends', () => {
    const { notifications } = store();
    const p = notifications.create(profile, 10);
    expect(notifications.get(p.id)).toEqual({ ...profile, id: p.id, createdAt: 10, updatedAt: 10 });
    expect(() => notifications.create({ ...profile, name: 'GUARDS' }, 11)).toThrow(expect.objectContaining({ code: 'VMS_ERR_CONFLICT', field: 'name' }));
    expect(notifications.update(p.id, { subject: 'Alarm: {event}', recipients: ['a@example.com', 'b@example.com'] }, 20))
      .toMatchObject({ subject: 'Alarm: {event}', recipients: ['a@example.com', 'b@example.com'], attachSnapshots: true, updatedAt: 20 });
    expect(() => notifications.update(p.id, { snapshotCameraIds: ['cam-z'] }, 21)).toThrow(expect.objectContaining({ field: 'snapshotCameraIds[0]' }));
    expect(() => notifications.delete(p.id, ['Motion mail'])).toThrow(/used by the rule\(s\) Motion mail/);
    notifications.delete(p.id, []);
    expect(notifications.list()).toEqual([]);
  });
});
