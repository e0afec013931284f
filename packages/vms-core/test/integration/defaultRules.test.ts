import { describe, expect, it } from 'vitest';
import type { RuleBody } from '../../src/api/common/ruleSchemas';
import type { RuleLogEntryBody } from '../../src/api/common/eventSchemas';
import type { CameraBody } from '../../src/api/common/schemas';
import { BUILT_IN_RULES, BUILT_IN_RULE_STORE_IDS } from '../../src/rules/common/defaultRules';
import { BUILT_IN_RULE_IDS } from '../../src/rules/common/rule';
import { TestSite, testCamera } from './siteFixture';

const MOTION = BUILT_IN_RULE_STORE_IDS.recordOnMotion;
const REQUEST = BUILT_IN_RULE_STORE_IDS.recordOnRequest;
const FEED = BUILT_IN_RULE_STORE_IDS.startFeedAlways;

/** Frames keep arriving for `frames` more frames and none of them is written. */
async function expectNotRecording(ts: TestSite, cameraId: string, frames: number): Promise<void> {
  const before = await ts.status(cameraId);
  const after = await ts.waitForFrames(cameraId, frames);
  expect(after).toMatchObject({ recording: false, framesWritten: before.framesWritten, connection: { state: 'streaming' } });
}

/** A streaming camera in mode motion that detects no motion of its own (all of the picture excluded): motion is what the test raises. */
async function motionCamera(ts: TestSite): Promise<CameraBody> {
  const cam = await testCamera();
  const camera = await ts.addRtspCamera(cam.url);
  await ts.waitForEvent('recordingStarted', { cameraId: camera.id });
  const mark = ts.eventMark();
  await ts.patchCamera(camera.id, {
    policy: { mode: 'motion', preBufferSeconds: 1, postBufferSeconds: 1 }, motion: { exclusions: [{ x: 0, y: 0, width: 1, height: 1 }] },
  });
  await ts.waitForEvent('recordingStopped', { cameraId: camera.id, after: mark });
  await ts.waitForSealed();
  return camera;
}

const ruleLog = async (ts: TestSite, ruleId: string) =>
  (await ts.request<RuleLogEntryBody[]>('GET', `/api/rule-log?ruleId=${ruleId}`)).body.map((e) => `${e.action} ${e.outcome}`).reverse();

describe('default rules', () => {
  it('a new site has them, as the sentences defaultRules.ts documents', async () => {
    const ts = await TestSite.open();
    const rules = (await ts.request<RuleBody[]>('GET', '/api/rules')).body;
    expect(rules.map((r) => r.builtIn).sort()).toEqual([...BUILT_IN_RULE_IDS].sort());
    for (const id of BUILT_IN_RULE_IDS) {
      const { id: storeId, createdAt: _c, updatedAt: _u, builtIn, ...sentence } = rules.find((r) => r.builtIn === id)!;
      expect(storeId).toBe(BUILT_IN_RULE_STORE_IDS[id]);
      // The migration's snapshot still says what the code documents (a new sentence needs a new migration).
      expect(sentence, builtIn).toEqual(BUILT_IN_RULES[id]);
    }
    // Running: "Start feed always" holds every camera's feed, and has from the start.
    expect(ts.site.eventsAndRules.engine.activeRules()).toEqual([{ ruleId: FEED, keys: ['time'] }]);
  });

  it('record motion of cameras in mode motion, with their buffers, until disabled', async () => {
    const ts = await TestSite.open();
    const camera = await motionCamera(ts);
    await expectNotRecording(ts, camera.id, 25);

    let mark = ts.eventMark();
    ts.site.events.raise({ type: 'motionStarted', cameraId: camera.id, severity: 'info', message: 'motion (test)' });
    await ts.waitForEvent('recordingStarted', { cameraId: camera.id, after: mark });
    await ts.waitForFrames(camera.id, 25);
    const stoppedAt = Date.now();
    ts.site.events.raise({ type: 'motionStopped', cameraId: camera.id, severity: 'info', message: 'motion over (test)' });
    await ts.waitForEvent('recordingStopped', { cameraId: camera.id, after: mark });
    // The camera's post-buffer (1 s) ran after the motion stopped.
    expect(Date.now() - stoppedAt).toBeGreaterThanOrEqual(900);
    await ts.waitForSealed();
    expect(await ruleLog(ts, MOTION)).toEqual(['start ok', 'startRecording ok', 'stop ok', 'stopRecording ok']);

    // Disabled, the rule records nothing: the camera's mode alone does not.
    expect((await ts.request('PATCH', `/api/rules/${MOTION}`, { enabled: false })).status).toBe(200);
    mark = ts.eventMark();
    ts.site.events.raise({ type: 'motionStarted', cameraId: camera.id, severity: 'info', message: 'motion (test)' });
    await expectNotRecording(ts, camera.id, 50);
    ts.site.events.raise({ type: 'motionStopped', cameraId: camera.id, severity: 'info', message: 'motion over (test)' });

    // Enabled again, it follows the camera's mode: in mode event, motion is not a reason to record.
    expect((await ts.request('PATCH', `/api/rules/${MOTION}`, { enabled: true })).status).toBe(200);
    await ts.patchCamera(camera.id, { policy: { mode: 'event' } });
    ts.site.events.raise({ type: 'motionStarted', cameraId: camera.id, severity: 'info', message: 'motion (test)' });
    await expectNotRecording(ts, camera.id, 50);
    expect(await ruleLog(ts, MOTION)).toHaveLength(4);
    expect(ts.site.events.list({ afterId: mark }).filter((e) => e.type === 'recordingStarted')).toEqual([]);
  }, 60_000);

  it('record on request: manual recording goes through the rule', async () => {
    const ts = await TestSite.open();
    const camera = await motionCamera(ts);
    const mark = ts.eventMark();
    const start = await ts.request<{ until: string }>('POST', `/api/cameras/${camera.id}/manual-recording`);
    expect(start.status).toBe(200);
    await ts.waitForEvent('recordingStarted', { cameraId: camera.id, after: mark });
    expect((await ts.status(camera.id)).manualUntil).toBe(start.body.until);
    expect((await ts.request('DELETE', `/api/cameras/${camera.id}/manual-recording`)).status).toBe(200);
    await ts.waitForEvent('recordingStopped', { cameraId: camera.id, after: mark });
    expect(await ruleLog(ts, REQUEST)).toEqual(['start ok', 'startRecording ok', 'stop ok', 'stopRecording ok']);
    // Recording events are for cameras in mode event.
    expect(await ts.request('POST', `/api/cameras/${camera.id}/events`, { durationSeconds: 1 })).toMatchObject({ status: 409, body: { message: expect.stringMatching(/mode "motion"/) } });
  }, 60_000);

  it('start feed always: without it the cameras are not connected', async () => {
    const ts = await TestSite.open();
    const cam = await testCamera();
    const camera = await ts.addRtspCamera(cam.url);
    await ts.waitForFramesWritten(camera.id, 10);
    expect((await ts.request('PATCH', `/api/rules/${FEED}`, { enabled: false })).status).toBe(200);
    await ts.waitForStatus(camera.id, (s) => s.connection === null && !s.recording, 'feed stopped');
    // No feed: nothing to record, and no live video either.
    expect((await ts.request('POST', `/api/cameras/${camera.id}/manual-recording`)).status).toBe(409);
    const snapshot = await ts.site.api.inject({ method: 'GET', url: `/api/cameras/${camera.id}/snapshot`, headers: { authorization: `Bearer ${ts.token}` } });
    expect(snapshot.json()).toMatchObject({ code: 'VMS_ERR_CONFLICT', message: expect.stringMatching(/no feed/) });
    expect((await ts.request('PATCH', `/api/rules/${FEED}`, { enabled: true })).status).toBe(200);
    await ts.waitForFrames(camera.id, 10);
    expect(await ruleLog(ts, FEED)).toEqual(['start ok', 'startFeed ok', 'stop ok', 'stopFeed ok', 'start ok', 'startFeed ok']);
    // A feed started for all cameras covers cameras added later.
    const other = await ts.addRtspCamera((await testCamera()).url);
    await ts.waitForFrames(other.id, 10);
  }, 60_000);
});
