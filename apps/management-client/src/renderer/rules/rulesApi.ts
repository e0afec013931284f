/**
 * Rules and the time profiles they (and role grants) run within: listRules, createRule,
 * updateRule, deleteRule; listTimeProfiles, createTimeProfile, updateTimeProfile,
 * deleteTimeProfile. Keys sit under the configuration resources, so the site's
 * configurationChanged pushes refresh every open list.
 */
import { queryOptions } from '@tanstack/react-query';
import { queryKeys } from '@nightjar/ui';
import type { SiteClient } from '@nightjar/ui';
import type {
  CreateRuleBody, CreateTimeProfileBody, RecordingServerBody, RuleBody, Static, StoredTimeProfileBody, UpdateRuleBody, siteSchemas,
} from '@nightjar/vms-core';

export type UpdateTimeProfileBody = Static<typeof siteSchemas.UpdateTimeProfileRequest>;
export type { CreateRuleBody, CreateTimeProfileBody, RuleBody, StoredTimeProfileBody, UpdateRuleBody };

export function rulesQuery(client: SiteClient) {
  return queryOptions({
    queryKey: [...queryKeys.configuration('rules'), 'list'],
    queryFn: ({ signal }) => client.request<RuleBody[]>('/api/rules', { signal }),
    staleTime: 60_000,
  });
}

export const createRule = (client: SiteClient, body: CreateRuleBody) => client.request<RuleBody>('/api/rules', { method: 'POST', body });
export const updateRule = (client: SiteClient, id: string, body: UpdateRuleBody) =>
  client.request<RuleBody>(`/api/rules/${encodeURIComponent(id)}`, { method: 'PATCH', body });
export const deleteRule = (client: SiteClient, id: string) => client.request<null>(`/api/rules/${encodeURIComponent(id)}`, { method: 'DELETE' });

export function timeProfilesQuery(client: SiteClient) {
  return queryOptions({
    queryKey: [...queryKeys.configuration('timeProfiles'), 'list'],
    queryFn: ({ signal }) => client.request<StoredTimeProfileBody[]>('/api/time-profiles', { signal }),
    staleTime: 60_000,
  });
}

export const createTimeProfile = (client: SiteClient, body: CreateTimeProfileBody) =>
  client.request<StoredTimeProfileBody>('/api/time-profiles', { method: 'POST', body });
export const updateTimeProfile = (client: SiteClient, id: string, body: UpdateTimeProfileBody) =>
  client.request<StoredTimeProfileBody>(`/api/time-profiles/${encodeURIComponent(id)}`, { method: 'PATCH', body });
export const deleteTimeProfile = (client: SiteClient, id: string) =>
  client.request<null>(`/api/time-profiles/${encodeURIComponent(id)}`, { method: 'DELETE' });

/** Recording servers, the sources of server events in rules. */
export function recordingServersQuery(client: SiteClient) {
  return queryOptions({
    queryKey: [...queryKeys.configuration('recordingServers'), 'list'],
    queryFn: ({ signal }) => client.request<RecordingServerBody[]>('/api/recording-servers', { signal }),
    staleTime: 60_000,
  });
}
