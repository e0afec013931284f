/**
 * updateCamera as the Management Client's camera tabs use it: one PATCH per tab, optional
 * settings cleared with null, and every refusal naming the field so the form can mark it.
 */
import { describe, expect, it } from 'vitest';
import type { CameraBody } from '../../src/api/common/schemas';
import { startOnvifSimulator } from '../harness/onvif/onvifSimulator';
import { TestSite, cleanup } from './siteFixture';
import type { ErrorReply } from './siteFixture';

/** An ONVIF camera with a main and a sub stream at a closed port: settings need no video. */
async function addCamera(ts: TestSite): Promise<CameraBody> {
  const profiles = (['main', 'sub'] as const).map((token, i) => ({
    token, name: token, encoding: 'H264' as const, width: 1280 / (i + 1), height: 720 / (i + 1), fps: 25,
    rtspUrl: `rtsp://127.0.0.1:9/${token}`, videoSourceToken: 'VideoSource_1',
  }));
  const sim = await startOnvifSimulator({ username: 'admin', password: 'sim-password', model: 'Box 1', firmware: '1.0', profiles });
  cleanup(() => sim.stop());
  const res = await ts.request<{ cameras: CameraBody[] }>('POST', '/api/hardware', {
    driver: 'onvif', address: `127.0.0.1:${sim.port}`, username: 'admin', password: 'sim-password',
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.cameras[0]!;
}

describe('updateCamera', () => {
  it('sets and clears the frame-rate limit and the motion stream with null, leaving the rest of each setting', async () => {
    const ts = await TestSite.open();
    const camera = await addCamera(ts);
    const patch = (body: object) => ts.request<CameraBody>('PATCH', `/api/cameras/${camera.id}`, body);

    const limited = await patch({ policy: { mode: 'motion', maxFps: 5, preBufferSeconds: 4 }, motion: { streamKey: 'sub', exclusions: [{ x: 0.1, y: 0.2, width: 0.3, height: 0.4 }] } });
    expect(limited.status, JSON.stringify(limited.body)).toBe(200);
    expect(limited.body.policy).toMatchObject({ mode: 'motion', maxFps: 5, preBufferSeconds: 4 });
    expect(limited.body.motion).toMatchObject({ streamKey: 'sub', exclusions: [{ x: 0.1, y: 0.2, width: 0.3, height: 0.4 }] });

    const cleared = await patch({ policy: { maxFps: null }, motion: { streamKey: null } });
    expect(cleared.status, JSON.stringify(cleared.body)).toBe(200);
    expect(cleared.body.policy.maxFps).toBeUndefined();
    expect(cleared.body.policy).toMatchObject({ mode: 'motion', preBufferSeconds: 4 });
    expect(cleared.body.motion.streamKey).toBeUndefined();
    expect(cleared.body.motion.exclusions).toHaveLength(1);
    // Stored, not only answered.
    expect(ts.site.config.getCamera(camera.id).policy.maxFps).toBeUndefined();
  });

  it('names the field of each refusal and changes nothing', async () => {
    const ts = await TestSite.open();
    const camera = await addCamera(ts);
    const cases: [object, string][] = [
      [{ recordStream: 'nope' }, 'recordStream'],
      [{ liveStream: 'nope' }, 'liveStream'],
      [{ motion: { streamKey: 'nope' } }, 'motion.streamKey'],
      [{ storageId: 'nope' }, 'storageId'],
      [{ group: 'A//B' }, 'group'],
      [{ policy: { preBufferSeconds: 61 } }, 'policy.preBufferSeconds'],
      [{ policy: { maxFps: 0 } }, 'policy.maxFps'],
      [{ policy: { modes: 'always' } }, 'policy.modes'],
      [{ motion: { exclusions: [{ x: 0, y: 0, width: 2, height: 1 }] } }, 'motion.exclusions[0].width'],
    ];
    for (const [body, field] of cases) {
      const res = await ts.request<ErrorReply & { field?: string }>('PATCH', `/api/cameras/${camera.id}`, { name: 'Changed', ...body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body, JSON.stringify(body)).toMatchObject({ code: 'VMS_ERR_BAD_INPUT', field });
    }
    expect(ts.site.config.getCamera(camera.id)).toEqual(camera);
  });
});
