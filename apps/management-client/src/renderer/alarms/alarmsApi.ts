/**
 * Alarm definitions: listAlarmDefinitions, createAlarmDefinition, updateAlarmDefinition,
 * deleteAlarmDefinition. Keys sit under the configuration resource "alarmDefinitions", so the
 * site's configurationChanged pushes refresh every open list.
 */
import { queryOptions } from '@tanstack/react-query';
import { queryKeys } from '@nightjar/ui';
import type { SiteClient } from '@nightjar/ui';
import type { AlarmDefinitionBody, CreateAlarmDefinitionBody, UpdateAlarmDefinitionBody } from '@nightjar/vms-core';

export type { AlarmDefinitionBody, CreateAlarmDefinitionBody, UpdateAlarmDefinitionBody };

export const alarmDefinitionKeys = {
  all: queryKeys.configuration('alarmDefinitions'),
  list: [...queryKeys.configuration('alarmDefinitions'), 'list'] as const,
};

const path = (id: string) => `/api/alarm-definitions/${encodeURIComponent(id)}`;

export function alarmDefinitionsQuery(client: SiteClient) {
  return queryOptions({
    queryKey: alarmDefinitionKeys.list,
    queryFn: ({ signal }) => client.request<AlarmDefinitionBody[]>('/api/alarm-definitions', { signal }),
    staleTime: 30_000,
  });
}

export const createAlarmDefinition = (client: SiteClient, body: CreateAlarmDefinitionBody) =>
  client.request<AlarmDefinitionBody>('/api/alarm-definitions', { method: 'POST', body });
export const updateAlarmDefinition = (client: SiteClient, id: string, body: UpdateAlarmDefinitionBody) =>
  client.request<AlarmDefinitionBody>(path(id), { method: 'PATCH', body });
export const deleteAlarmDefinition = (client: SiteClient, id: string) => client.request<null>(path(id), { method: 'DELETE' });
