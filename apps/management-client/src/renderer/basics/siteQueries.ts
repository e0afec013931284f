/** Site information (getSite, updateSite): the name in the title bar and the Basics page. */
import { queryOptions } from '@tanstack/react-query';
import { queryKeys } from '@nightjar/ui';
import type { SiteClient } from '@nightjar/ui';
import type { SiteBody } from '@nightjar/vms-core';

export function siteInfoQuery(client: SiteClient) {
  return queryOptions({
    queryKey: queryKeys.configuration('site'),
    queryFn: ({ signal }) => client.request<SiteBody>('/api/site', { signal }),
    staleTime: 60_000,
  });
}

export function updateSiteInfo(client: SiteClient, body: Partial<SiteBody>): Promise<SiteBody> {
  return client.request<SiteBody>('/api/site', { method: 'PATCH', body });
}
