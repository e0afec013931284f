/**
 * Current tasks: what the site is working on that takes time. Today that is export jobs (the
 * only long-running work the API exposes as a job; hardware scans and discovery answer within
 * their request). Running and queued jobs come first, then finished ones newest first.
 */
import type { ExportJobBody } from '@nightjar/ui';
import { formatBytes, formatDuration, formatRange } from './format';
import { jobTone } from './statusTone';
import type { ToneLabel } from './statusTone';

export interface TaskRow {
  id: string;
  title: string;
  /** Cameras and recorded range. */
  detail: string;
  state: ToneLabel;
  active: boolean;
  /** 0–100. */
  percent: number;
  startedAt: string;
  /** How long it has run, or ran. */
  duration: string;
  result: string;
}

const FORMATS: Record<string, string> = { mp4: 'MP4', mkv: 'MKV', native: 'signed native bundle' };

export function exportTaskRow(job: ExportJobBody, cameraName: (id: string) => string, nowMs: number): TaskRow {
  const active = job.state === 'queued' || job.state === 'running';
  const started = Date.parse(job.createdAt);
  const ended = job.finishedAt ? Date.parse(job.finishedAt) : nowMs;
  const names = job.cameraIds.map(cameraName);
  const cameras = names.length <= 2 ? names.join(', ') : `${names.slice(0, 2).join(', ')} and ${names.length - 2} more`;
  const bytes = job.files.reduce((n, f) => n + f.bytes, 0);
  return {
    id: job.id,
    title: `Export (${FORMATS[job.format] ?? job.format})`,
    detail: `${cameras} · ${formatRange(job.from, job.to)}`,
    state: jobTone(job.state),
    active,
    percent: job.state === 'done' ? 100 : Math.round(Math.max(0, Math.min(1, job.progress)) * 100),
    startedAt: job.createdAt,
    duration: formatDuration(Math.max(0, (ended - started) / 1000)),
    result: job.error ? job.error.message : job.files.length > 0 ? `${job.files.length} ${job.files.length === 1 ? 'file' : 'files'}, ${formatBytes(bytes)}` : '',
  };
}

export function taskRows(jobs: readonly ExportJobBody[], cameraName: (id: string) => string, nowMs: number, activeOnly: boolean): TaskRow[] {
  return jobs
    .map((j) => exportTaskRow(j, cameraName, nowMs))
    .filter((r) => !activeOnly || r.active)
    .sort((a, b) => Number(b.active) - Number(a.active) || b.startedAt.localeCompare(a.startedAt));
}
