/**
 * Events administrators define: user-defined events (list, create, update, delete, trigger)
 * and generic events with the TCP/UDP listeners they match messages from (sources: list,
 * create, update, delete; events: list, create, update, delete).
 */
import { queryOptions } from '@tanstack/react-query';
import { queryKeys } from '@nightjar/ui';
import type { SiteClient } from '@nightjar/ui';
import type { GenericEventBody, GenericEventSourceBody, Static, UserDefinedEventBody, eventSchemas } from '@nightjar/vms-core';

export type CreateGenericEventSourceBody = Static<typeof eventSchemas.CreateGenericEventSourceRequest>;
export type UpdateGenericEventSourceBody = Static<typeof eventSchemas.UpdateGenericEventSourceRequest>;
export type CreateGenericEventBody = Static<typeof eventSchemas.CreateGenericEventRequest>;
export type UpdateGenericEventBody = Static<typeof eventSchemas.UpdateGenericEventRequest>;
export type TriggerResult = Static<typeof eventSchemas.TriggerUserDefinedEventResponse>;
export type { GenericEventBody, GenericEventSourceBody, UserDefinedEventBody };

const path = (base: string, id: string) => `${base}/${encodeURIComponent(id)}`;

export function userDefinedEventsQuery(client: SiteClient) {
  return queryOptions({
    queryKey: [...queryKeys.configuration('userDefinedEvents'), 'list'],
    queryFn: ({ signal }) => client.request<UserDefinedEventBody[]>('/api/user-defined-events', { signal }),
    staleTime: 60_000,
  });
}

export const createUserDefinedEvent = (client: SiteClient, body: { name: string; description?: string }) =>
  client.request<UserDefinedEventBody>('/api/user-defined-events', { method: 'POST', body });
export const updateUserDefinedEvent = (client: SiteClient, id: string, body: { name?: string; description?: string }) =>
  client.request<UserDefinedEventBody>(path('/api/user-defined-events', id), { method: 'PATCH', body });
export const deleteUserDefinedEvent = (client: SiteClient, id: string) =>
  client.request<null>(path('/api/user-defined-events', id), { method: 'DELETE' });
export const triggerUserDefinedEvent = (client: SiteClient, id: string) =>
  client.request<TriggerResult>(`${path('/api/user-defined-events', id)}/trigger`, { method: 'POST' });

export function genericEventSourcesQuery(client: SiteClient) {
  return queryOptions({
    queryKey: [...queryKeys.configuration('genericEvents'), 'sources'],
    queryFn: ({ signal }) => client.request<GenericEventSourceBody[]>('/api/generic-event-sources', { signal }),
    staleTime: 30_000,
  });
}

export const createGenericEventSource = (client: SiteClient, body: CreateGenericEventSourceBody) =>
  client.request<GenericEventSourceBody>('/api/generic-event-sources', { method: 'POST', body });
export const updateGenericEventSource = (client: SiteClient, id: string, body: UpdateGenericEventSourceBody) =>
  client.request<GenericEventSourceBody>(path('/api/generic-event-sources', id), { method: 'PATCH', body });
export const deleteGenericEventSource = (client: SiteClient, id: string) =>
  client.request<null>(path('/api/generic-event-sources', id), { method: 'DELETE' });

export function genericEventsQuery(client: SiteClient) {
  return queryOptions({
    queryKey: [...queryKeys.configuration('genericEvents'), 'events'],
    queryFn: ({ signal }) => client.request<GenericEventBody[]>('/api/generic-events', { signal }),
    staleTime: 60_000,
  });
}

export const createGenericEvent = (client: SiteClient, body: CreateGenericEventBody) =>
  client.request<GenericEventBody>('/api/generic-events', { method: 'POST', body });
export const updateGenericEvent = (client: SiteClient, id: string, body: UpdateGenericEventBody) =>
  client.request<GenericEventBody>(path('/api/generic-events', id), { method: 'PATCH', body });
export const deleteGenericEvent = (client: SiteClient, id: string) => client.request<null>(path('/api/generic-events', id), { method: 'DELETE' });
