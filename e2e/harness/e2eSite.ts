/**
 * A real site for browser tests: a fresh data folder, real GStreamer cameras added through the
 * API and a real HTTP port on 127.0.0.1. `close()` releases everything, last started first.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Site } from '@nightjar/vms-core/node';
import { PageServer } from './pageServer';
// The camera harness is vms-core's test code, not part of its public surface (see README).
import { startTestCamera, until } from '@nightjar/vms-core/test-harness';
import type { TestCameraOptions } from '@nightjar/vms-core/test-harness';

/** The administrator every e2e site is created with (user "admin"). */
export const ADMIN_PASSWORD = 'e2e-admin-secret';

export interface E2eCamera {
  id: string;
  width: number;
  height: number;
}

type Disposer = () => Promise<void> | void;

export class E2eSite {
  private readonly disposers: Disposer[] = [];
  private token = '';

  private constructor(
    readonly site: Site,
    /** The site's temporary data folder (deleted on close). */
    readonly dataDir: string,
    /** The site's own origin, http://127.0.0.1:<port>. */
    readonly origin: string,
    /** Where test pages load from; it forwards the rest to the site (see PageServer). */
    readonly pages: PageServer,
  ) {}

  /**
   * Opens a site on a temporary folder, serves the test pages, listens and signs in as admin.
   * `clientAppDir`: a built Smart Client renderer the site serves at `/` (see smartClientSite.ts);
   * `adminAppDir`: a built Management Client renderer, served at `/admin/`.
   */
  static async open(o: { clientAppDir?: string; adminAppDir?: string; dataDir?: string } = {}): Promise<E2eSite> {
    const dataDir = o.dataDir ?? mkdtempSync(join(tmpdir(), 'nightjar-e2e-'));
    let site: Site | undefined;
    let e2e: E2eSite | undefined;
    try {
      site = await Site.open({
        dataDir, adminPassword: ADMIN_PASSWORD, ...(o.clientAppDir ? { clientAppDir: o.clientAppDir } : {}), ...(o.adminAppDir ? { adminAppDir: o.adminAppDir } : {}),
      });
      const origin = await site.listen(0, '127.0.0.1');
      const opened = site;
      e2e = new E2eSite(opened, dataDir, origin, await PageServer.start(origin));
      const pages = e2e.pages;
      e2e.disposers.push(() => rmSync(dataDir, { recursive: true, force: true }), () => opened.close(), () => pages.close());
      e2e.token = (await e2e.request<{ token: string }>('POST', '/api/login', { username: 'admin', password: ADMIN_PASSWORD })).token;
      return e2e;
    } catch (e) {
      if (e2e) {
        await e2e.close();
      } else {
        await site?.close();
        rmSync(dataDir, { recursive: true, force: true });
      }
      throw e;
    }
  }

  /** Calls the API over HTTP with the admin's bearer token; throws with the body unless 2xx. */
  async request<T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
    const res = await this.fetchAs(this.token, method, path, body);
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** The administrator's bearer token (for media requests a test makes itself). */
  get adminToken(): string {
    return this.token;
  }

  /** Calls the API with another user's bearer token and returns the answer as it is (for refusals). */
  fetchAs(token: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    return fetch(this.origin + path, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  }

  /** Runs `dispose` on close (before what was opened earlier is released). */
  defer(dispose: Disposer): void {
    this.disposers.push(dispose);
  }

  /** Starts a GStreamer RTSP camera (stopped on close) and adds it with POST /api/hardware. */
  async addCamera(opts: TestCameraOptions & { width: number; height: number }): Promise<E2eCamera> {
    const camera = await startTestCamera({ fps: 25, bitrateKbps: 300, ...opts });
    this.disposers.push(() => camera.stop());
    const added = await this.request<{ cameras: { id: string }[] }>('POST', '/api/hardware', { driver: 'rtsp', address: camera.url });
    if (added.cameras.length !== 1) throw new Error(`expected one camera, got ${JSON.stringify(added)}`);
    return { id: added.cameras[0]!.id, width: opts.width, height: opts.height };
  }

  /** Waits until the camera has written at least `count` frames to the media database. */
  async waitForFramesWritten(cameraId: string, count: number, timeoutMs = 15_000): Promise<void> {
    let written = 0;
    await until(async () => {
      written = (await this.request<{ framesWritten: number }>('GET', `/api/cameras/${cameraId}/status`)).framesWritten;
      return written >= count;
    }, () => `${count} frames written by ${cameraId}; got ${written}`, timeoutMs);
  }

  /** Waits until the recorder has sealed every recording (writers close asynchronously). */
  waitForSealed(): Promise<void> {
    return until(() => this.site.media.openRecordings().length === 0, () => 'open recordings were not sealed');
  }

  /** The URL of a test page (e2e/pages/<page>) with its parameters in the query string. */
  pageUrl(page: string, params: Record<string, string>): string {
    return `${this.pages.origin}/e2e/${page}?${new URLSearchParams(params)}`;
  }

  async close(): Promise<void> {
    const errors: unknown[] = [];
    for (const dispose of this.disposers.splice(0).reverse()) {
      try {
        await dispose();
      } catch (e) {
        errors.push(e);
      }
    }
    if (errors.length) throw errors[0];
  }
}

export { until };
