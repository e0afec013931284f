import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { VmsError } from '../../../base/common/errors';
import { jsonDiff } from '../../../management/common/audit';
import type { ClientProfile } from '../../../management/common/clientProfile';
import { hasAdminFlag } from '../../../management/common/permissions';
import { ClientProfileSchema, CreateClientProfileRequest, UpdateClientProfileRequest } from '../../common/clientProfileSchemas';
import type { ClientProfileBody, EffectiveClientProfileBody } from '../../common/clientProfileSchemas';
import { ErrorBody } from '../../common/schemas';
import { audit, requireFlag } from '../access';
import type { ApiDeps } from '../apiDeps';
import { iso } from '../server';

const Params = Type.Object({ clientProfileId: Type.String() });

/*
 * Smart Client profiles (management/common/clientProfile.ts; docs/design/client-profiles.md).
 * Reading them needs manageConfiguration or manageUsers (whoever edits roles sees which profile
 * a role gets); changing them needs manageConfiguration. Every signed-in user reads their own
 * effective profile on getCurrentUser. Changes are audited, which announces configurationChanged
 * "clientProfiles" to every client, so open Smart Clients apply a change at once.
 */
export const clientProfileRoutes = (deps: ApiDeps): FastifyPluginAsyncTypebox => async (app) => {
  const store = deps.config.clientProfiles;
  const requireReader = (req: FastifyRequest) => {
    if (!hasAdminFlag(req.roles, 'manageConfiguration') && !hasAdminFlag(req.roles, 'manageUsers')) {
      throw new VmsError('VMS_ERR_PERMISSION_DENIED', 'this needs a role that may manage configuration or users');
    }
  };
  /** The roles a change takes from other profiles, by the profile that had them, for the audit entry. */
  const takenFrom = (id: string | null, roleIds: readonly string[] | undefined): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const p of store.list()) {
      if (p.id === id) continue;
      for (const r of p.roleIds) if (roleIds?.includes(r)) out[r] = p.name;
    }
    return out;
  };

  app.get('/api/client-profiles', {
    schema: {
      operationId: 'listClientProfiles', summary: 'Smart Client profiles by priority, the default profile last', tags: ['client'],
      response: { 200: Type.Array(ClientProfileSchema), 403: ErrorBody },
    },
  }, async (req) => {
    requireReader(req);
    return store.list().map(clientProfileBody);
  });

  app.post('/api/client-profiles', {
    schema: {
      operationId: 'createClientProfile', summary: 'Create a Smart Client profile and assign it to roles', tags: ['client'],
      body: CreateClientProfileRequest, response: { 201: ClientProfileSchema, 400: ErrorBody, 403: ErrorBody, 409: ErrorBody },
    },
  }, async (req, reply) => {
    requireFlag(req, 'manageConfiguration');
    const { name, description = '', roleIds = [], settings, position } = req.body;
    const moved = takenFrom(null, roleIds);
    const created = store.create({ name, description, roleIds, ...(settings ? { settings } : {}) }, deps.clock.now(), position);
    audit(deps, req, { action: 'createClientProfile', target: created.id, details: { clientProfile: { id: created.id, ...stored(created) }, ...(Object.keys(moved).length ? { rolesTakenFrom: moved } : {}) } });
    return reply.status(201).send(clientProfileBody(created));
  });

  app.patch('/api/client-profiles/:clientProfileId', {
    schema: {
      operationId: 'updateClientProfile', summary: 'Change a Smart Client profile: name, settings, roles, priority', tags: ['client'],
      params: Params, body: UpdateClientProfileRequest, response: { 200: ClientProfileSchema, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
    },
  }, async (req) => {
    requireFlag(req, 'manageConfiguration');
    const before = store.get(req.params.clientProfileId);
    const moved = takenFrom(before.id, req.body.roleIds);
    const after = store.update(before.id, req.body, deps.clock.now());
    audit(deps, req, {
      action: 'updateClientProfile', target: after.id,
      details: { name: after.name, changes: jsonDiff(stored(before), stored(after)), ...(Object.keys(moved).length ? { rolesTakenFrom: moved } : {}) },
    });
    return clientProfileBody(after);
  });

  app.delete('/api/client-profiles/:clientProfileId', {
    schema: {
      operationId: 'deleteClientProfile', summary: 'Delete a Smart Client profile; its roles get the default profile (409 for the default profile)', tags: ['client'],
      params: Params, response: { 204: Type.Null(), 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
    },
  }, async (req, reply) => {
    requireFlag(req, 'manageConfiguration');
    const gone = store.delete(req.params.clientProfileId);
    audit(deps, req, { action: 'deleteClientProfile', target: gone.id, details: { clientProfile: { id: gone.id, ...stored(gone) } } });
    return reply.status(204).send(null);
  });
};

export function clientProfileBody(p: ClientProfile): ClientProfileBody {
  return {
    id: p.id, name: p.name, description: p.description, isDefault: p.isDefault, position: p.position, roleIds: p.roleIds,
    settings: p.settings, updatedAt: iso(p.updatedAt),
  };
}

/** The caller's profile on getCurrentUser. */
export function effectiveProfileBody(p: ClientProfile): EffectiveClientProfileBody {
  return { id: p.id, name: p.name, settings: p.settings };
}

function stored(p: ClientProfile) {
  return { name: p.name, description: p.description, roleIds: p.roleIds, position: p.position, settings: p.settings };
}
