import { Type } from 'typebox';
import type { Static } from 'typebox';
import { NOTIFICATION_LIMITS, PLACEHOLDERS, SMTP_SECURITY } from '../../notifications/common/notification';

/**
 * Shapes of the notification API (issue 6): the site's SMTP server and the notification
 * profiles rules send through. Model: notifications/common/notification.ts.
 */

const L = NOTIFICATION_LIMITS;
const DateTime = Type.String({ format: 'date-time' });
const placeholders = Object.keys(PLACEHOLDERS).map((n) => `{${n}}`).join(', ');

export const smtpFields = {
  host: Type.String({ maxLength: L.hostMaxLength, description: 'host name or IP address of the SMTP server; empty: none (notifications fail, logged)' }),
  port: Type.Integer({ minimum: 1, maximum: 65535, description: '25 or 587 (starttls), 465 (tls)' }),
  security: Type.Enum([...SMTP_SECURITY], { description: 'none: plain SMTP; starttls: STARTTLS required; tls: TLS from the start' }),
  username: Type.String({ maxLength: L.usernameMaxLength, description: 'empty: the server takes mail without signing in' }),
  fromAddress: Type.String({ maxLength: L.addressMaxLength, description: 'the sender of every notification' }),
  fromName: Type.String({ maxLength: L.fromNameMaxLength, description: 'shown beside the address; empty: the address alone' }),
};

export const SmtpSettingsSchema = Type.Object({
  ...smtpFields,
  hasPassword: Type.Boolean({ description: 'whether a password is stored; the password itself is never returned' }),
  updatedAt: Type.Optional(DateTime),
  pendingNotifications: Type.Integer({ description: 'notifications waiting to be sent or retried now' }),
});

export const UpdateSmtpSettingsRequest = Type.Object({
  host: Type.Optional(smtpFields.host),
  port: Type.Optional(smtpFields.port),
  security: Type.Optional(smtpFields.security),
  username: Type.Optional(smtpFields.username),
  // One schema with both types: a union's string branch would coerce null to "" (Ajv coerceTypes).
  password: Type.Optional(Type.Unsafe<string | null>({
    type: ['string', 'null'], maxLength: L.passwordMaxLength,
    description: 'sets the password; null removes it; absent keeps it (it is stored wrapped with the site key)',
  })),
  fromAddress: Type.Optional(smtpFields.fromAddress),
  fromName: Type.Optional(smtpFields.fromName),
}, { additionalProperties: false });

export const notificationProfileFields = {
  name: Type.String({ minLength: 1, maxLength: L.nameMaxLength }),
  description: Type.String({ maxLength: L.descriptionMaxLength }),
  recipients: Type.Array(Type.String({ maxLength: L.addressMaxLength }), { minItems: 1, maxItems: L.maxRecipients, description: 'email addresses, one per entry' }),
  subject: Type.String({ minLength: 1, maxLength: L.subjectMaxLength, description: `one line; placeholders: ${placeholders}` }),
  body: Type.String({ maxLength: L.bodyMaxLength, description: `plain text; placeholders: ${placeholders}` }),
  attachSnapshots: Type.Boolean({ description: 'attach JPEG snapshots taken when it is sent: the event\'s camera (if it came from one), then snapshotCameraIds' }),
  snapshotCameraIds: Type.Array(Type.String(), { maxItems: L.maxSnapshotCameras }),
  timeZone: Type.String({ maxLength: 64, description: 'IANA time zone {time} is written in (default UTC)' }),
};

export const NotificationProfileSchema = Type.Object({
  id: Type.String(),
  ...notificationProfileFields,
  usedBy: Type.Array(Type.String(), { description: 'names of the rules sending it (a profile in use cannot be deleted)' }),
  createdAt: DateTime,
  updatedAt: DateTime,
});

export const CreateNotificationProfileRequest = Type.Object({
  name: notificationProfileFields.name,
  description: Type.Optional(notificationProfileFields.description),
  recipients: notificationProfileFields.recipients,
  subject: notificationProfileFields.subject,
  body: Type.Optional(notificationProfileFields.body),
  attachSnapshots: Type.Optional(notificationProfileFields.attachSnapshots),
  snapshotCameraIds: Type.Optional(notificationProfileFields.snapshotCameraIds),
  timeZone: Type.Optional(notificationProfileFields.timeZone),
}, { additionalProperties: false });

export const UpdateNotificationProfileRequest = Type.Partial(Type.Object(notificationProfileFields), { additionalProperties: false });

export const NotificationProfileParams = Type.Object({ notificationProfileId: Type.String() });

export const TestNotificationProfileResponse = Type.Object({
  recipients: Type.Array(Type.String()),
  snapshots: Type.Array(Type.String(), { description: 'names of the cameras whose snapshots were attached' }),
  missingSnapshots: Type.Array(Type.Object({ cameraId: Type.String(), reason: Type.String() }), { description: 'cameras that gave no picture; the mail says so' }),
});

export type SmtpSettingsBody = Static<typeof SmtpSettingsSchema>;
export type UpdateSmtpSettingsBody = Static<typeof UpdateSmtpSettingsRequest>;
export type NotificationProfileBody = Static<typeof NotificationProfileSchema>;
export type CreateNotificationProfileBody = Static<typeof CreateNotificationProfileRequest>;
export type UpdateNotificationProfileBody = Static<typeof UpdateNotificationProfileRequest>;
export type TestNotificationProfileBody = Static<typeof TestNotificationProfileResponse>;
