/** User names by id (listUsers), to show who owns a view; only asked when the caller may manage users. */
import { queryOptions } from '@tanstack/react-query';
import { queryKeys } from '@nightjar/ui';
import type { SiteClient } from '@nightjar/ui';
import type { Static, securitySchemas } from '@nightjar/vms-core';

type UserBody = Static<typeof securitySchemas.UserSchema>;

export function usersByIdQuery(client: SiteClient) {
  return queryOptions({
    queryKey: [...queryKeys.configuration('users'), 'namesById'] as const,
    queryFn: async ({ signal }) => new Map((await client.request<UserBody[]>('/api/users', { signal })).map((u) => [u.id, u.username])),
    staleTime: 60_000,
  });
}
