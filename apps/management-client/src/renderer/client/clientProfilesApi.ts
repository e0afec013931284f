/**
 * Smart Client profiles (listClientProfiles, createClientProfile, updateClientProfile,
 * deleteClientProfile). The key sits under the configuration resource "clientProfiles", so the
 * site's push refreshes an open page after anyone's change.
 */
import { queryOptions } from '@tanstack/react-query';
import { queryKeys } from '@nightjar/ui';
import type { SiteClient } from '@nightjar/ui';
import type { ClientProfileBody, CreateClientProfileBody, UpdateClientProfileBody } from '@nightjar/vms-core';

export type { ClientProfileBody, CreateClientProfileBody, UpdateClientProfileBody };

const path = (id: string) => `/api/client-profiles/${encodeURIComponent(id)}`;

export function clientProfilesQuery(client: SiteClient) {
  return queryOptions({
    queryKey: [...queryKeys.configuration('clientProfiles'), 'list'],
    queryFn: ({ signal }) => client.request<ClientProfileBody[]>('/api/client-profiles', { signal }),
    staleTime: 60_000,
  });
}

export const createClientProfile = (client: SiteClient, body: CreateClientProfileBody) =>
  client.request<ClientProfileBody>('/api/client-profiles', { method: 'POST', body });
export const updateClientProfile = (client: SiteClient, id: string, body: UpdateClientProfileBody) =>
  client.request<ClientProfileBody>(path(id), { method: 'PATCH', body });
export const deleteClientProfile = (client: SiteClient, id: string) => client.request<null>(path(id), { method: 'DELETE' });
