/**
 * Roles and basic users: listRoles, createRole, updateRole, deleteRole; listUsers, createUser,
 * updateUser (roles, password), unlockUser, deleteUser. Keys sit under the configuration
 * resources, so the site's pushes refresh open lists when anyone changes them.
 */
import { queryOptions } from '@tanstack/react-query';
import { queryKeys } from '@nightjar/ui';
import type { SiteClient } from '@nightjar/ui';
import type { Static, securitySchemas } from '@nightjar/vms-core';

export type RoleBody = Static<typeof securitySchemas.RoleSchema>;
export type CreateRoleBody = Static<typeof securitySchemas.CreateRoleRequest>;
export type UpdateRoleBody = Static<typeof securitySchemas.UpdateRoleRequest>;
export type UserBody = Static<typeof securitySchemas.UserSchema>;
export type CreateUserBody = Static<typeof securitySchemas.CreateUserRequest>;
export type UpdateUserBody = Static<typeof securitySchemas.UpdateUserRequest>;

/** The built-in role that holds every right and cannot be changed. */
export const ADMINISTRATORS = 'administrators';

const path = (base: string, id: string) => `${base}/${encodeURIComponent(id)}`;

export function rolesQuery(client: SiteClient) {
  return queryOptions({
    queryKey: [...queryKeys.configuration('roles'), 'list'],
    queryFn: ({ signal }) => client.request<RoleBody[]>('/api/roles', { signal }),
    staleTime: 60_000,
  });
}

export const createRole = (client: SiteClient, body: CreateRoleBody) => client.request<RoleBody>('/api/roles', { method: 'POST', body });
export const updateRole = (client: SiteClient, id: string, body: UpdateRoleBody) => client.request<RoleBody>(path('/api/roles', id), { method: 'PATCH', body });
export const deleteRole = (client: SiteClient, id: string) => client.request<null>(path('/api/roles', id), { method: 'DELETE' });

export function usersQuery(client: SiteClient) {
  return queryOptions({
    queryKey: [...queryKeys.configuration('users'), 'list'],
    queryFn: ({ signal }) => client.request<UserBody[]>('/api/users', { signal }),
    staleTime: 30_000,
  });
}

export const createUser = (client: SiteClient, body: CreateUserBody) => client.request<UserBody>('/api/users', { method: 'POST', body });
export const updateUser = (client: SiteClient, id: string, body: UpdateUserBody) => client.request<UserBody>(path('/api/users', id), { method: 'PATCH', body });
export const unlockUser = (client: SiteClient, id: string) => client.request<UserBody>(`${path('/api/users', id)}/unlock`, { method: 'POST' });
export const deleteUser = (client: SiteClient, id: string) => client.request<null>(path('/api/users', id), { method: 'DELETE' });
