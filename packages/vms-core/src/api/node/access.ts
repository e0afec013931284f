/**
 * Who is calling and what they may do, for every route (and later the media paths): the
 * onRequest hook turns a bearer token into `request.user` + `request.roles`; the require*
 * helpers ask management/common/permissions.ts and throw VMS_ERR_PERMISSION_DENIED.
 */
import type { FastifyRequest } from 'fastify';
import { VmsError } from '../../base/common/errors';
import type { AuditRecord } from '../../management/node/auditLog';
import type { AccessDecision, AdminFlag, CameraRight, RoleDefinition } from '../../management/common/permissions';
import { allowedOnEveryCamera, checkCameraAccess, grantsBeyond, hasAdminFlag, hasAnyCameraRight, isAdministrators } from '../../management/common/permissions';
import type { ApiDeps } from './apiDeps';
import { resourcesChangedBy } from '../common/configurationResources';

/**
 * Routes that answer without a token: signing in needs none, and the API describes itself.
 * The updates and event stream WebSockets take their token in their first message (browsers
 * cannot set headers on a WebSocket) and close 4401 without one (routes/updatesSocketRoute.ts,
 * routes/eventStreamRoute.ts). Analytics events come from machines, which prove who they are by
 * address and token instead (routes/analyticsRoutes.ts).
 */
export const PUBLIC_ROUTES = new Set(['/api/login', '/api/token/refresh', '/api/openapi.json', '/api/health', '/api/updates', '/api/events/stream', '/api/analytics-events']);

export function authenticateHook(deps: Pick<ApiDeps, 'identity' | 'roles'>) {
  return async (request: FastifyRequest): Promise<void> => {
    // Decide by the route that matched, never by the raw URL: the router decodes the path, so
    // `/%61pi/storages` reaches `/api/storages`. Unmatched requests end in a 404 anyway.
    const route = request.routeOptions.url;
    if (route === undefined || PUBLIC_ROUTES.has(route) || !route.startsWith('/api/')) return;
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7) : undefined;
    const session = token ? deps.identity.authenticate(token) : undefined;
    // One answer for missing, unknown, expired and revoked tokens: the client signs in or refreshes either way.
    if (!session) throw new VmsError('VMS_ERR_UNAUTHENTICATED', 'a valid bearer token is required (POST /api/login or /api/token/refresh)');
    request.user = session.user;
    request.sessionId = session.familyId;
    request.roles = deps.roles.rolesOfUser(session.user.id);
  };
}

const FLAG_NAMES: Record<AdminFlag, string> = { manageConfiguration: 'manage configuration', manageUsers: 'manage users and roles' };

export function requireFlag(request: FastifyRequest, flag: AdminFlag): void {
  if (!hasAdminFlag(request.roles, flag)) {
    throw new VmsError('VMS_ERR_PERMISSION_DENIED', `this needs a role that may ${FLAG_NAMES[flag]}`);
  }
}

type RolePower = Pick<RoleDefinition, 'manageConfiguration' | 'manageUsers' | 'grants'>;

/**
 * A role being created, changed or assigned may not reach beyond the requester's own rights.
 * For a change, only what it adds counts (`before`): renaming or narrowing a role is fine.
 */
export function requireWithinOwnRights(request: FastifyRequest, role: RolePower, before?: RolePower): void {
  const already = new Set(before ? grantsBeyond(request.roles, before) : []);
  const beyond = grantsBeyond(request.roles, role).filter((item) => !already.has(item));
  if (beyond.length > 0) {
    throw new VmsError('VMS_ERR_PERMISSION_DENIED', `you may hand out only what you hold yourself; not: ${beyond.slice(0, 5).join(', ')}`);
  }
}

export function isAdministrator(request: FastifyRequest): boolean {
  return request.roles.some(isAdministrators);
}

/**
 * Checks one right on one camera now (and, when given, the media instant asked for); returns
 * the decision so callers can clip time ranges to `earliestMedia`.
 */
export function requireCameraRight(
  request: FastifyRequest, now: number, cameraId: string, right: CameraRight, mediaAt?: number,
): Extract<AccessDecision, { allowed: true }> {
  const d = checkCameraAccess(request.roles, { cameraId, right, at: now, ...(mediaAt === undefined ? {} : { mediaAt }) });
  if (!d.allowed) throw new VmsError('VMS_ERR_PERMISSION_DENIED', d.message);
  return d;
}

export function allowsCameraRight(request: FastifyRequest, now: number, cameraId: string, right: CameraRight): boolean {
  return checkCameraAccess(request.roles, { cameraId, right, at: now }).allowed;
}

/**
 * The right on every camera of something spanning cameras (a bookmark, an evidence lock):
 * the first camera lacking it is named in the 403.
 */
export function requireOnEveryCamera(request: FastifyRequest, now: number, cameraIds: readonly string[], right: CameraRight, mediaAt?: number): void {
  for (const c of new Set(cameraIds)) requireCameraRight(request, now, c, right, mediaAt);
}

export function allowsOnEveryCamera(request: FastifyRequest, now: number, cameraIds: readonly string[], right: CameraRight): boolean {
  return allowedOnEveryCamera(request.roles, cameraIds, right, now);
}

/** Some right on the camera, at any hour: enough to see the camera and its state. */
export function canSeeCamera(request: FastifyRequest, cameraId: string): boolean {
  return hasAnyCameraRight(request.roles, cameraId);
}

export function requireCameraVisible(request: FastifyRequest, cameraId: string): void {
  if (!canSeeCamera(request, cameraId)) throw new VmsError('VMS_ERR_PERMISSION_DENIED', `no role grants any right on camera ${cameraId}`);
}

/** Writes an audit entry for the signed-in caller of this request. */
/**
 * Records a change in the audit log and, when it changed configuration, announces that on the
 * updates socket: every configuration change is audited, so this is the one place for both.
 */
export function audit(deps: Pick<ApiDeps, 'audit'> & Partial<Pick<ApiDeps, 'changes'>>, request: FastifyRequest, entry: Omit<AuditRecord, 'userId' | 'username' | 'source'>): void {
  deps.audit.record({ userId: request.user.id, username: request.user.username, source: request.ip, ...entry });
  const resources = entry.outcome === 'failed' ? [] : resourcesChangedBy(entry.action);
  if (resources.length > 0) deps.changes?.fire({ type: 'configuration', resources });
}
