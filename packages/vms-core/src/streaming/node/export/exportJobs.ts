import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock } from '../../../base/common/clock';
import { errorMessage, isVmsError, VmsError } from '../../../base/common/errors';
import { Emitter } from '../../../base/common/event';
import type { Event } from '../../../base/common/event';
import type { MediaDb } from '../../../media-db/node/mediaDb';
import type { SiteKeys } from '../../../security/node/siteKeys';
import type { Time90k } from '../../../media/common/types';
import type { RecordingReader } from '../recordingReader';
import { resolveInside } from './exportPaths';
import { exportCameras, exportFileName } from './exportFolder';
import { exportNative } from './nativeExport';

export type ExportJobFormat = 'mp4' | 'mkv' | 'native';
export type ExportJobState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface ExportJobRequest {
  cameraIds: string[];
  from90k: Time90k;
  to90k: Time90k;
  format: ExportJobFormat;
  /** Native exports only: encrypt the archive (never stored in the job). */
  password?: string;
}

export interface ExportJob {
  id: string;
  /** The user who asked; the route lets only them (or an administrator) see and download it. */
  userId: string;
  state: ExportJobState;
  /** 0..1 by frames written. */
  progress: number;
  request: Omit<ExportJobRequest, 'password'>;
  createdAtMs: number;
  finishedAtMs?: number;
  error?: { code: string; message: string };
  /** Files to download (names inside the job's folder). */
  files: { name: string; bytes: number }[];
}

export interface ExportJobSettings {
  folder: string;
  /** Finished exports beyond this total are deleted, oldest first. */
  maxBytes: number;
  retentionHours: number;
  /** Exports running at once (1 or 2: exports compete with recording for the disks). */
  concurrency?: number;
}

const SWEEP_EVERY_MS = 10 * 60_000;

/**
 * The export queue: jobs per user, run one or two at a time, each in its own folder under the
 * export folder, kept per the retention settings. Jobs live in memory: a restart forgets them,
 * and the first sweep removes their folders. A route calls submit/get/list/cancel and
 * resolveDownload, which never returns a path outside the export folder.
 */
export class ExportJobs {
  private readonly jobs = new Map<string, ExportJob>();
  private readonly running = new Map<string, AbortController>();
  private readonly passwords = new Map<string, string>();
  private readonly tasks = new Set<Promise<void>>();
  private readonly changeEmitter = new Emitter<ExportJob>();
  readonly onDidChange: Event<ExportJob> = this.changeEmitter.event;
  private timer: { cancel(): void } | undefined;
  private closed = false;

  constructor(private readonly deps: { reader: RecordingReader; db: MediaDb; keys: SiteKeys; clock: Clock; settings: ExportJobSettings }) {
    mkdirSync(deps.settings.folder, { recursive: true });
    this.track(this.sweep());
    this.schedule();
  }

  submit(userId: string, request: ExportJobRequest): ExportJob {
    if (this.closed) throw new VmsError('VMS_ERR_CONFLICT', 'export jobs are closed');
    if (request.cameraIds.length === 0 || !(request.to90k > request.from90k)) throw new VmsError('VMS_ERR_BAD_INPUT', 'an export needs cameras and a time range');
    if (request.password !== undefined && request.format !== 'native') throw new VmsError('VMS_ERR_BAD_INPUT', 'only native exports are encrypted');
    const { password, ...stored } = request;
    const job: ExportJob = { id: randomUUID(), userId, state: 'queued', progress: 0, request: stored, createdAtMs: this.deps.clock.now(), files: [] };
    this.jobs.set(job.id, job);
    if (password !== undefined) this.passwords.set(job.id, password);
    this.changed(job);
    this.next();
    return { ...job };
  }

  get(id: string): ExportJob | undefined {
    const job = this.jobs.get(id);
    return job && { ...job };
  }

  list(userId?: string): ExportJob[] {
    return [...this.jobs.values()].filter((j) => userId === undefined || j.userId === userId).map((j) => ({ ...j }));
  }

  /** Cancels a queued or running job; its partial output is removed. */
  async cancel(id: string): Promise<boolean> {
    const job = this.jobs.get(id);
    if (!job || (job.state !== 'queued' && job.state !== 'running')) return false;
    if (job.state === 'queued') this.finish(job, 'cancelled');
    else this.running.get(id)?.abort(new VmsError('VMS_ERR_CONFLICT', 'export cancelled'));
    await Promise.all([...this.tasks]);
    return true;
  }

  /** The file to send for a download: one of the job's own files, never a path outside its folder. */
  async resolveDownload(id: string, name: string): Promise<string> {
    const job = this.jobs.get(id);
    if (!job || job.state !== 'done' || !job.files.some((f) => f.name === name)) {
      throw new VmsError('VMS_ERR_NOT_FOUND', 'no such export file');
    }
    return resolveInside(this.deps.settings.folder, `${id}/${name}`);
  }

  /** Applies retention: drops finished jobs past retentionHours, then the oldest beyond maxBytes. */
  async sweep(): Promise<void> {
    const { folder, retentionHours, maxBytes } = this.deps.settings;
    const now = this.deps.clock.now();
    const finished = [...this.jobs.values()].filter((j) => j.finishedAtMs !== undefined).sort((a, b) => a.finishedAtMs! - b.finishedAtMs!);
    let total = finished.reduce((n, j) => n + j.files.reduce((m, f) => m + f.bytes, 0), 0);
    for (const j of finished) {
      const bytes = j.files.reduce((m, f) => m + f.bytes, 0);
      if (j.finishedAtMs! + retentionHours * 3_600_000 > now && total <= maxBytes) continue;
      total -= bytes;
      this.jobs.delete(j.id);
      await rm(join(folder, j.id), { recursive: true, force: true });
    }
    // Folders of jobs this process does not know (left by a restart).
    for (const entry of await readdir(folder).catch(() => [])) {
      if (!this.jobs.has(entry)) await rm(join(folder, entry), { recursive: true, force: true });
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.timer?.cancel();
    for (const job of this.jobs.values()) if (job.state === 'queued') this.finish(job, 'cancelled');
    for (const ac of this.running.values()) ac.abort(new VmsError('VMS_ERR_CONFLICT', 'export service stopped'));
    while (this.tasks.size > 0) await Promise.all([...this.tasks]);
    this.changeEmitter.dispose();
  }

  private schedule(): void {
    this.timer = this.deps.clock.setTimeout(() => {
      if (this.closed) return;
      this.track(this.sweep());
      this.schedule();
    }, SWEEP_EVERY_MS);
  }

  private next(): void {
    const limit = Math.min(2, Math.max(1, this.deps.settings.concurrency ?? 1));
    for (const job of this.jobs.values()) {
      if (this.running.size >= limit || this.closed) return;
      if (job.state === 'queued') this.track(this.run(job));
    }
  }

  private async run(job: ExportJob): Promise<void> {
    const ac = new AbortController();
    this.running.set(job.id, ac);
    job.state = 'running';
    this.changed(job);
    const dir = join(this.deps.settings.folder, job.id);
    const onProgress = (p: { frames: number; totalFrames: number }) => {
      job.progress = p.totalFrames > 0 ? p.frames / p.totalFrames : 1;
      this.changed(job);
    };
    try {
      await mkdir(dir, { recursive: true });
      const { cameraIds, from90k, to90k, format } = job.request;
      if (format === 'native') {
        const name = exportFileName(cameraIds.length === 1 ? cameraIds[0]! : 'cameras', from90k, 'mp4').replace(/\.mp4$/, '.njx');
        await exportNative(this.deps, { cameraIds, from90k, to90k, userId: job.userId }, join(dir, name), {
          password: this.passwords.get(job.id), signal: ac.signal, onProgress, nowMs: this.deps.clock.now(),
        });
      } else {
        await exportCameras(this.deps.reader, { cameraIds, from90k, to90k, folder: dir, format }, { signal: ac.signal, onProgress });
      }
      for (const name of await readdir(dir)) job.files.push({ name, bytes: (await stat(join(dir, name))).size });
      job.progress = 1;
      this.finish(job, 'done');
    } catch (e) {
      await rm(dir, { recursive: true, force: true });
      if (ac.signal.aborted) this.finish(job, 'cancelled');
      else this.finish(job, 'failed', { code: isVmsError(e) ? e.code : 'VMS_ERR_INTERNAL', message: errorMessage(e) });
    } finally {
      this.running.delete(job.id);
      this.passwords.delete(job.id);
    }
    await this.sweep();
    this.next();
  }

  private finish(job: ExportJob, state: 'done' | 'failed' | 'cancelled', error?: ExportJob['error']): void {
    job.state = state;
    job.finishedAtMs = this.deps.clock.now();
    if (error) job.error = error;
    this.passwords.delete(job.id);
    this.changed(job);
  }

  private changed(job: ExportJob): void {
    this.changeEmitter.fire({ ...job });
  }

  private track(p: Promise<void>): void {
    const t = p.catch(() => undefined).finally(() => this.tasks.delete(t));
    this.tasks.add(t);
  }
}
