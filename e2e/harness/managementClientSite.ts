/**
 * A site for the Management Client's end-to-end tests: a fresh, EMPTY data folder (no demo
 * camera, nothing configured: the first-run wizard is offered), both built renderers served
 * same-origin (the Management Client at `/admin/`, the Smart Client at `/`), and the devices the
 * administrator will find and add: GStreamer RTSP cameras and ONVIF simulators whose profiles
 * stream from them. Nothing is added through the API: the tests add it through the UI.
 *
 * WS-Discovery stays on this machine: each simulator joins the multicast group on 127.0.0.1
 * only, and the test tells the wizard to probe from that interface (see e2e/README.md).
 */
import type { OnvifSimulator, TestCamera } from '@nightjar/vms-core/test-harness';
import { startOnvifSimulator, startTestCamera } from '@nightjar/vms-core/test-harness';
import { managementClientBuilder } from '../../apps/management-client/scripts/build';
import { ADMIN_PASSWORD, E2eSite, until } from './e2eSite';
import { ensureClientBuilt } from './smartClientSite';

export interface SiteUser {
  username: string;
  password: string;
}

/** The ONVIF account every simulator here answers to. */
export const ONVIF_USER: SiteUser = { username: 'onvif', password: 'onvif-e2e-pw' };

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** Builds the Management Client renderer into apps/management-client/dist/renderer unless current; returns that folder. */
export async function ensureAdminBuilt(): Promise<string> {
  const stale = managementClientBuilder.staleness();
  if (stale) {
    const report = await managementClientBuilder.build({ production: true });
    if ('skipped' in report.renderer) throw new Error(`the Management Client renderer was not built: ${report.renderer.skipped}`);
    console.info(`e2e: built the Management Client (${stale}) in ${report.ms} ms`);
  }
  return managementClientBuilder.rendererDir;
}

export class ManagementClientSite {
  /** The administrator; the first-run wizard changes the password (setAdminPassword). */
  readonly admin: SiteUser = { username: 'admin', password: ADMIN_PASSWORD };
  private token = '';

  private constructor(readonly e2e: E2eSite) {}

  /** The site's origin: the Smart Client at `/`, the Management Client at `/admin/`. */
  get origin(): string {
    return this.e2e.origin;
  }

  static async open(): Promise<ManagementClientSite> {
    const [clientAppDir, adminAppDir] = [await ensureClientBuilt(), await ensureAdminBuilt()];
    const e2e = await E2eSite.open({ clientAppDir, adminAppDir });
    const site = new ManagementClientSite(e2e);
    site.token = e2e.adminToken;
    return site;
  }

  /** Starts a 320x240 H.264 GStreamer RTSP camera on 127.0.0.1 (stopped on close). */
  async startCamera(): Promise<TestCamera> {
    const camera = await startTestCamera({ codec: 'h264', width: 320, height: 240, fps: 25, bitrateKbps: 300 });
    this.e2e.defer(() => camera.stop());
    return camera;
  }

  /**
   * Starts an ONVIF simulator (stopped on close) whose one profile streams from `camera`. With
   * `discovery` it answers WS-Discovery probes, on the loopback interface only.
   */
  async startOnvif(o: { camera: TestCamera; manufacturer: string; model: string; discovery?: boolean }): Promise<OnvifSimulator> {
    const sim = await startOnvifSimulator({
      ...ONVIF_USER, manufacturer: o.manufacturer, model: o.model,
      profiles: [{ token: 'main', name: 'Main', encoding: 'H264', width: 320, height: 240, fps: 25, rtspUrl: o.camera.url }],
      ...(o.discovery ? { discovery: { multicastInterface: '127.0.0.1' } } : {}),
    });
    this.e2e.defer(() => sim.stop());
    return sim;
  }

  /** The administrator's password changed (first-run wizard): the API signs in again with it. */
  async setAdminPassword(password: string): Promise<void> {
    this.admin.password = password;
    this.token = await this.login(this.admin);
  }

  /** Signs in over the API; returns the bearer token. Throws with the site's answer when refused. */
  async login(user: SiteUser): Promise<string> {
    const res = await this.e2e.fetchAs('', 'POST', '/api/login', user);
    if (!res.ok) throw new Error(`login of ${user.username} answered ${res.status}: ${await res.text()}`);
    return ((await res.json()) as { token: string }).token;
  }

  /** Calls the API as the administrator; throws with the body unless 2xx. */
  async api<T>(method: Method, path: string, body?: unknown): Promise<T> {
    const res = await this.e2e.fetchAs(this.token, method, path, body);
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  close(): Promise<void> {
    return this.e2e.close();
  }
}

export { until };
