/**
 * Analytics sources: the outside video analytics systems the site accepts events from
 * (listAnalyticsSources, createAnalyticsSource, updateAnalyticsSource, deleteAnalyticsSource).
 * The key sits under the configuration resource `analyticsSources`, so the site's
 * configurationChanged pushes refresh the list.
 */
import { queryOptions } from '@tanstack/react-query';
import { queryKeys } from '@nightjar/ui';
import type { SiteClient } from '@nightjar/ui';
import type { AnalyticsSourceBody, CreateAnalyticsSourceBody, UpdateAnalyticsSourceBody } from '@nightjar/vms-core';

export type { AnalyticsSourceBody, CreateAnalyticsSourceBody, UpdateAnalyticsSourceBody };

const path = (id: string) => `/api/analytics-sources/${encodeURIComponent(id)}`;

export function analyticsSourcesQuery(client: SiteClient) {
  return queryOptions({
    queryKey: [...queryKeys.configuration('analyticsSources'), 'list'],
    queryFn: ({ signal }) => client.request<AnalyticsSourceBody[]>('/api/analytics-sources', { signal }),
    staleTime: 60_000,
  });
}

export const createAnalyticsSource = (client: SiteClient, body: CreateAnalyticsSourceBody) =>
  client.request<AnalyticsSourceBody>('/api/analytics-sources', { method: 'POST', body });
export const updateAnalyticsSource = (client: SiteClient, id: string, body: UpdateAnalyticsSourceBody) =>
  client.request<AnalyticsSourceBody>(path(id), { method: 'PATCH', body });
export const deleteAnalyticsSource = (client: SiteClient, id: string) => client.request<null>(path(id), { method: 'DELETE' });
