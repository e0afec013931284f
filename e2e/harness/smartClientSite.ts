/**
 * A site for the Smart Client's end-to-end tests: the built renderer served same-origin at `/`
 * (as `vms site --client-dir` does), four GStreamer cameras that burn the wall clock into their
 * pictures and record always, and a guard whose role covers three of the four cameras.
 *
 * The renderer is built once and rebuilt only when its sources are newer than the build
 * (apps/smart-client/scripts/build.ts decides by modification times).
 */
import { spawn } from 'node:child_process';
import { SiteLock } from '@nightjar/vms-core/site-lock';
import { TIMECODE_SAMPLE_Y, decodeTimecode, timecodeSampleXs } from '@nightjar/vms-core/test-harness';
import type { CameraBody, SequencesBody } from '@nightjar/vms-core';
import { RENDERER_DIR, buildIsStale, buildSmartClient } from '../../apps/smart-client/scripts/build';
import { ADMIN_PASSWORD, E2eSite, until } from './e2eSite';

export interface ClientCamera {
  id: string;
  name: string;
}

export interface ClientUser {
  username: string;
  password: string;
}

/** Named like a real site, so screenshots read naturally; the guard may not see the last one. */
const CAMERA_NAMES = ['Front door', 'Loading dock', 'Lobby', 'Server room'] as const;

/** What the guard may do on the cameras their role covers: everything an operator needs. */
const GUARD_RIGHTS = ['live', 'playback', 'export', 'bookmarkView', 'bookmarkCreate', 'evidenceLockView', 'evidenceLockCreate'];

/** Builds the renderer into apps/smart-client/dist/renderer unless it is current; returns that folder. */
export async function ensureClientBuilt(): Promise<string> {
  const stale = buildIsStale();
  if (stale) {
    const report = await buildSmartClient({ production: true });
    if ('skipped' in report.renderer) throw new Error(`the Smart Client renderer was not built: ${report.renderer.skipped}`);
    console.info(`e2e: built the Smart Client (${stale}) in ${report.ms} ms`);
  }
  return RENDERER_DIR;
}

export class SmartClientSite {
  readonly admin: ClientUser = { username: 'admin', password: ADMIN_PASSWORD };
  readonly guard: ClientUser = { username: 'guard', password: 'guard-e2e-password' };

  private constructor(
    readonly e2e: E2eSite,
    /** The four cameras, in the order of CAMERA_NAMES. */
    readonly cameras: readonly ClientCamera[],
  ) {}

  /** The site's origin: the app at `/`, the API at `/api`, media at `/media`. */
  get origin(): string {
    return this.e2e.origin;
  }

  /** The camera the guard's role leaves out. */
  get hiddenCamera(): ClientCamera {
    return this.cameras[3]!;
  }

  static async open(): Promise<SmartClientSite> {
    const clientAppDir = await ensureClientBuilt();
    const e2e = await E2eSite.open({ clientAppDir });
    try {
      const cameras = await Promise.all(CAMERA_NAMES.map(async (name) => {
        const { id } = await e2e.addCamera({ codec: 'h264', width: 320, height: 240, timecode: true });
        await e2e.request<CameraBody>('PATCH', `/api/cameras/${id}`, { name, policy: { mode: 'always' } });
        return { id, name };
      }));
      const site = new SmartClientSite(e2e, cameras);
      const role = await e2e.request<{ id: string }>('POST', '/api/roles', {
        name: 'Guards', grants: cameras.slice(0, 3).map((c) => ({ cameraId: c.id, rights: GUARD_RIGHTS })),
      });
      await e2e.request('POST', '/api/users', { username: site.guard.username, password: site.guard.password, roleIds: [role.id] });
      await Promise.all(cameras.map((c) => e2e.waitForFramesWritten(c.id, 1, 20_000)));
      return site;
    } catch (e) {
      await e2e.close();
      throw e;
    }
  }

  /** Signs in over the API; returns the bearer token. */
  async login(user: ClientUser): Promise<string> {
    const res = await this.e2e.fetchAs('', 'POST', '/api/login', { username: user.username, password: user.password });
    if (!res.ok) throw new Error(`login of ${user.username} answered ${res.status}: ${await res.text()}`);
    return ((await res.json()) as { token: string }).token;
  }

  /** Where the camera's newest continuous recording starts and ends (ms), or undefined before any. */
  async recordedRun(cameraId: string): Promise<{ startMs: number; endMs: number } | undefined> {
    const to = Date.now() + 1000;
    const q = new URLSearchParams({ from: new Date(to - 3_600_000).toISOString(), to: new Date(to).toISOString() });
    const { recordings } = await this.e2e.request<SequencesBody>('GET', `/api/cameras/${cameraId}/sequences?${q}`);
    const last = recordings.at(-1);
    if (!last) return undefined;
    // Adjacent recordings (about a minute each) form one run; walk back while they touch.
    let startMs = Date.parse(last.start);
    for (let i = recordings.length - 2; i >= 0 && Date.parse(recordings[i]!.end) >= startMs - 1000; i--) startMs = Date.parse(recordings[i]!.start);
    return { startMs, endMs: Date.parse(last.end) };
  }

  /** Waits until every camera has recorded without a gap for the last `ms` milliseconds. */
  async waitForRecorded(ms: number): Promise<void> {
    const lengths: number[] = [];
    await until(async () => {
      const runs = await Promise.all(this.cameras.map((c) => this.recordedRun(c.id)));
      lengths.splice(0, lengths.length, ...runs.map((r) => (r ? r.endMs - r.startMs : 0)));
      return runs.every((r) => r !== undefined && Date.now() - r.startMs >= ms && r.endMs - r.startMs >= ms - 2000);
    }, () => `every camera recording for ${ms} ms; runs so far: ${lengths.join(', ')} ms`, ms + 30_000);
  }

  /**
   * The clock burned into the site's own picture of `cameraId` at `atMs` (the getThumbnail
   * JPEG: the last frame at or before that instant, decoded by ffmpeg here). What a client
   * should show there, whatever the camera's latency between its clock and the recorded time.
   */
  async siteTimecodeAt(cameraId: string, atMs: number): Promise<number | null> {
    const q = new URLSearchParams({ at: new Date(atMs).toISOString(), width: '320' });
    const res = await this.e2e.fetchAs(this.e2e.adminToken, 'GET', `/api/cameras/${cameraId}/thumbnail?${q}`);
    if (!res.ok) throw new Error(`thumbnail of ${cameraId} at ${q.get('at')} answered ${res.status}: ${await res.text()}`);
    const gray = await decodeToGray(Buffer.from(await res.arrayBuffer()));
    const row = TIMECODE_SAMPLE_Y * 320;
    return decodeTimecode(timecodeSampleXs(320).map((x) => gray[row + x]!));
  }

  /**
   * Marks the data folder as served by this process (DATA/site.lock.json), as `vms site` does:
   * the Electron shell then attaches to this site instead of starting its own.
   */
  publishLock(): void {
    const lock = SiteLock.acquire(this.e2e.dataDir, { host: '127.0.0.1' });
    lock.markRunning(this.origin, Number(new URL(this.origin).port));
    this.e2e.defer(() => lock.release());
  }

  close(): Promise<void> {
    return this.e2e.close();
  }
}

export { until };

/** An image as 8-bit luma, one byte per pixel, through ffmpeg. */
function decodeToGray(image: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const ffmpeg = spawn('ffmpeg', ['-v', 'error', '-i', 'pipe:0', '-f', 'rawvideo', '-pix_fmt', 'gray', 'pipe:1'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = '';
    ffmpeg.stdout.on('data', (d: Buffer) => out.push(d));
    ffmpeg.stderr.on('data', (d: Buffer) => { err += d; });
    ffmpeg.on('error', reject);
    ffmpeg.on('close', (code) => (code === 0 ? resolve(Buffer.concat(out)) : reject(new Error(`ffmpeg could not decode the thumbnail: ${err}`))));
    ffmpeg.stdin.end(image);
  });
}
