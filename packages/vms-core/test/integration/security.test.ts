import { describe, expect, it } from 'vitest';
import { grantsBeyond } from '../../src/management/common/permissions';
import type { ErrorReply } from './siteFixture';
import type { Method, SecuritySite } from './securityFixture';
import { openSecuritySite } from './securityFixture';
import { BOOKMARK_AND_LOCK_RULES } from './bookmarkSecurityRules';
import { MEDIA_RULES } from './mediaSecurityRules';
import { PTZ_AND_SEARCH_RULES } from './ptzSecurityRules';
import { VIEW_RULES } from './viewSecurityRules';
import { VIEW_GROUP_AND_PROFILE_RULES } from './viewGroupSecurityRules';
import { CONFIGURATION_RULES } from './configurationSecurityRules';
import { EVENT_RULE_RULES } from './eventRuleSecurityRules';
import { ALARM_RULES } from './alarmSecurityRules';
import { NOTIFICATION_RULES } from './notificationSecurityRules';
import { ANALYTICS_AND_EXPORT_RULES } from './analyticsAndExportSecurityRules';
import { DEVICE_RULES } from './deviceSecurityRules';

interface Operation {
  operationId: string;
  method: Method;
  /** With every path parameter filled in. */
  url: string;
  public: boolean;
}

/** Every operation of the OpenAPI document, so routes added later are tried too. */
async function operations(s: SecuritySite): Promise<Operation[]> {
  const doc = await s.ts.request<{ paths: Record<string, Record<string, { operationId: string; security?: unknown[] }>> }>('GET', '/api/openapi.json', undefined, null);
  return Object.entries(doc.body.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({
    operationId: op.operationId, method: method.toUpperCase() as Method,
    url: path.replace(/\{[^}]+\}/g, 'some-id'), public: Array.isArray(op.security) && op.security.length === 0,
  })));
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The pure rule, for a holder with every right on camera A: A is within, B is not. */
function grantsWithin(s: SecuritySite): boolean {
  const holder = [{ id: 'r', name: 'r', builtin: false, manageConfiguration: false, manageUsers: true, grants: [{ cameraId: s.cameraA, rights: ['live' as const, 'playback' as const] }] }];
  return grantsBeyond(holder, { manageConfiguration: false, manageUsers: false, grants: [{ cameraId: s.cameraA, rights: ['live'] }] }).length === 0 &&
    grantsBeyond(holder, { manageConfiguration: false, manageUsers: false, grants: [{ cameraId: s.cameraB, rights: ['live'] }] }).length === 1;
}
const hour = 3600_000;

/**
 * What each operation refuses, and to whom. A new operation fails the coverage test until it
 * is listed here: public, open to any signed-in user, or with the 403 cases that prove its check.
 */
const RULES: Record<string, 'public' | ((s: SecuritySite) => Promise<void>)> = {
  login: 'public', refreshToken: 'public', getHealth: 'public',
  logout: async (s) => {
    // Its own session: the actors' tokens must survive for the other rules.
    const { token } = await s.login('nobody', 'nobody-password');
    expect((await s.ts.request('POST', '/api/logout', undefined, token)).status).toBe(204);
  },
  listStorages: async (s) => expect((await s.as('nobody', 'GET', '/api/storages')).status).toBe(200),
  getCurrentUser: async (s) => {
    // Open to every signed-in user, about themselves only: their flags and per-camera rights.
    const me = async (actor: 'nobody' | 'liveOnA' | 'configurer' | 'admin') => (await s.as(actor, 'GET', '/api/me')).body as {
      username: string; administrator: boolean; manageConfiguration: boolean; manageUsers: boolean; cameras: { cameraId: string; rights: string[] }[];
    };
    expect(await me('nobody')).toMatchObject({ username: 'nobody', administrator: false, manageConfiguration: false, manageUsers: false, cameras: [] });
    expect((await me('liveOnA')).cameras).toEqual([{ cameraId: s.cameraA, rights: ['live'] }]);
    expect(await me('configurer')).toMatchObject({ manageConfiguration: true, manageUsers: false, cameras: [] });
    const admin = await me('admin');
    expect(admin).toMatchObject({ administrator: true, manageConfiguration: true, manageUsers: true });
    expect(admin.cameras.map((c) => c.cameraId)).toEqual([s.cameraA, s.cameraB]);
  },
  addHardware: async (s) => s.denied('allOnA', 'POST', '/api/hardware', { driver: 'rtsp', address: 'rtsp://127.0.0.1:9/x' }),
  discoverHardware: async (s) => s.denied('userManager', 'POST', '/api/hardware/discover', { timeoutMs: 100 }),
  updateCamera: async (s) => s.denied('allOnA', 'PATCH', `/api/cameras/${s.cameraA}`, { name: 'renamed' }),
  updateStorage: async (s) => s.denied('allOnA', 'PATCH', '/api/storages/live', { retentionHours: 1 }),
  listCameras: async (s) => {
    const ids = async (actor: 'nobody' | 'allOnA' | 'configurer' | 'admin') =>
      ((await s.as(actor, 'GET', '/api/cameras')).body as { id: string }[]).map((c) => c.id);
    expect(await ids('nobody')).toEqual([]);
    expect(await ids('configurer')).toEqual([]);
    expect(await ids('allOnA')).toEqual([s.cameraA]);
    expect(await ids('admin')).toEqual([s.cameraA, s.cameraB]);
  },
  getCamera: async (s) => {
    await s.denied('allOnA', 'GET', `/api/cameras/${s.cameraB}`);
    await s.denied('nobody', 'GET', `/api/cameras/${s.cameraA}`);
    expect((await s.as('liveOnA', 'GET', `/api/cameras/${s.cameraA}`)).status).toBe(200);
  },
  listCameraStatuses: async (s) => {
    const ids = async (actor: 'nobody' | 'liveOnA' | 'admin', query = '') =>
      ((await s.as(actor, 'GET', `/api/camera-status${query}`)).body as { cameraId: string }[]).map((c) => c.cameraId);
    expect(await ids('nobody')).toEqual([]);
    expect(await ids('liveOnA')).toEqual([s.cameraA]);
    // Naming a camera one may not see gets nothing about it.
    expect(await ids('liveOnA', `?ids=${s.cameraA},${s.cameraB}`)).toEqual([s.cameraA]);
    expect(await ids('admin', `?ids=${s.cameraB}`)).toEqual([s.cameraB]);
  },
  getCameraStatus: async (s) => {
    await s.denied('allOnA', 'GET', `/api/cameras/${s.cameraB}/status`);
    expect((await s.as('liveOnA', 'GET', `/api/cameras/${s.cameraA}/status`)).status).toBe(200);
  },
  listSequences: async (s) => {
    const q = `from=${iso(s.clock.now() - hour)}&to=${iso(s.clock.now())}`;
    await s.denied('allOnA', 'GET', `/api/cameras/${s.cameraB}/sequences?${q}`);
    await s.denied('liveOnA', 'GET', `/api/cameras/${s.cameraA}/sequences?${q}`);
    expect((await s.as('allOnA', 'GET', `/api/cameras/${s.cameraA}/sequences?${q}`)).status).toBe(200);
  },
  startManualRecording: async (s) => {
    await s.denied('allOnA', 'POST', `/api/cameras/${s.cameraB}/manual-recording`);
    await s.denied('configurer', 'POST', `/api/cameras/${s.cameraA}/manual-recording`);
  },
  stopManualRecording: async (s) => s.denied('allOnA', 'DELETE', `/api/cameras/${s.cameraB}/manual-recording`),
  triggerRecordingEvent: async (s) => s.denied('allOnA', 'POST', `/api/cameras/${s.cameraB}/events`, { durationSeconds: 5 }),
  createEvidenceLock: async (s) => {
    const lock = (cameraIds: string[]) => ({ cameraIds, from: iso(s.clock.now() - hour), to: iso(s.clock.now()), reason: 'incident' });
    await s.denied('liveOnA', 'POST', '/api/evidence-locks', lock([s.cameraA]));
    await s.denied('allOnA', 'POST', '/api/evidence-locks', lock([s.cameraA, s.cameraB]));
    expect((await s.as('allOnA', 'POST', '/api/evidence-locks', lock([s.cameraA]))).status).toBe(201);
  },
  listEvidenceLocks: async (s) => {
    const lock = { cameraIds: [s.cameraA, s.cameraB], from: iso(s.clock.now() - hour), to: iso(s.clock.now()), reason: 'both' };
    expect((await s.as('admin', 'POST', '/api/evidence-locks', lock)).status).toBe(201);
    const reasons = async (actor: 'admin' | 'allOnA' | 'liveOnA') => ((await s.as(actor, 'GET', '/api/evidence-locks')).body as { reason: string }[]).map((l) => l.reason);
    expect(await reasons('admin')).toContain('both');
    expect(await reasons('allOnA')).not.toContain('both');
    expect(await reasons('liveOnA')).toEqual([]);
  },
  listEvents: async (s) => {
    s.ts.site.events.raise({ type: 'connectionLost', cameraId: s.cameraB, severity: 'warning', message: 'B lost' });
    s.ts.site.events.raise({ type: 'connectionLost', cameraId: s.cameraA, severity: 'warning', message: 'A lost' });
    const messages = async (actor: 'admin' | 'allOnA' | 'nobody') => ((await s.as(actor, 'GET', '/api/events?limit=5000')).body as { message: string; cameraId?: string }[]);
    expect((await messages('allOnA')).every((e) => e.cameraId === s.cameraA)).toBe(true);
    expect((await messages('allOnA')).map((e) => e.message)).toContain('A lost');
    expect((await messages('admin')).map((e) => e.message)).toEqual(expect.arrayContaining(['A lost', 'B lost']));
    expect(await messages('nobody')).toEqual([]);
  },
  listRoles: async (s) => s.denied('configurer', 'GET', '/api/roles'),
  createRole: async (s) => s.denied('configurer', 'POST', '/api/roles', { name: 'sneaky', manageUsers: true }),
  updateRole: async (s) => {
    await s.denied('allOnA', 'PATCH', `/api/roles/${s.roleIds.allOnA}`, { grants: [{ cameraId: null, rights: ['live'] }] });
    const admin = await s.as('userManager', 'PATCH', '/api/roles/administrators', { name: 'Mine' });
    expect(admin.status).toBe(409);
  },
  deleteRole: async (s) => {
    await s.denied('configurer', 'DELETE', `/api/roles/${s.roleIds.liveOnA}`);
    expect((await s.as('admin', 'DELETE', '/api/roles/administrators')).status).toBe(409);
  },
  listUsers: async (s) => s.denied('configurer', 'GET', '/api/users'),
  createUser: async (s) => {
    await s.denied('configurer', 'POST', '/api/users', { username: 'eve', password: 'eve-password', roleIds: [] });
    // Managing users does not include making administrators.
    await s.denied('userManager', 'POST', '/api/users', { username: 'eve', password: 'eve-password', roleIds: ['administrators'] });
  },
  updateUser: async (s) => {
    await s.denied('allOnA', 'PATCH', `/api/users/${s.userIds.allOnA}`, { roleIds: ['administrators'] });
    await s.denied('userManager', 'PATCH', `/api/users/${s.userIds.userManager}`, { roleIds: ['administrators'] });
    const adminId = (await s.ts.request<{ user: { id: string } }>('POST', '/api/login', { username: 'admin', password: 'admin-secret' }, null)).body.user.id;
    await s.denied('userManager', 'PATCH', `/api/users/${adminId}`, { password: 'taken-over' });
  },
  deleteUser: async (s) => s.denied('liveOnA', 'DELETE', `/api/users/${s.userIds.nobody}`),
  unlockUser: async (s) => {
    await s.denied('configurer', 'POST', `/api/users/${s.userIds.nobody}/unlock`);
    // Administrator accounts are the administrators' business, locks included.
    const adminId = (await s.ts.request<{ user: { id: string } }>('POST', '/api/login', { username: 'admin', password: 'admin-secret' }, null)).body.user.id;
    await s.denied('userManager', 'POST', `/api/users/${adminId}/unlock`);
    expect((await s.as('userManager', 'POST', `/api/users/${s.userIds.nobody}/unlock`)).status).toBe(200);
  },
  listAuditLog: async (s) => s.denied('configurer', 'GET', '/api/audit-log'),
  // createBookmark, searchBookmarks, getBookmark, updateBookmark, deleteBookmark, getEvidenceLock, extendEvidenceLock, deleteEvidenceLock
  ...BOOKMARK_AND_LOCK_RULES,
  // getLiveStream, getSnapshot, getPlayback, getThumbnail, createExport, listExports, getExportJob, cancelExport, downloadExport
  ...MEDIA_RULES,
  // ptzMove, ptzStop, listPtzPresets, gotoPtzPreset, searchMotion
  ...PTZ_AND_SEARCH_RULES,
  // listViews, createView, updateView, deleteView
  ...VIEW_RULES,
  // listViewGroups, createViewGroup, updateViewGroup, deleteViewGroup, listClientProfiles, createClientProfile,
  // updateClientProfile, deleteClientProfile
  ...VIEW_GROUP_AND_PROFILE_RULES,
  // getSite, updateSite, listRecordingServers, updateRecordingServer, createStorage, scanHardware, listHardware, updateHardware, deleteHardware,
  // listTimeProfiles, getTimeProfile, createTimeProfile, updateTimeProfile, deleteTimeProfile, exportConfiguration,
  // importConfiguration, getSystemStatus
  ...CONFIGURATION_RULES,
  // listRules, getRule, createRule, updateRule, deleteRule, createUserDefinedEvent, deleteUserDefinedEvent, listUserDefinedEvents,
  // triggerUserDefinedEvent, listGenericEventSources, createGenericEventSource, updateGenericEventSource, listGenericEvents,
  // createGenericEvent, deleteGenericEvent, listSystemLog, listRuleLog, getLogSettings, updateLogSettings,
  // updateUserDefinedEvent, deleteGenericEventSource, updateGenericEvent
  ...EVENT_RULE_RULES,
  // listAlarmDefinitions, getAlarmDefinition, createAlarmDefinition, updateAlarmDefinition, deleteAlarmDefinition,
  // listAlarms, getAlarm, updateAlarm, bulkUpdateAlarms
  ...ALARM_RULES,
  // getSmtpSettings, updateSmtpSettings, listNotificationProfiles, createNotificationProfile, updateNotificationProfile,
  // deleteNotificationProfile, testNotificationProfile
  ...NOTIFICATION_RULES,
  // sendAnalyticsEvent (public), listAnalyticsSources, createAnalyticsSource, updateAnalyticsSource, deleteAnalyticsSource,
  // exportSystemLog, exportRuleLog, exportAuditLog
  ...ANALYTICS_AND_EXPORT_RULES,
  // listDevices, getDevice, updateDevice, setOutputState
  ...DEVICE_RULES,
};

describe('API security', () => {
  it('refuses every non-public operation without a token, with an expired one and with a revoked one', async () => {
    const s = await openSecuritySite();
    const expired = (await s.login('allOnA', 'allOnA-password')).token;
    s.clock.offsetMs += 15 * 60_000;
    const revoked = await s.login('allOnA', 'allOnA-password');
    expect((await s.ts.request('POST', '/api/logout', undefined, revoked.token)).status).toBe(204);
    const ops = await operations(s);
    expect(ops.filter((o) => !o.public).length).toBeGreaterThan(20);
    for (const op of ops.filter((o) => !o.public)) {
      for (const [what, token] of [['no', null], ['an expired', expired], ['a revoked', revoked.token], ['a refresh', revoked.refreshToken]] as const) {
        const res = await s.ts.request<ErrorReply>(op.method, op.url, op.method === 'GET' || op.method === 'DELETE' ? undefined : {}, token);
        expect(res.status, `${op.operationId} with ${what} token`).toBe(401);
        expect(res.body.code).toBe('VMS_ERR_UNAUTHENTICATED');
      }
    }
  });

  it('does not let an encoded path slip past the token check', async () => {
    const s = await openSecuritySite();
    for (const url of ['/%61pi/storages', '/api/%73torages', '/%61pi/cameras', '/api//storages']) {
      const res = await s.ts.request<ErrorReply>('GET', url, undefined, null);
      expect([401, 404], `${url}: ${res.status}`).toContain(res.status);
    }
    expect((await s.ts.request('GET', '/%61pi/storages', undefined, null)).status).toBe(401);
  });

  it('does not let a user manager hand out, or take, more than it holds', async () => {
    const s = await openSecuritySite();
    await s.denied('userManager', 'POST', '/api/roles', { name: 'power', manageConfiguration: true });
    await s.denied('userManager', 'POST', '/api/roles', { name: 'eyes', grants: [{ cameraId: null, rights: ['live'] }] });
    await s.denied('userManager', 'PATCH', `/api/roles/${s.roleIds.userManager}`, { grants: [{ cameraId: s.cameraA, rights: ['playback'] }] });
    await s.denied('userManager', 'PATCH', `/api/users/${s.userIds.userManager}`, { roleIds: [s.roleIds.userManager, 'operators'] });
    // Within its own power it still works: renaming a role, a role with only its own flag.
    expect((await s.as('userManager', 'PATCH', `/api/roles/${s.roleIds.liveOnA}`, { name: 'Live on A' })).status).toBe(200);
    expect((await s.as('userManager', 'POST', '/api/roles', { name: 'helpers', manageUsers: true })).status).toBe(201);
    // allOnA may pass on what it holds on camera A.
    expect(grantsWithin(s)).toBe(true);
  });

  it('checks rights on every operation', async () => {
    const s = await openSecuritySite();
    const ops = await operations(s);
    expect(Object.keys(RULES).sort(), 'every operation needs a rule here').toEqual(ops.map((o) => o.operationId).sort());
    for (const op of ops) {
      const rule = RULES[op.operationId]!;
      expect(rule === 'public', `${op.operationId}: public in the document iff public here`).toBe(op.public);
      if (rule !== 'public') await rule(s);
    }
  });
});

interface AuditRow { action: string; userId: string | null; username: string | null; source: string | null; target: string | null; outcome: string; details: Record<string, unknown> | null }

describe('sessions, lockout and audit through the API', () => {
  it('rotates refresh tokens, revokes the session on reuse, and logout ends both tokens', async () => {
    const s = await openSecuritySite();
    const first = await s.login('allOnA', 'allOnA-password');
    const refresh = (refreshToken: string) => s.ts.request<{ token: string; refreshToken: string; user: { username: string } } & ErrorReply>('POST', '/api/token/refresh', { refreshToken }, null);
    const second = await refresh(first.refreshToken);
    expect(second.status).toBe(200);
    expect(second.body.user.username).toBe('allOnA');
    expect((await s.ts.request('GET', '/api/cameras', undefined, second.body.token)).status).toBe(200);
    const reused = await refresh(first.refreshToken);
    expect(reused.status).toBe(401);
    expect(reused.body.code).toBe('VMS_ERR_TOKEN_REUSED');
    expect((await s.ts.request('GET', '/api/cameras', undefined, second.body.token)).status).toBe(401);
    expect((await refresh(second.body.refreshToken)).status).toBe(401);

    const third = await s.login('allOnA', 'allOnA-password');
    expect((await s.ts.request('POST', '/api/logout', undefined, third.token)).status).toBe(204);
    expect((await refresh(third.refreshToken)).body.code).toBe('VMS_ERR_UNAUTHENTICATED');

    const audit = (await s.as('admin', 'GET', '/api/audit-log?action=refreshTokenReused')).body as AuditRow[];
    expect(audit).toEqual([expect.objectContaining({ username: 'allOnA', userId: s.userIds.allOnA, outcome: 'failed' })]);
  });

  it('slows and then locks repeated failed logins, answering 429 with Retry-After', async () => {
    const s = await openSecuritySite();
    const attempt = (password: string) => s.ts.site.api.inject({ method: 'POST', url: '/api/login', remoteAddress: '10.9.8.7', payload: { username: 'liveOnA', password } });
    expect((await attempt('wrong-1')).statusCode).toBe(401);
    expect((await attempt('wrong-2')).statusCode).toBe(401);
    const slowed = await attempt('liveOnA-password');
    expect(slowed.statusCode).toBe(429);
    expect(slowed.json()).toMatchObject({ code: 'VMS_ERR_TOO_MANY_ATTEMPTS' });
    expect(slowed.headers['retry-after']).toBe('1');
    for (const waitMs of [1000, 2000, 4000]) {
      s.clock.offsetMs += waitMs;
      expect((await attempt('wrong')).statusCode).toBe(401);
    }
    const locked = await attempt('liveOnA-password');
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({ code: 'VMS_ERR_LOCKED_OUT' });
    expect(Number(locked.headers['retry-after'])).toBe(300);
    const users = (await s.as('admin', 'GET', '/api/users')).body as { username: string; lockedUntil?: string }[];
    expect(users.find((u) => u.username === 'liveOnA')?.lockedUntil).toBeDefined();
    s.clock.offsetMs += 5 * 60_000;
    expect((await attempt('liveOnA-password')).statusCode).toBe(200);

    const failed = (await s.as('admin', 'GET', '/api/audit-log?action=loginFailed')).body as AuditRow[];
    expect(failed).toHaveLength(7);
    expect(failed.every((e) => e.source === '10.9.8.7' && e.username === 'liveOnA' && e.userId === s.userIds.liveOnA)).toBe(true);
    expect(failed.map((e) => e.details?.code)).toEqual([
      'VMS_ERR_BAD_CREDENTIALS', 'VMS_ERR_BAD_CREDENTIALS', 'VMS_ERR_TOO_MANY_ATTEMPTS',
      'VMS_ERR_BAD_CREDENTIALS', 'VMS_ERR_BAD_CREDENTIALS', 'VMS_ERR_BAD_CREDENTIALS', 'VMS_ERR_LOCKED_OUT',
    ]);
  });

  it('refuses playback outside the schedule of a time-limited role', async () => {
    const s = await openSecuritySite();
    const now = new Date(s.clock.now());
    const role = await s.as('admin', 'PATCH', `/api/roles/${s.roleIds.liveOnA}`, {
      grants: [
        { cameraId: s.cameraA, rights: ['live'] },
        // Playback today only, for the two hours around now (clamped to the day).
        { cameraId: s.cameraA, rights: ['playback'], timeProfile: { maxAgeDays: 1, windows: [{
          days: [now.getUTCDay()], from: `${String(Math.max(0, now.getUTCHours() - 1)).padStart(2, '0')}:00`,
          to: now.getUTCHours() >= 23 ? '24:00' : `${String(now.getUTCHours() + 1).padStart(2, '0')}:00`,
        }] } },
      ],
    });
    expect(role.status, JSON.stringify(role.body)).toBe(200);
    const seq = () => s.as('liveOnA', 'GET', `/api/cameras/${s.cameraA}/sequences?from=${iso(s.clock.now() - 30 * 24 * hour)}&to=${iso(s.clock.now())}`);
    expect((await seq()).status).toBe(200);
    // Two hours on the window has closed; sign in again since the access token has expired too.
    s.clock.offsetMs += 2 * hour;
    s.tokens.liveOnA = (await s.login('liveOnA', 'liveOnA-password')).token;
    expect((await s.as('liveOnA', 'GET', `/api/cameras/${s.cameraA}`)).status, 'the camera stays visible').toBe(200);
    const outside = await seq();
    expect(outside.status).toBe(403);
    expect((outside.body as ErrorReply).message).toMatch(/allowed only/);
  });

  it('records sign-ins, configuration and rights changes, and evidence locks with what changed', async () => {
    const s = await openSecuritySite();
    expect((await s.ts.request('POST', '/api/login', { username: 'admin', password: 'nope' }, null)).status).toBe(401);
    expect((await s.as('configurer', 'PATCH', `/api/cameras/${s.cameraA}`, { name: 'Front door' })).status).toBe(200);
    expect((await s.as('configurer', 'PATCH', '/api/storages/live', { retentionHours: 48 })).status).toBe(200);
    expect((await s.as('allOnA', 'POST', '/api/evidence-locks', { cameraIds: [s.cameraA], from: iso(s.clock.now() - hour), to: iso(s.clock.now()), reason: 'theft' })).status).toBe(201);
    expect((await s.as('userManager', 'PATCH', `/api/roles/${s.roleIds.liveOnA}`, { name: 'Live on A' })).status).toBe(200);
    expect((await s.as('userManager', 'PATCH', `/api/users/${s.userIds.nobody}`, { password: 'new-password!' })).status).toBe(200);
    expect((await s.as('userManager', 'DELETE', `/api/users/${s.userIds.nobody}`)).status).toBe(204);
    expect((await s.as('userManager', 'DELETE', `/api/roles/${s.roleIds.liveOnA}`)).status).toBe(204);
    expect((await s.as('allOnA', 'POST', '/api/logout')).status).toBe(204);

    const log = (await s.as('admin', 'GET', '/api/audit-log?limit=5000')).body as AuditRow[];
    const one = (action: string, target?: string | null) => {
      const found = log.filter((e) => e.action === action && (target === undefined || e.target === target));
      expect(found, action).toHaveLength(1);
      return found[0]!;
    };
    expect(log.filter((e) => e.action === 'addHardware')).toHaveLength(2);
    expect(log.filter((e) => e.action === 'createRole')).toHaveLength(4);
    expect(log.filter((e) => e.action === 'createUser')).toHaveLength(5);
    expect(log.filter((e) => e.action === 'login' && e.outcome === 'ok').map((e) => e.username)).toEqual(
      expect.arrayContaining(['admin', 'nobody', 'allOnA', 'liveOnA', 'configurer', 'userManager']));
    expect(one('loginFailed')).toMatchObject({ username: 'admin', source: '127.0.0.1', outcome: 'failed' });
    expect(one('updateCamera')).toMatchObject({ username: 'configurer', target: s.cameraA, details: { changes: { name: { from: 'A', to: 'Front door' } } } });
    expect(one('updateStorage')).toMatchObject({ target: 'live', details: { changes: { retentionHours: { from: 168, to: 48 } } } });
    expect(one('createEvidenceLock')).toMatchObject({ username: 'allOnA', details: { lock: { reason: 'theft', cameraIds: [s.cameraA] } } });
    expect(one('updateRole')).toMatchObject({ username: 'userManager', target: s.roleIds.liveOnA, details: { changes: { name: { from: 'liveOnA', to: 'Live on A' } } } });
    expect(one('updateUser')).toMatchObject({ target: s.userIds.nobody, details: { changes: {}, passwordChanged: true } });
    expect(one('deleteUser')).toMatchObject({ target: s.userIds.nobody, details: { username: 'nobody' } });
    expect(one('deleteRole')).toMatchObject({ target: s.roleIds.liveOnA });
    expect(one('logout')).toMatchObject({ username: 'allOnA', userId: s.userIds.allOnA });
    expect(JSON.stringify(log)).not.toMatch(/new-password|-password/);
  });
});
