/**
 * The site's roles for choosing who sees a group or gets a profile. listRoles needs the right to
 * manage users: without it the roles are not asked for and the pickers say why.
 */
import { useQuery } from '@tanstack/react-query';
import { currentUserQuery } from '@nightjar/ui';
import { rolesQuery } from '../security/securityApi';
import type { RoleBody } from '../security/securityApi';
import { useAdmin } from '../session/adminContext';

export interface RoleNames {
  roles: readonly RoleBody[] | undefined;
  /** False when the caller may not read roles (no manageUsers). */
  readable: boolean;
  error: Error | null;
  nameOf: (id: string) => string | undefined;
}

export function useRoleNames(): RoleNames {
  const { client } = useAdmin();
  const me = useQuery(currentUserQuery(client));
  const readable = me.data?.manageUsers === true;
  const roles = useQuery({ ...rolesQuery(client), enabled: readable });
  const byId = new Map((roles.data ?? []).map((r) => [r.id, r.name]));
  return { roles: roles.data, readable, error: roles.error, nameOf: (id) => byId.get(id) };
}
