/**
 * The SMTP server and notification profiles: getSmtpSettings, updateSmtpSettings,
 * listNotificationProfiles, createNotificationProfile, updateNotificationProfile,
 * deleteNotificationProfile, testNotificationProfile. Keys sit under the configuration resource
 * "notificationProfiles", so the site's configurationChanged pushes refresh every open page.
 */
import { queryOptions } from '@tanstack/react-query';
import { queryKeys } from '@nightjar/ui';
import type { SiteClient } from '@nightjar/ui';
import type {
  CreateNotificationProfileBody, NotificationProfileBody, SmtpSettingsBody, TestNotificationProfileBody, UpdateNotificationProfileBody, UpdateSmtpSettingsBody,
} from '@nightjar/vms-core';

export type {
  CreateNotificationProfileBody, NotificationProfileBody, SmtpSettingsBody, TestNotificationProfileBody, UpdateNotificationProfileBody, UpdateSmtpSettingsBody,
};

export const notificationKeys = {
  all: queryKeys.configuration('notificationProfiles'),
  smtp: [...queryKeys.configuration('notificationProfiles'), 'smtp'] as const,
  list: [...queryKeys.configuration('notificationProfiles'), 'list'] as const,
};

const profilePath = (id: string) => `/api/notification-profiles/${encodeURIComponent(id)}`;

export function smtpSettingsQuery(client: SiteClient) {
  return queryOptions({
    queryKey: notificationKeys.smtp,
    queryFn: ({ signal }) => client.request<SmtpSettingsBody>('/api/smtp-settings', { signal }),
    staleTime: 30_000,
  });
}

export const updateSmtpSettings = (client: SiteClient, body: UpdateSmtpSettingsBody) =>
  client.request<SmtpSettingsBody>('/api/smtp-settings', { method: 'PATCH', body });

export function notificationProfilesQuery(client: SiteClient) {
  return queryOptions({
    queryKey: notificationKeys.list,
    queryFn: ({ signal }) => client.request<NotificationProfileBody[]>('/api/notification-profiles', { signal }),
    staleTime: 60_000,
  });
}

export const createNotificationProfile = (client: SiteClient, body: CreateNotificationProfileBody) =>
  client.request<NotificationProfileBody>('/api/notification-profiles', { method: 'POST', body });
export const updateNotificationProfile = (client: SiteClient, id: string, body: UpdateNotificationProfileBody) =>
  client.request<NotificationProfileBody>(profilePath(id), { method: 'PATCH', body });
export const deleteNotificationProfile = (client: SiteClient, id: string) => client.request<null>(profilePath(id), { method: 'DELETE' });
export const testNotificationProfile = (client: SiteClient, id: string) =>
  client.request<TestNotificationProfileBody>(`${profilePath(id)}/test`, { method: 'POST' });
