import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorMessage } from '../../../base/common/errors';
import { jsonDiff } from '../../../management/common/audit';
import type { NotificationProfile } from '../../../notifications/common/notification';
import type { SmtpSettingsView } from '../../../notifications/node/notificationStore';
import {
  CreateNotificationProfileRequest, NotificationProfileParams, NotificationProfileSchema, SmtpSettingsSchema, TestNotificationProfileResponse,
  UpdateNotificationProfileRequest, UpdateSmtpSettingsRequest,
} from '../../common/notificationSchemas';
import type { SmtpSettingsBody } from '../../common/notificationSchemas';
import { ErrorBody } from '../../common/schemas';
import { audit, requireFlag } from '../access';
import type { ApiDeps } from '../apiDeps';
import { iso } from '../server';

/*
 * The SMTP server and notification profiles are site configuration: reading and changing them,
 * and sending a test, need manage configuration. Changes are audited (announcing
 * configurationChanged "notificationProfiles"); the SMTP password is write-only.
 */
export const notificationRoutes = (deps: ApiDeps): FastifyPluginAsyncTypebox => async (app) => {
  const er = deps.eventsAndRules;
  const store = er.notificationProfiles;
  const smtpBody = ({ updatedAt, ...s }: SmtpSettingsView): SmtpSettingsBody => ({
    ...s, ...(updatedAt !== undefined ? { updatedAt: iso(updatedAt) } : {}), pendingNotifications: er.notifications.pending(),
  });
  const profileBody = (p: NotificationProfile) => ({ ...p, usedBy: er.rules.usingNotificationProfile(p.id), createdAt: iso(p.createdAt), updatedAt: iso(p.updatedAt) });

  app.get('/api/smtp-settings', {
    schema: { operationId: 'getSmtpSettings', summary: 'The SMTP server notifications are sent through (without its password)', tags: ['notifications'], response: { 200: SmtpSettingsSchema, 403: ErrorBody } },
  }, async (req) => {
    requireFlag(req, 'manageConfiguration');
    return smtpBody(store.smtpSettings());
  });

  app.patch('/api/smtp-settings', {
    schema: {
      operationId: 'updateSmtpSettings', summary: 'Change the SMTP server; mails waiting for a retry use the new settings', tags: ['notifications'],
      body: UpdateSmtpSettingsRequest, response: { 200: SmtpSettingsSchema, 400: ErrorBody, 403: ErrorBody },
    },
  }, async (req) => {
    requireFlag(req, 'manageConfiguration');
    const before = store.smtpSettings();
    const after = store.updateSmtpSettings(req.body, deps.clock.now());
    const { updatedAt: _b, ...was } = before;
    const { updatedAt: _a, ...now } = after;
    audit(deps, req, { action: 'updateSmtpSettings', target: null, details: { changes: jsonDiff(was, now), ...(req.body.password !== undefined ? { password: req.body.password === null ? 'removed' : 'set' } : {}) } });
    return smtpBody(after);
  });

  app.get('/api/notification-profiles', {
    schema: { operationId: 'listNotificationProfiles', summary: 'Notification profiles, by name', tags: ['notifications'], response: { 200: Type.Array(NotificationProfileSchema), 403: ErrorBody } },
  }, async (req) => {
    requireFlag(req, 'manageConfiguration');
    return store.list().map(profileBody);
  });

  app.post('/api/notification-profiles', {
    schema: {
      operationId: 'createNotificationProfile', summary: 'Define a notification: recipients, subject and text with placeholders, snapshots to attach', tags: ['notifications'],
      body: CreateNotificationProfileRequest, response: { 201: NotificationProfileSchema, 400: ErrorBody, 403: ErrorBody, 409: ErrorBody },
    },
  }, async (req, reply) => {
    requireFlag(req, 'manageConfiguration');
    const b = req.body;
    const created = store.create({
      name: b.name, description: b.description ?? '', recipients: b.recipients, subject: b.subject, body: b.body ?? '',
      attachSnapshots: b.attachSnapshots ?? false, snapshotCameraIds: b.snapshotCameraIds ?? [], timeZone: b.timeZone ?? 'UTC',
    }, deps.clock.now());
    audit(deps, req, { action: 'createNotificationProfile', target: created.id, details: { profile: created } });
    return reply.status(201).send(profileBody(created));
  });

  app.patch('/api/notification-profiles/:notificationProfileId', {
    schema: {
      operationId: 'updateNotificationProfile', summary: 'Change a notification profile; rules sending it use the change at once', tags: ['notifications'],
      params: NotificationProfileParams, body: UpdateNotificationProfileRequest, response: { 200: NotificationProfileSchema, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
    },
  }, async (req) => {
    requireFlag(req, 'manageConfiguration');
    const before = store.get(req.params.notificationProfileId);
    const after = store.update(before.id, req.body, deps.clock.now());
    audit(deps, req, { action: 'updateNotificationProfile', target: after.id, details: { changes: jsonDiff(before, after) } });
    return profileBody(after);
  });

  app.delete('/api/notification-profiles/:notificationProfileId', {
    schema: {
      operationId: 'deleteNotificationProfile', summary: 'Delete a notification profile no rule sends', tags: ['notifications'],
      params: NotificationProfileParams, response: { 204: Type.Null(), 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
    },
  }, async (req, reply) => {
    requireFlag(req, 'manageConfiguration');
    const id = req.params.notificationProfileId;
    const gone = store.delete(id, er.rules.usingNotificationProfile(id));
    audit(deps, req, { action: 'deleteNotificationProfile', target: id, details: { profile: gone } });
    return reply.status(204).send(null);
  });

  app.post('/api/notification-profiles/:notificationProfileId/test', {
    schema: {
      operationId: 'testNotificationProfile', tags: ['notifications'],
      summary: 'Send the profile\'s mail now, once, with sample values and its cameras\' snapshots; an SMTP failure is 503 VMS_ERR_SMTP naming the setting (field)',
      params: NotificationProfileParams, response: { 200: TestNotificationProfileResponse, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 503: ErrorBody },
    },
  }, async (req) => {
    requireFlag(req, 'manageConfiguration');
    const id = req.params.notificationProfileId;
    try {
      const result = await er.notifications.test(id);
      audit(deps, req, { action: 'testNotificationProfile', target: id, details: { recipients: result.recipients } });
      return result;
    } catch (e) {
      audit(deps, req, { action: 'testNotificationProfile', target: id, outcome: 'failed', details: { error: errorMessage(e) } });
      throw e;
    }
  });
};
