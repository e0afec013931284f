/**
 * Recording servers and storages (listRecordingServers, updateRecordingServer, listStorages,
 * createStorage, updateStorage). Keys sit under the configuration resources, so the site's
 * configurationChanged pushes refetch them after anyone's change.
 */
import { queryOptions } from '@tanstack/react-query';
import { queryKeys } from '@nightjar/ui';
import type { SiteClient, StorageBody } from '@nightjar/ui';
import type { CreateStorageBody, RecordingServerBody, Static, apiSchemas } from '@nightjar/vms-core';

export type UpdateStorageBody = Static<typeof apiSchemas.UpdateStorageRequest>;
export type UpdateRecordingServerBody = Partial<Pick<RecordingServerBody, 'name' | 'description'>>;

export const recordingServersKey = [...queryKeys.configuration('recordingServers'), 'list'] as const;
export const storagesKey = [...queryKeys.configuration('storages'), 'list'] as const;

export function recordingServersQuery(client: SiteClient) {
  return queryOptions({
    queryKey: recordingServersKey,
    queryFn: ({ signal }) => client.request<RecordingServerBody[]>('/api/recording-servers', { signal }),
    staleTime: 30_000,
  });
}

/** usedBytes grows while cameras record: refreshed every 10 s while a storage page shows it. */
export function storagesConfigQuery(client: SiteClient) {
  return queryOptions({
    queryKey: storagesKey,
    queryFn: ({ signal }) => client.request<StorageBody[]>('/api/storages', { signal }),
    staleTime: 5_000,
    refetchInterval: 10_000,
  });
}

export function updateRecordingServer(client: SiteClient, serverId: string, body: UpdateRecordingServerBody): Promise<RecordingServerBody> {
  return client.request<RecordingServerBody>(`/api/recording-servers/${encodeURIComponent(serverId)}`, { method: 'PATCH', body });
}

export function updateStorage(client: SiteClient, storageId: string, body: UpdateStorageBody): Promise<StorageBody> {
  return client.request<StorageBody>(`/api/storages/${encodeURIComponent(storageId)}`, { method: 'PATCH', body });
}

export function createStorage(client: SiteClient, body: CreateStorageBody): Promise<StorageBody> {
  return client.request<StorageBody>('/api/storages', { method: 'POST', body });
}
