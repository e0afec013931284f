import { spawn } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { VmsError } from '../../../base/common/errors';
import { fragmentedMp4 } from '../fragmentedMp4';
import type { RangePlan, RecordingReader } from '../recordingReader';
import type { ExportOptions, ExportRequest, ExportResult } from './exportFile';
import { ProgressCounter, requireFrames, writeAtomically } from './exportFile';

export interface MkvOptions extends ExportOptions {
  ffmpegPath?: string;
}

/** Exports a time range of one camera as Matroska (see exportPlanMkv). */
export async function exportMkv(reader: RecordingReader, req: ExportRequest, path: string, o: MkvOptions = {}): Promise<ExportResult> {
  const plan = await reader.plan(req.cameraId, req.from90k, req.to90k, { streamKey: o.streamKey });
  return exportPlanMkv(reader, plan, path, o);
}

/**
 * Writes a planned range as Matroska by remuxing our fragmented MP4 through ffmpeg
 * (`-c copy`: nothing is re-encoded). ffmpeg keeps the fragments' timestamps, so gaps keep
 * their length; DateUTC carries the first frame's wall-clock time. ffmpeg's MP4 demuxer
 * cannot take a second init segment from a pipe, so a range whose parameter sets change is
 * refused here (export it as MP4, which holds several sample descriptions).
 */
export async function exportPlanMkv(reader: RecordingReader, plan: RangePlan, path: string, o: MkvOptions = {}): Promise<ExportResult> {
  const { start90k, end90k } = requireFrames(plan);
  if (plan.params.size > 1) {
    throw new VmsError('VMS_ERR_BAD_INPUT', `camera ${plan.cameraId}: the video format changes inside the range; export as MP4`);
  }
  const progress = new ProgressCounter({ totalFrames: plan.frames, totalBytes: plan.sampleBytes }, o.onProgress);
  await writeAtomically(path, (part) => remux(part, start90k, o, async (write) => {
    for await (const chunk of fragmentedMp4(reader, plan, { signal: o.signal })) {
      for (const p of chunk.parts) await write(p);
      if (chunk.kind === 'media') progress.add(chunk.frames, chunk.sampleBytes);
    }
  }));
  const { size } = await stat(path);
  return { path, cameraId: plan.cameraId, frames: plan.frames, bytes: size, start90k, end90k, gaps: plan.gaps };
}

/** Runs ffmpeg from MP4 on stdin to Matroska in `out`, feeding it with backpressure. */
async function remux(out: string, start90k: number, o: MkvOptions, feed: (write: (b: Uint8Array) => Promise<void>) => Promise<void>): Promise<void> {
  const child = spawn(o.ffmpegPath ?? 'ffmpeg', [
    '-hide_banner', '-nostdin', '-v', 'error', '-f', 'mp4', '-i', 'pipe:0', '-map', '0:v:0', '-c', 'copy',
    // Milliseconds, which the MP4 creation_time (whole seconds) cannot carry.
    '-metadata', `creation_time=${new Date(Math.floor(start90k / 90)).toISOString()}`,
    '-f', 'matroska', '-y', out,
  ], { stdio: ['pipe', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (s: string) => { stderr = (stderr + s).slice(-4000); });
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve(code));
  });
  // An EPIPE when ffmpeg dies early surfaces through its exit status below, not here.
  child.stdin.on('error', () => undefined);
  const onAbort = () => child.kill('SIGKILL');
  o.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    await feed((b) => new Promise<void>((resolve, reject) => {
      if (child.exitCode !== null || child.signalCode !== null) return reject(new Error('ffmpeg exited'));
      if (child.stdin.write(b)) resolve();
      else {
        const done = () => { child.stdin.off('drain', done); child.off('close', done); resolve(); };
        child.stdin.once('drain', done);
        child.once('close', done);
      }
    }));
    child.stdin.end();
  } catch (e) {
    child.kill('SIGKILL');
    await exited.catch(() => undefined);
    o.signal?.throwIfAborted();
    if (stderr.trim()) throw new VmsError('VMS_ERR_INTERNAL', `ffmpeg remux to Matroska failed: ${stderr.trim()}`, { cause: e });
    throw e;
  } finally {
    o.signal?.removeEventListener('abort', onAbort);
  }
  const code = await exited;
  o.signal?.throwIfAborted();
  if (code !== 0) throw new VmsError('VMS_ERR_INTERNAL', `ffmpeg remux to Matroska failed (${code}): ${stderr.trim()}`);
}
