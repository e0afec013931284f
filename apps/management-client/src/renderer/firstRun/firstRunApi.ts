/**
 * The site calls of the first-run wizard: the audit-log probe that tells a fresh site,
 * discoverHardware and addHardware, updateCamera, and changing the signed-in administrator's
 * own password (updateUser) without losing the session.
 */
import { onlineManager, queryOptions } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { queryKeys } from '@nightjar/ui';
import type { CameraBody, SiteClient } from '@nightjar/ui';
import type { AddHardwareRequestBody, DiscoveredBody } from './discovery';
import type { AuditSignal } from './freshSite';
import { AUDIT_PROBE_LIMIT } from './freshSite';

/** The first entries of the audit log, oldest first: enough to see whether anything was ever configured. */
export function auditProbeQuery(client: SiteClient) {
  return queryOptions({
    queryKey: [...queryKeys.configuration('users'), 'auditProbe'] as const,
    queryFn: ({ signal }) => client.request<AuditSignal[]>('/api/audit-log', { signal, query: { limit: AUDIT_PROBE_LIMIT } }),
    staleTime: Infinity,
  });
}

/** `networkInterface`: the interface name or IPv4 address to probe from; undefined: the site's default route. */
export function discoverHardware(client: SiteClient, networkInterface?: string, signal?: AbortSignal): Promise<DiscoveredBody[]> {
  return client.request<DiscoveredBody[]>('/api/hardware/discover', {
    method: 'POST', body: { timeoutMs: 3000, ...(networkInterface ? { interface: networkInterface } : {}) }, ...(signal ? { signal } : {}),
  });
}

export function addHardware(client: SiteClient, body: AddHardwareRequestBody): Promise<{ cameras: CameraBody[] }> {
  return client.request<{ cameras: CameraBody[] }>('/api/hardware', { method: 'POST', body });
}

export function updateCamera(client: SiteClient, cameraId: string, body: { name?: string; enabled?: boolean }): Promise<CameraBody> {
  return client.request<CameraBody>(`/api/cameras/${encodeURIComponent(cameraId)}`, { method: 'PATCH', body });
}

/**
 * A new password ends every session of the user on the site, this one included, so the
 * client signs in again with it at once. Meanwhile the query cache is held offline (and what
 * was in flight cancelled): a request answered 401 between the change and the new sign-in
 * would spend the old refresh token, fail, and end this window's session. The updates socket
 * is closed by the site a little later and reconnects with the new tokens.
 */
export async function changeOwnPassword(client: SiteClient, queryClient: QueryClient, user: { id: string; username: string }, password: string): Promise<void> {
  onlineManager.setOnline(false);
  try {
    await queryClient.cancelQueries();
    await client.request(`/api/users/${encodeURIComponent(user.id)}`, { method: 'PATCH', body: { password } });
    await client.login(user.username, password);
  } finally {
    onlineManager.setOnline(true);
  }
}
