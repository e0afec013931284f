import { describe, expect, it } from 'vitest';
import type { CameraBody, StorageBody } from '../../src/api/common/schemas';
import { OPERATORS_ROLE_ID } from '../../src/management/common/permissions';
import { TestSite, testCamera } from './siteFixture';
import type { ErrorReply } from './siteFixture';

const OPERATION_IDS = [
  'login', 'addHardware', 'listCameras', 'getCamera', 'updateCamera', 'getCameraStatus', 'listCameraStatuses', 'listSequences',
  'startManualRecording', 'stopManualRecording', 'triggerRecordingEvent', 'createEvidenceLock', 'listEvidenceLocks',
  'listStorages', 'updateStorage', 'listEvents', 'logout',
  'refreshToken', 'listRoles', 'createRole', 'updateRole', 'deleteRole', 'listUsers', 'createUser', 'updateUser', 'deleteUser', 'listAuditLog',
  'listViews', 'createView', 'updateView', 'deleteView',
  'listViewGroups', 'createViewGroup', 'updateViewGroup', 'deleteViewGroup',
  'listClientProfiles', 'createClientProfile', 'updateClientProfile', 'deleteClientProfile',
  // Issue 5: the site's configuration.
  'getSite', 'updateSite', 'listRecordingServers', 'updateRecordingServer', 'discoverHardware', 'scanHardware', 'updateHardware', 'deleteHardware',
  'createStorage', 'listTimeProfiles', 'getTimeProfile', 'createTimeProfile', 'updateTimeProfile', 'deleteTimeProfile',
  'exportConfiguration', 'importConfiguration', 'getSystemStatus',
  // Issue 6: events, rules and logs.
  'createUserDefinedEvent', 'listUserDefinedEvents', 'triggerUserDefinedEvent', 'createGenericEvent', 'updateGenericEventSource',
  'createRule', 'listRules', 'updateRule', 'deleteRule', 'listSystemLog', 'listRuleLog',
  // The Management Client's security, rules and log pages.
  'unlockUser', 'updateUserDefinedEvent', 'deleteGenericEventSource', 'updateGenericEvent',
  'listAlarmDefinitions', 'createAlarmDefinition', 'getAlarmDefinition', 'updateAlarmDefinition', 'deleteAlarmDefinition',
  'listAlarms', 'getAlarm', 'updateAlarm', 'bulkUpdateAlarms',
  // Notifications: the SMTP server and notification profiles.
  'getSmtpSettings', 'updateSmtpSettings', 'listNotificationProfiles', 'createNotificationProfile', 'updateNotificationProfile',
  'deleteNotificationProfile', 'testNotificationProfile',
  // Analytics events over HTTP and their sources; CSV exports of the logs.
  'sendAnalyticsEvent', 'listAnalyticsSources', 'createAnalyticsSource', 'updateAnalyticsSource', 'deleteAnalyticsSource',
  'exportSystemLog', 'exportRuleLog', 'exportAuditLog',
];

/** A camera whose configuration the validation tests try to change; it need not stream. */
async function siteWithCamera(): Promise<{ ts: TestSite; camera: CameraBody }> {
  const ts = await TestSite.open();
  const cam = await testCamera();
  const camera = await ts.addRtspCamera(cam.url);
  return { ts, camera };
}

describe('API contract', () => {
  it('publishes an OpenAPI 3 document with every operation', async () => {
    const ts = await TestSite.open();
    const res = await ts.request<{ openapi: string; paths: Record<string, Record<string, { operationId?: string }>> }>('GET', '/api/openapi.json', undefined, null);
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    const ids = Object.values(res.body.paths).flatMap((ops) => Object.values(ops).map((op) => op.operationId));
    expect(ids).toEqual(expect.arrayContaining(OPERATION_IDS));
    // The live event stream is a WebSocket: described beside the operations, with its messages.
    const sockets = (res.body as unknown as { 'x-websockets': Record<string, { description: string; clientMessages: object; serverMessages: object }> })['x-websockets'];
    expect(sockets['/api/events/stream']).toMatchObject({ description: expect.stringMatching(/first text message/), clientMessages: { auth: expect.any(Object) } });
  });

  it('refuses requests without a valid token, and tokens after logout', async () => {
    const ts = await TestSite.open();
    for (const token of [null, 'not-a-token']) {
      const res = await ts.request<ErrorReply>('GET', '/api/cameras', undefined, token);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('VMS_ERR_UNAUTHENTICATED');
    }
    const wrong = await ts.request<ErrorReply>('POST', '/api/login', { username: 'admin', password: 'wrong' }, null);
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('VMS_ERR_BAD_CREDENTIALS');
    const unknown = await ts.request<ErrorReply>('POST', '/api/login', { username: 'nobody', password: 'wrong' }, null);
    expect(unknown.status).toBe(401);
    expect(unknown.body.message).toBe(wrong.body.message);

    expect((await ts.request('GET', '/api/cameras')).status).toBe(200);
    expect((await ts.request('POST', '/api/logout')).status).toBe(204);
    const after = await ts.request<ErrorReply>('GET', '/api/cameras');
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('VMS_ERR_UNAUTHENTICATED');
  });

  it('lets an operator read and record but not change configuration', async () => {
    const { ts, camera } = await siteWithCamera();
    await ts.site.identity.createUser({ username: 'olivia', password: 'operator-pw', roleIds: [OPERATORS_ROLE_ID] });
    const login = await ts.request<{ token: string; user: { roleIds: string[] } }>('POST', '/api/login', { username: 'olivia', password: 'operator-pw' }, null);
    expect(login.status).toBe(200);
    expect(login.body.user.roleIds).toEqual([OPERATORS_ROLE_ID]);
    const op = login.body.token;

    expect((await ts.request('GET', '/api/cameras', undefined, op)).status).toBe(200);
    expect((await ts.request('GET', '/api/storages', undefined, op)).status).toBe(200);
    const denied = [
      await ts.request<ErrorReply>('PATCH', `/api/cameras/${camera.id}`, { name: 'renamed' }, op),
      await ts.request<ErrorReply>('PATCH', '/api/storages/live', { retentionHours: 1 }, op),
      await ts.request<ErrorReply>('POST', '/api/hardware', { driver: 'rtsp', address: 'rtsp://127.0.0.1:1/x' }, op),
    ];
    for (const res of denied) {
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('VMS_ERR_PERMISSION_DENIED');
    }
    expect((await ts.request<CameraBody>('GET', `/api/cameras/${camera.id}`)).body.name).toBe(camera.name);
    expect((await ts.request<StorageBody[]>('GET', '/api/storages')).body[0]!.retentionHours).toBe(7 * 24);
    expect(await ts.request('GET', '/api/cameras')).toMatchObject({ body: [expect.objectContaining({ id: camera.id })] });
  });

  it('answers bad input with 400 and a message, and changes nothing', async () => {
    const { ts, camera } = await siteWithCamera();
    const seq = (q: string) => ts.request<ErrorReply>('GET', `/api/cameras/${camera.id}/sequences?${q}`);
    const now = Date.now();
    const iso = (ms: number) => new Date(ms).toISOString();

    const cases: [Promise<{ status: number; body: ErrorReply }>, RegExp][] = [
      [seq('from=yesterday&to=today'), /from/],
      [seq(`from=${iso(now)}`), /to/],
      [seq(`from=${iso(now)}&to=${iso(now - 1000)}`), /"to" must be after "from"/],
      [ts.request('PATCH', `/api/cameras/${camera.id}`, { recordStream: 'nope' }), /no stream "nope"/],
      [ts.request('PATCH', `/api/cameras/${camera.id}`, { liveStream: 'nope', name: 'changed' }), /no stream "nope"/],
      [ts.request('PATCH', `/api/cameras/${camera.id}`, { policy: { mode: 'sometimes' } }), /mode/],
      [ts.request('PATCH', '/api/storages/live', { retentionHours: 0 }), /retentionHours/],
      [ts.request('PATCH', '/api/storages/live', { archive: { storageId: 'nowhere' } }), /nowhere/],
      [ts.request('POST', '/api/evidence-locks', { cameraIds: [camera.id], from: iso(now), to: iso(now - 1000), reason: 'x' }), /end after/],
      [ts.request('POST', '/api/evidence-locks', { cameraIds: [camera.id], from: 'then', to: iso(now), reason: 'x' }), /from/],
    ];
    for (const [pending, message] of cases) {
      const res = await pending;
      expect(res.status, `${message} ${JSON.stringify(res.body)}`).toBe(400);
      expect(res.body.code).toBe('VMS_ERR_BAD_INPUT');
      expect(res.body.message).toMatch(message);
    }

    expect((await ts.request<CameraBody>('GET', `/api/cameras/${camera.id}`)).body).toEqual(camera);
    const [storage] = (await ts.request<StorageBody[]>('GET', '/api/storages')).body;
    expect(storage).toMatchObject({ id: 'live', retentionHours: 7 * 24 });
    expect(storage!.archive).toBeUndefined();
    expect((await ts.request<unknown[]>('GET', '/api/evidence-locks')).body).toEqual([]);
  });

  it('answers unknown cameras with 404', async () => {
    const ts = await TestSite.open();
    for (const res of [
      await ts.request<ErrorReply>('GET', '/api/cameras/nope'),
      await ts.request<ErrorReply>('GET', '/api/cameras/nope/status'),
      await ts.request<ErrorReply>('PATCH', '/api/cameras/nope', { name: 'x' }),
      await ts.request<ErrorReply>('POST', '/api/cameras/nope/manual-recording'),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('VMS_ERR_NOT_FOUND');
    }
  });

  it('answers an unknown storage in a request body with 400, and changes nothing', async () => {
    const { ts, camera } = await siteWithCamera();
    const cam = await testCamera();
    const results = [
      await ts.request<ErrorReply>('PATCH', `/api/cameras/${camera.id}`, { storageId: 'nowhere' }),
      await ts.request<ErrorReply>('POST', '/api/hardware', { driver: 'rtsp', address: cam.url, storageId: 'nowhere' }),
    ];
    expect((await ts.request<CameraBody>('GET', `/api/cameras/${camera.id}`)).body.storageId).toBe('live');
    expect((await ts.request<CameraBody[]>('GET', '/api/cameras')).body).toHaveLength(1);
    for (const res of results) {
      expect(res.body.message).toMatch(/nowhere/);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VMS_ERR_BAD_INPUT');
    }
  });

  it('rejects unknown fields instead of dropping them, and refuses manual recording in mode never', async () => {
    const { ts, camera } = await siteWithCamera();
    const typo = await ts.request<ErrorReply>('PATCH', `/api/cameras/${camera.id}`, { colour: 'red' });
    expect(typo.status).toBe(400);
    expect(typo.body.code).toBe('VMS_ERR_BAD_INPUT');
    await ts.request('PATCH', `/api/cameras/${camera.id}`, { policy: { mode: 'never' } });
    const manual = await ts.request<ErrorReply>('POST', `/api/cameras/${camera.id}/manual-recording`);
    expect(manual.status).toBe(409);
    expect(manual.body.message).toMatch(/never/);
  });
});
