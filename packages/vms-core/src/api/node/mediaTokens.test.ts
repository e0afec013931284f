import { describe, expect, it } from 'vitest';
import { MediaTokens } from './mediaTokens';

describe('MediaTokens', () => {
  const tokens = new MediaTokens(Buffer.alloc(32, 1));
  const grant = { userId: 'u1', sessionId: 's1', cameraId: 'cam1', right: 'live' as const, expiresAt: 10_000 };

  it('round-trips a grant for its camera and right', () => {
    expect(tokens.verify(tokens.issue(grant), { cameraId: 'cam1', rights: ['live'], now: 5_000 })).toEqual(grant);
  });

  it('never opens another camera or right', () => {
    const t = tokens.issue(grant);
    expect(() => tokens.verify(t, { cameraId: 'cam2', rights: ['live'], now: 5_000 })).toThrow(/another camera/);
    expect(() => tokens.verify(t, { cameraId: 'cam1', rights: ['playback'], now: 5_000 })).toThrow(/another camera or use/);
  });

  it('rejects expired, tampered, foreign and missing tokens', () => {
    const t = tokens.issue(grant);
    expect(() => tokens.verify(t, { cameraId: 'cam1', rights: ['live'], now: 10_000 })).toThrow(/expired/);
    const [body, mac] = t.split('.');
    const forged = Buffer.from(JSON.stringify(['u1', 's1', 'cam2', 'live', 10_000])).toString('base64url');
    expect(() => tokens.verify(`${forged}.${mac}`, { cameraId: 'cam2', rights: ['live'], now: 5_000 })).toThrow(/valid media token/);
    expect(() => new MediaTokens(Buffer.alloc(32, 2)).verify(t, { cameraId: 'cam1', rights: ['live'], now: 5_000 })).toThrow(/valid media token/);
    expect(() => tokens.verify(undefined, { cameraId: 'cam1', rights: ['live'], now: 5_000 })).toThrow(/valid media token/);
    expect(body).toBeTruthy();
  });
});
