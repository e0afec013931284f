import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { VmsError } from '../../../base/common/errors';
import type { Time90k } from '../../../media/common/types';
import type { RangePlan, RecordingReader } from '../recordingReader';
import type { ExportOptions, ExportProgress, ExportResult } from './exportFile';
import { exportPlanMkv } from './exportMkv';
import { exportPlanMp4 } from './exportMp4';

export type ExportFormat = 'mp4' | 'mkv';

export interface FolderExportResult {
  files: ExportResult[];
  /** Cameras with nothing recorded in the range (no file is written for them). */
  empty: string[];
}

/**
 * Exports one time range of several cameras as one file per camera in `folder`. All ranges
 * are planned first, so progress runs against the total of every camera. A cancel or a
 * failure removes every file this call wrote, not only the one in progress.
 */
export async function exportCameras(
  reader: RecordingReader,
  req: { cameraIds: readonly string[]; from90k: Time90k; to90k: Time90k; folder: string; format: ExportFormat },
  o: ExportOptions & { ffmpegPath?: string } = {},
): Promise<FolderExportResult> {
  if (new Set(req.cameraIds).size !== req.cameraIds.length) throw new VmsError('VMS_ERR_BAD_INPUT', 'a camera is listed twice');
  const plans: RangePlan[] = [];
  const empty: string[] = [];
  for (const id of req.cameraIds) {
    const plan = await reader.plan(id, req.from90k, req.to90k, { streamKey: o.streamKey });
    if (plan.frames === 0) empty.push(id);
    else plans.push(plan);
  }
  const totalFrames = plans.reduce((n, p) => n + p.frames, 0);
  const totalBytes = plans.reduce((n, p) => n + p.sampleBytes, 0);
  await mkdir(req.folder, { recursive: true });
  const files: ExportResult[] = [];
  const done = { frames: 0, bytes: 0 };
  try {
    for (const plan of plans) {
      const path = join(req.folder, exportFileName(plan.cameraId, req.from90k, req.format));
      const onProgress = (p: ExportProgress) =>
        o.onProgress?.({ frames: done.frames + p.frames, bytes: done.bytes + p.bytes, totalFrames, totalBytes });
      const options = { ...o, onProgress };
      files.push(req.format === 'mp4' ? await exportPlanMp4(reader, plan, path, options) : await exportPlanMkv(reader, plan, path, options));
      done.frames += plan.frames;
      done.bytes += plan.sampleBytes;
    }
  } catch (e) {
    await Promise.all(files.map((f) => rm(f.path, { force: true })));
    throw e;
  }
  return { files, empty };
}

/** `CAMERA_2026-06-01T12-00-00.000Z.mp4`: safe on every file system, sorts by time. */
export function exportFileName(cameraId: string, from90k: Time90k, format: ExportFormat): string {
  const camera = cameraId.replace(/[^A-Za-z0-9._-]/g, '_');
  const time = new Date(Math.floor(from90k / 90)).toISOString().replace(/:/g, '-');
  return `${camera}_${time}.${format}`;
}
