/** A role in a few words, for lists: what its members may do. */
import type { RoleBody } from './securityApi';
import { ADMINISTRATORS } from './securityApi';

export function roleSummary(role: Pick<RoleBody, 'id' | 'manageConfiguration' | 'manageUsers' | 'grants'>): string {
  if (role.id === ADMINISTRATORS) return 'everything';
  const cameras = new Set(role.grants.filter((g) => g.rights.length > 0).map((g) => g.cameraId));
  const parts = [
    role.manageConfiguration ? 'configuration' : null,
    role.manageUsers ? 'users and roles' : null,
    cameras.size === 0 ? null : cameras.has(null) ? 'rights on all cameras' : `rights on ${cameras.size} camera${cameras.size === 1 ? '' : 's'}`,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'no rights yet';
}
