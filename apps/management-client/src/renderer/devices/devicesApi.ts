/**
 * The Devices pages' operations on the site: hardware (list, discover, scan, add, update,
 * delete) and cameras (update, snapshot). Lists live under the configuration keys, so the
 * site's configurationChanged pushes refetch them after anyone's change.
 */
import { queryOptions } from '@tanstack/react-query';
import { queryKeys } from '@nightjar/ui';
import type { SiteClient } from '@nightjar/ui';
import type {
  CameraBody, DeleteHardwareResult, HardwareListItemBody, ScanHardwareBody, ScanHardwareResult, Static, UpdateCameraBody,
  UpdateHardwareBody, UpdateHardwareResult, apiSchemas,
} from '@nightjar/vms-core';
import type { AddHardwareBody } from './hardwareForms';
import type { DiscoveredDevice } from './manualHardware';

export type AddHardwareResult = Static<typeof apiSchemas.AddHardwareResponse>;
const enc = encodeURIComponent;

export function hardwareListQuery(client: SiteClient) {
  return queryOptions({
    queryKey: [...queryKeys.configuration('hardware'), 'list'] as const,
    queryFn: ({ signal }) => client.request<HardwareListItemBody[]>('/api/hardware', { signal }),
    staleTime: 60_000,
  });
}

/**
 * The camera's picture now, for drawing motion regions on. Not kept: a new look at the tab
 * fetches a new one, and the Refresh button another.
 */
export function snapshotQuery(client: SiteClient, cameraId: string, width: number) {
  return queryOptions({
    queryKey: [...queryKeys.camera(cameraId), 'snapshot', { width }] as const,
    queryFn: ({ signal }) => client.getSnapshot(cameraId, { width }, { signal }),
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });
}

export function updateCamera(client: SiteClient, cameraId: string, body: UpdateCameraBody): Promise<CameraBody> {
  return client.request<CameraBody>(`/api/cameras/${enc(cameraId)}`, { method: 'PATCH', body });
}

export function discoverHardware(client: SiteClient, body: { timeoutMs: number; interface?: string }, signal?: AbortSignal): Promise<DiscoveredDevice[]> {
  return client.request<DiscoveredDevice[]>('/api/hardware/discover', { method: 'POST', body, signal });
}

export function scanHardware(client: SiteClient, body: ScanHardwareBody, signal?: AbortSignal): Promise<ScanHardwareResult> {
  return client.request<ScanHardwareResult>('/api/hardware/scan', { method: 'POST', body, signal });
}

export function addHardware(client: SiteClient, body: AddHardwareBody): Promise<AddHardwareResult> {
  return client.request<AddHardwareResult>('/api/hardware', { method: 'POST', body });
}

export function updateHardware(client: SiteClient, hardwareId: string, body: UpdateHardwareBody): Promise<UpdateHardwareResult> {
  return client.request<UpdateHardwareResult>(`/api/hardware/${enc(hardwareId)}`, { method: 'PATCH', body });
}

export function deleteHardware(client: SiteClient, hardwareId: string, deleteRecordings: boolean): Promise<DeleteHardwareResult> {
  return client.request<DeleteHardwareResult>(`/api/hardware/${enc(hardwareId)}`, {
    method: 'DELETE', ...(deleteRecordings ? { query: { deleteRecordings: true } } : {}),
  });
}

/**
 * After a camera was saved: the answer goes straight into the camera list, so every tab shows
 * the saved values at once; the push that follows refetches it anyway.
 */
export function putCamera(list: CameraBody[] | undefined, saved: CameraBody): CameraBody[] | undefined {
  return list?.map((c) => (c.id === saved.id ? saved : c));
}
