/**
 * A site with two cameras and users of different roles, for the security tests. The cameras
 * come from a fake probe (no device needed; their pipelines just fail to connect), and the
 * clock is the real one plus an offset the test moves, so tokens expire without waiting.
 */
import { expect } from 'vitest';
import type { Clock } from '../../src/base/common/clock';
import { systemClock } from '../../src/base/node/systemClock';
import type { HardwareInfo } from '../../src/devices/common/types';
import type { CameraGrant } from '../../src/management/common/permissions';
import { CAMERA_RIGHTS } from '../../src/management/common/permissions';
import type { ErrorReply } from './siteFixture';
import { TestSite } from './siteFixture';

/** Real time shifted by `offsetMs`; timers stay real so the site's own work runs as usual. */
export class OffsetClock implements Clock {
  offsetMs = 0;
  now(): number {
    return systemClock.now() + this.offsetMs;
  }
  monotonic(): number {
    return systemClock.monotonic();
  }
  setTimeout(fn: () => void, ms: number): { cancel(): void } {
    return systemClock.setTimeout(fn, ms);
  }
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return systemClock.sleep(ms, signal);
  }
}

/** Answers any probe with one camera on a port nothing listens on. */
async function fakeProbe(req: { address: string }): Promise<HardwareInfo> {
  return {
    driver: 'rtsp', address: req.address, model: 'Fake',
    cameras: [{ key: 'main', name: 'Fake', streams: [{ key: 'main', name: 'main', url: 'rtsp://127.0.0.1:9/none', codec: 'h264' }] }],
  };
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export const ACTORS = ['nobody', 'allOnA', 'liveOnA', 'configurer', 'userManager'] as const;
export type Actor = (typeof ACTORS)[number];

export interface SecuritySite {
  ts: TestSite;
  clock: OffsetClock;
  cameraA: string;
  cameraB: string;
  /** Bearer tokens by actor; `admin` is the site's administrator. */
  tokens: Record<Actor | 'admin', string>;
  roleIds: Record<Actor, string | undefined>;
  userIds: Record<Actor, string>;
  as(actor: Actor | 'admin', method: Method, url: string, body?: unknown): Promise<{ status: number; body: unknown }>;
  /** Expects 403 VMS_ERR_PERMISSION_DENIED. */
  denied(actor: Actor, method: Method, url: string, body?: unknown): Promise<void>;
  login(username: string, password: string): Promise<{ token: string; refreshToken: string }>;
}

/**
 * Roles: nobody has none; allOnA has every camera right on camera A only; liveOnA has live on
 * camera A; configurer may manage configuration; userManager may manage users and roles.
 */
export async function openSecuritySite(): Promise<SecuritySite> {
  const clock = new OffsetClock();
  const ts = await TestSite.open({ clock, probeHardware: fakeProbe });
  const add = async (name: string) => {
    const res = await ts.request<{ cameras: { id: string }[] }>('POST', '/api/hardware', { driver: 'rtsp', address: `rtsp://127.0.0.1:9/${name}`, name });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.cameras[0]!.id;
  };
  const cameraA = await add('A');
  const cameraB = await add('B');

  const roleSpecs: Record<Actor, { grants?: CameraGrant[]; manageConfiguration?: boolean; manageUsers?: boolean } | undefined> = {
    nobody: undefined,
    allOnA: { grants: [{ cameraId: cameraA, rights: [...CAMERA_RIGHTS] }] },
    liveOnA: { grants: [{ cameraId: cameraA, rights: ['live'] }] },
    configurer: { manageConfiguration: true },
    userManager: { manageUsers: true },
  };
  const roleIds = {} as Record<Actor, string | undefined>;
  const userIds = {} as Record<Actor, string>;
  const tokens = { admin: ts.token } as Record<Actor | 'admin', string>;
  const site: SecuritySite = {
    ts, clock, cameraA, cameraB, tokens, roleIds, userIds,
    as: (actor, method, url, body) => ts.request(method, url, body, tokens[actor]),
    async denied(actor, method, url, body) {
      const res = await ts.request<ErrorReply>(method, url, body, tokens[actor]);
      expect(res.status, `${actor} ${method} ${url}: ${JSON.stringify(res.body)}`).toBe(403);
      expect(res.body.code).toBe('VMS_ERR_PERMISSION_DENIED');
    },
    async login(username, password) {
      const res = await ts.request<{ token: string; refreshToken: string }>('POST', '/api/login', { username, password }, null);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body;
    },
  };
  for (const actor of ACTORS) {
    const spec = roleSpecs[actor];
    if (spec) {
      const res = await ts.request<{ id: string }>('POST', '/api/roles', { name: actor, ...spec });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      roleIds[actor] = res.body.id;
    }
    const user = await ts.request<{ id: string }>('POST', '/api/users', { username: actor, password: `${actor}-password`, roleIds: spec ? [roleIds[actor]] : [] });
    expect(user.status, JSON.stringify(user.body)).toBe(201);
    userIds[actor] = user.body.id;
    tokens[actor] = (await site.login(actor, `${actor}-password`)).token;
  }
  return site;
}
