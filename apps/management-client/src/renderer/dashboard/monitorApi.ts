/** The system monitor's reading (getSystemStatus) as a query, shared by the monitor and the storage pages. */
import { queryOptions } from '@tanstack/react-query';
import { queryKeys } from '@nightjar/ui';
import type { SiteClient } from '@nightjar/ui';
import type { SystemStatusBody } from '@nightjar/vms-core';

/**
 * Every 2 s while a page using it is mounted and the window is visible: TanStack pauses
 * refetchInterval in a hidden document (refetchIntervalInBackground is off), so a minimised
 * Management Client costs the site nothing. The site measures rates since the previous reading,
 * so one shared key also keeps the intervals even.
 */
export const MONITOR_POLL_MS = 2000;

export function systemStatusQuery(client: SiteClient) {
  return queryOptions({
    queryKey: [...queryKeys.configuration('recordingServers'), 'status'] as const,
    queryFn: ({ signal }) => client.request<SystemStatusBody>('/api/system/status', { signal }),
    refetchInterval: MONITOR_POLL_MS,
    refetchIntervalInBackground: false,
    staleTime: MONITOR_POLL_MS / 2,
  });
}
