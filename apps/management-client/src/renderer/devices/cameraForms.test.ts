import { describe, expect, it } from 'vitest';
import type { CameraBody } from '@nightjar/vms-core';
import {
  motionBody, motionForm, numberProblem, recordBody, recordForm, recordProblems, settingsBody, settingsForm, settingsProblems, streamsBody,
} from './cameraForms';

const camera: CameraBody = {
  id: 'c1', hardwareId: 'h1', deviceKey: 'VideoSource_1', name: 'Lobby', enabled: true,
  streams: [{ key: 'main', name: 'Main', url: 'rtsp://127.0.0.1/main', width: 1920, height: 1080 }, { key: 'sub', name: 'Sub', url: 'rtsp://127.0.0.1/sub', width: 640, height: 360 }],
  recordStream: 'main', liveStream: 'main', storageId: 'live',
  policy: { mode: 'always', preBufferSeconds: 3, postBufferSeconds: 5, keyFramesOnly: false, manualMaxMinutes: 5 },
  motion: { enabled: false, sensitivity: 60, exclusions: [{ x: 0, y: 0, width: 0.5, height: 0.5 }], keyFramesOnly: true },
  transport: 'tcp', group: 'Building A', ptz: { supported: false, panTilt: false, zoom: false },
};

describe('settings tab', () => {
  it('sends only what changed, trimmed', () => {
    expect(settingsBody(camera, settingsForm(camera))).toEqual({});
    expect(settingsBody(camera, { ...settingsForm(camera), name: ' Entrance ', group: ' Building A / Lobby ' })).toEqual({ name: 'Entrance', group: 'Building A/Lobby' });
    expect(settingsBody(camera, { ...settingsForm(camera), enabled: false, group: '' })).toEqual({ enabled: false, group: '' });
  });

  it('marks an empty name and a malformed group as the site would', () => {
    expect(settingsProblems({ ...settingsForm(camera), name: '  ' })).toEqual({ name: expect.stringMatching(/name/) });
    expect(settingsProblems({ ...settingsForm(camera), group: 'A//B' }).group).toMatch(/empty/);
    expect(settingsProblems({ ...settingsForm(camera), group: 'a/b/c/d/e/f/g/h/i' }).group).toMatch(/8 levels/);
    expect(settingsProblems({ ...settingsForm(camera), group: 'A / B' })).toEqual({});
  });
});

describe('streams tab', () => {
  it('changes the recorded and the live stream independently', () => {
    expect(streamsBody(camera, { recordStream: 'main', liveStream: 'sub' })).toEqual({ liveStream: 'sub' });
  });
});

describe('record tab', () => {
  it('round-trips the policy without changes', () => {
    expect(recordBody(camera, recordForm(camera))).toEqual({});
  });

  it('sends the changed policy fields as numbers, and null to remove the frame-rate limit', () => {
    const form = { ...recordForm(camera), mode: 'motion' as const, preBufferSeconds: '10', limitFps: true, maxFps: '2.5', storageId: 'archive' };
    expect(recordBody(camera, form)).toEqual({ policy: { mode: 'motion', preBufferSeconds: 10, maxFps: 2.5 }, storageId: 'archive' });
    const limited = { ...camera, policy: { ...camera.policy, maxFps: 5 } };
    expect(recordForm(limited)).toMatchObject({ limitFps: true, maxFps: '5' });
    expect(recordBody(limited, { ...recordForm(limited), limitFps: false })).toEqual({ policy: { maxFps: null } });
  });

  it('checks the schema limits under the request field names', () => {
    const problems = recordProblems({ ...recordForm(camera), preBufferSeconds: '61', postBufferSeconds: '', manualMaxMinutes: '0', limitFps: true, maxFps: 'x' });
    expect(Object.keys(problems).sort()).toEqual(['policy.manualMaxMinutes', 'policy.maxFps', 'policy.postBufferSeconds', 'policy.preBufferSeconds']);
    expect(recordProblems({ ...recordForm(camera), limitFps: false, maxFps: 'x' })).toEqual({});
    expect(numberProblem('1.5', { min: 0, max: 10, integer: true })).toMatch(/whole/);
    expect(numberProblem('0', { min: 0, max: 10 })).toBeUndefined();
    expect(numberProblem('0', { min: 0, max: 10, exclusiveMin: true })).toMatch(/more than 0/);
  });
});

describe('motion tab', () => {
  it('sends changed regions and settings; "" for the stream means the default (null)', () => {
    expect(motionBody(camera, motionForm(camera))).toEqual({});
    const form = { ...motionForm(camera), enabled: true, exclusions: [] };
    expect(motionBody(camera, form)).toEqual({ motion: { enabled: true, exclusions: [] } });
    expect(motionBody(camera, { ...motionForm(camera), streamKey: 'sub' })).toEqual({ motion: { streamKey: 'sub' } });
    const onSub = { ...camera, motion: { ...camera.motion, streamKey: 'sub' } };
    expect(motionBody(onSub, { ...motionForm(onSub), streamKey: '' })).toEqual({ motion: { streamKey: null } });
  });

  it('edits a copy: the camera\'s regions are untouched', () => {
    const form = motionForm(camera);
    form.exclusions[0]!.x = 0.3;
    expect(camera.motion.exclusions[0]!.x).toBe(0);
  });
});
