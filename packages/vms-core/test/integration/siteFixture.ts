/**
 * A real site on a temporary data folder, driven through its public API with fastify's
 * inject() (no socket), plus the waiting helpers the integration tests share. Everything a
 * test starts is registered with `cleanup` and released after it, in reverse order.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';
import type { SystemEvent, SystemEventType } from '../../src/events/common/systemEvent';
import { checkMediaDb } from '../../src/media-db/node/check';
import type { CheckReport } from '../../src/media-db/node/check';
import { openSiteData } from '../../src/cli/openSiteData';
import { Site } from '../../src/site/node/site';
import type { CameraBody, CameraStatusBody } from '../../src/api/common/schemas';
import type { SiteOptions } from '../../src/site/node/site';
import { startTestCamera } from '../harness/testCamera';
import type { TestCamera, TestCameraOptions } from '../harness/testCamera';
import { until } from '../harness/until';

export const ADMIN_PASSWORD = 'admin-secret';

type CleanupFn = () => Promise<void> | void;
const cleanups: CleanupFn[] = [];

/** Registers work to undo after the current test (last registered runs first). */
export function cleanup(fn: CleanupFn): void {
  cleanups.push(fn);
}

afterEach(async () => {
  const errors: unknown[] = [];
  for (const fn of cleanups.splice(0).reverse()) {
    try {
      await fn();
    } catch (e) {
      errors.push(e);
    }
  }
  if (errors.length) throw errors[0];
});

export interface Reply<T = unknown> {
  status: number;
  body: T;
}

/** The error body every failing route answers with. */
export interface ErrorReply {
  code: string;
  kind: string;
  message: string;
}

/** A started GStreamer camera, stopped after the test. Small and fast unless asked otherwise. */
export async function testCamera(opts: TestCameraOptions = {}): Promise<TestCamera> {
  const cam = await startTestCamera({ width: 320, height: 180, fps: 25, bitrateKbps: 300, ...opts });
  cleanup(() => cam.stop());
  return cam;
}

export class TestSite {
  private closed = false;
  /** The administrator's bearer token. */
  token = '';

  private constructor(
    readonly site: Site,
    readonly dataDir: string,
  ) {}

  /**
   * Opens a site on a fresh data folder (or on the folder of a closed one, as after a restart)
   * and logs in as the administrator. After the test it is closed, its media database checked
   * (no broken invariant, nothing left open), and the folder deleted.
   */
  static async open(o: { reopen?: TestSite } & Pick<SiteOptions, 'clock' | 'probeHardware' | 'notifications'> = {}): Promise<TestSite> {
    if (o.reopen && !o.reopen.closed) throw new Error('close the site before opening its data folder again');
    const dataDir = o.reopen?.dataDir ?? mkdtempSync(join(tmpdir(), 'nightjar-it-'));
    if (!o.reopen) cleanup(() => rmSync(dataDir, { recursive: true, force: true }));
    const ts = new TestSite(await Site.open({
      dataDir, adminPassword: ADMIN_PASSWORD, ...(o.clock ? { clock: o.clock } : {}), ...(o.probeHardware ? { probeHardware: o.probeHardware } : {}),
      ...(o.notifications ? { notifications: o.notifications } : {}),
    }), dataDir);
    cleanup(async () => {
      if (ts.closed) return;
      const report = await ts.closeAndCheck();
      expect(report.problems, 'media database invariants after the test').toEqual([]);
      expect(report.open, 'recordings left open after close').toEqual([]);
    });
    const login = await ts.request<{ token: string }>('POST', '/api/login', { username: 'admin', password: ADMIN_PASSWORD }, null);
    expect(login.status).toBe(200);
    ts.token = login.body.token;
    return ts;
  }

  /** Sends a request; `token: null` sends none, a string sends that one instead of the admin's. */
  async request<T = unknown>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown, token?: string | null): Promise<Reply<T>> {
    const auth = token === null ? undefined : (token ?? this.token);
    const res = await this.site.api.inject({
      method,
      url,
      headers: auth ? { authorization: `Bearer ${auth}` } : {},
      ...(body === undefined ? {} : { payload: body as object }),
    });
    return { status: res.statusCode, body: (res.body ? res.json() : undefined) as T };
  }

  /** Adds one RTSP camera through the API and returns it (fails the test unless 201). */
  async addRtspCamera(url: string, extra: { username?: string; password?: string; name?: string } = {}): Promise<CameraBody> {
    const res = await this.request<{ cameras: CameraBody[] }>('POST', '/api/hardware', { driver: 'rtsp', address: url, ...extra });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.cameras).toHaveLength(1);
    return res.body.cameras[0]!;
  }

  async status(cameraId: string): Promise<CameraStatusBody> {
    const res = await this.request<CameraStatusBody>('GET', `/api/cameras/${cameraId}/status`);
    expect(res.status).toBe(200);
    return res.body;
  }

  async patchCamera(cameraId: string, patch: object): Promise<CameraBody> {
    const res = await this.request<CameraBody>('PATCH', `/api/cameras/${cameraId}`, patch);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  }

  async sequences(cameraId: string, fromMs = Date.now() - 3600_000, toMs = Date.now() + 60_000): Promise<{ start: number; end: number }[]> {
    const q = new URLSearchParams({ from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString() });
    const res = await this.request<{ recordings: { start: string; end: string }[] }>('GET', `/api/cameras/${cameraId}/sequences?${q}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.recordings.map((s) => ({ start: Date.parse(s.start), end: Date.parse(s.end) }));
  }

  /** The id of the newest event so far: pass it as `after` to wait only for later ones. */
  eventMark(): number {
    return this.site.events.list({ limit: 1 }).at(-1)?.id ?? 0;
  }

  /**
   * Resolves with the first event after `after` that matches (one already raised counts), or
   * rejects after `timeoutMs` naming what was awaited and what came instead.
   */
  waitForEvent(type: SystemEventType, o: { cameraId?: string; after?: number; timeoutMs?: number } = {}): Promise<SystemEvent> {
    const matches = (e: SystemEvent) => e.type === type && (o.cameraId === undefined || e.cameraId === o.cameraId);
    const past = this.site.events.list({ afterId: o.after ?? 0, limit: 10_000 }).find(matches);
    if (past) return Promise.resolve(past);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        sub.dispose();
        const seen = this.site.events.list({ afterId: o.after ?? 0 }).map((e) => `${e.type}: ${e.message}`);
        reject(new Error(`no ${type} event within ${o.timeoutMs ?? 10_000} ms; events: ${JSON.stringify(seen)}`));
      }, o.timeoutMs ?? 10_000);
      const sub = this.site.events.onDidRaise((e) => {
        if (!matches(e)) return;
        clearTimeout(timer);
        sub.dispose();
        resolve(e);
      });
    });
  }

  /** Polls the camera's status through the API until `done` holds; returns that status. */
  async waitForStatus(cameraId: string, done: (s: CameraStatusBody) => boolean, what: string, timeoutMs = 10_000): Promise<CameraStatusBody> {
    let last: CameraStatusBody | undefined;
    await until(async () => done((last = await this.status(cameraId))), () => `${what}; last status ${JSON.stringify(last)}`, timeoutMs);
    return last!;
  }

  /** Waits until the camera's connection has delivered `count` more frames than now. */
  async waitForFrames(cameraId: string, count: number, timeoutMs = 10_000): Promise<CameraStatusBody> {
    const start = (await this.status(cameraId)).connection?.framesReceived ?? 0;
    return this.waitForStatus(cameraId, (s) => (s.connection?.framesReceived ?? 0) >= start + count, `${count} frames`, timeoutMs);
  }

  /** Waits until the camera has written at least `count` frames in total. */
  waitForFramesWritten(cameraId: string, count: number, timeoutMs = 10_000): Promise<CameraStatusBody> {
    return this.waitForStatus(cameraId, (s) => s.framesWritten >= count, `${count} frames written`, timeoutMs);
  }

  /** Waits until every recording is sealed (the writers close asynchronously after a stop). */
  waitForSealed(): Promise<void> {
    return until(() => this.site.media.openRecordings().length === 0, () => 'open recordings were not sealed');
  }

  /** Closes the site, then checks its media database the way `vms check` does. */
  async closeAndCheck(): Promise<CheckReport> {
    this.closed = true;
    await this.site.close();
    const data = openSiteData(this.dataDir);
    try {
      return await checkMediaDb(data.media, data.keys, data.storages);
    } finally {
      data.close();
    }
  }
}

export { until };
