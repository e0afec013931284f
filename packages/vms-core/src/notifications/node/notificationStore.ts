import { randomUUID } from 'node:crypto';
import { VmsError } from '../../base/common/errors';
import type { Db } from '../../base/node/sqlite';
import type { SiteKeys } from '../../security/node/siteKeys';
import type { NotificationProfile, NotificationProfileInput, SmtpSecurity, SmtpSettings, SmtpSettingsPatch } from '../common/notification';
import type { NotificationContext, NotificationProblem } from '../common/notificationValidation';
import { notificationProfileProblem, smtpSettingsProblem } from '../common/notificationValidation';

interface SmtpRow {
  host: string; port: number; security: SmtpSecurity; username: string; password_wrapped: string | null;
  from_address: string; from_name: string; updated_at: number | null;
}
interface ProfileRow {
  id: string; name: string; description: string; recipients: string; subject: string; body: string;
  attach_snapshots: number; snapshot_camera_ids: string; time_zone: string; created_at: number; updated_at: number;
}

/** The SMTP settings as clients see them: the password only as whether there is one. */
export type SmtpSettingsView = SmtpSettings & { hasPassword: boolean; updatedAt?: number };

/** What the mailer needs: the settings with the password unwrapped. Never leaves the site. */
export type SmtpCredentials = SmtpSettings & { password?: string };

/** A change to a profile: each field replaces the stored one. */
export type NotificationProfilePatch = Partial<NotificationProfileInput>;

/** The label the SMTP password is wrapped under with the site key (a configuration restore wraps it the same way). */
export const SMTP_PASSWORD_LABEL = 'smtp';

const toProfile = (r: ProfileRow): NotificationProfile => ({
  id: r.id, name: r.name, description: r.description, recipients: JSON.parse(r.recipients) as string[], subject: r.subject, body: r.body,
  attachSnapshots: r.attach_snapshots === 1, snapshotCameraIds: JSON.parse(r.snapshot_camera_ids) as string[], timeZone: r.time_zone,
  createdAt: r.created_at, updatedAt: r.updated_at,
});

function refuse(p: NotificationProblem | undefined): void {
  if (p) throw new VmsError('VMS_ERR_BAD_INPUT', `${p.field}: ${p.message}`, { field: p.field });
}

/**
 * The SMTP server and the notification profiles, in the configuration database (migration
 * 009). Every write is checked first (notificationValidation.ts) and names the bad field.
 */
export class NotificationStore {
  constructor(private readonly db: Db, private readonly keys: SiteKeys, private readonly context: () => NotificationContext) {}

  smtpSettings(): SmtpSettingsView {
    const r = this.smtpRow();
    return {
      host: r.host, port: r.port, security: r.security, username: r.username, fromAddress: r.from_address, fromName: r.from_name,
      hasPassword: r.password_wrapped !== null, ...(r.updated_at !== null ? { updatedAt: r.updated_at } : {}),
    };
  }

  smtpCredentials(): SmtpCredentials {
    const { hasPassword: _h, updatedAt: _u, ...settings } = this.smtpSettings();
    const wrapped = this.smtpRow().password_wrapped;
    return { ...settings, ...(wrapped ? { password: this.keys.unwrapKey(wrapped, SMTP_PASSWORD_LABEL).toString('utf8') } : {}) };
  }

  updateSmtpSettings(patch: SmtpSettingsPatch, now: number): SmtpSettingsView {
    const cur = this.smtpSettings();
    const next = {
      host: (patch.host ?? cur.host).trim(), port: patch.port ?? cur.port, security: patch.security ?? cur.security,
      username: patch.username ?? cur.username, fromAddress: (patch.fromAddress ?? cur.fromAddress).trim(), fromName: (patch.fromName ?? cur.fromName).trim(),
    };
    refuse(smtpSettingsProblem({ ...next, ...(patch.password !== undefined ? { password: patch.password } : {}) }, cur.hasPassword));
    const wrapped = patch.password === undefined ? this.smtpRow().password_wrapped
      : patch.password === null ? null : this.keys.wrapKey(Buffer.from(patch.password, 'utf8'), SMTP_PASSWORD_LABEL);
    this.db.prepare(`UPDATE smtp_settings SET host = ?, port = ?, security = ?, username = ?, password_wrapped = ?, from_address = ?, from_name = ?, updated_at = ?
      WHERE id = 1`).run(next.host, next.port, next.security, next.username, wrapped, next.fromAddress, next.fromName, now);
    return this.smtpSettings();
  }

  list(): NotificationProfile[] {
    return (this.db.prepare('SELECT * FROM notification_profile ORDER BY name').all() as ProfileRow[]).map(toProfile);
  }

  get(id: string): NotificationProfile {
    const row = this.db.prepare('SELECT * FROM notification_profile WHERE id = ?').get(id) as ProfileRow | undefined;
    if (!row) throw new VmsError('VMS_ERR_NOT_FOUND', `notification profile ${id} does not exist`);
    return toProfile(row);
  }

  create(input: NotificationProfileInput, now: number): NotificationProfile {
    refuse(notificationProfileProblem(input, this.context()));
    const id = randomUUID();
    this.write('INSERT INTO notification_profile (name, description, recipients, subject, body, attach_snapshots, snapshot_camera_ids, time_zone, created_at, updated_at, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      input, [now, now, id]);
    return this.get(id);
  }

  update(id: string, patch: NotificationProfilePatch, now: number): NotificationProfile {
    const { id: _id, createdAt: _c, updatedAt: _u, ...cur } = this.get(id);
    const next: NotificationProfileInput = { ...cur };
    for (const [k, v] of Object.entries(patch)) if (v !== undefined) (next as unknown as Record<string, unknown>)[k] = v;
    refuse(notificationProfileProblem(next, this.context()));
    this.write('UPDATE notification_profile SET name = ?, description = ?, recipients = ?, subject = ?, body = ?, attach_snapshots = ?, snapshot_camera_ids = ?, time_zone = ?, updated_at = ? WHERE id = ?',
      next, [now, id]);
    return this.get(id);
  }

  /** Refused while a rule sends through it: `usedBy` names those rules. */
  delete(id: string, usedBy: string[]): NotificationProfile {
    const cur = this.get(id);
    if (usedBy.length > 0) throw new VmsError('VMS_ERR_CONFLICT', `notification profile ${cur.name} is used by the rule(s) ${usedBy.join(', ')}`);
    this.db.prepare('DELETE FROM notification_profile WHERE id = ?').run(id);
    return cur;
  }

  private write(sql: string, p: NotificationProfileInput, tail: (string | number)[]): void {
    try {
      this.db.prepare(sql).run(
        p.name.trim(), p.description, JSON.stringify(p.recipients.map((r) => r.trim())), p.subject, p.body, p.attachSnapshots ? 1 : 0,
        JSON.stringify(p.snapshotCameraIds), p.timeZone, ...tail,
      );
    } catch (e) {
      if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
        throw new VmsError('VMS_ERR_CONFLICT', `a notification profile named ${p.name.trim()} exists`, { field: 'name' });
      }
      throw e;
    }
  }

  private smtpRow(): SmtpRow {
    return this.db.prepare('SELECT * FROM smtp_settings WHERE id = 1').get() as SmtpRow;
  }
}
