import { execFile } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { systemClock } from '../../packages/vms-core/src/base/node/systemClock';
import { AccessUnitAssembler } from '../../packages/vms-core/src/media/common/accessUnitAssembler';
import { splitAnnexB } from '../../packages/vms-core/src/media/common/annexB';
import type { Time90k, VideoFrame } from '../../packages/vms-core/src/media/common/types';
import type { MediaDb } from '../../packages/vms-core/src/media-db/node/mediaDb';
import { RecordingWriter } from '../../packages/vms-core/src/media-db/node/recordingWriter';
import type { StorageHandle } from '../../packages/vms-core/src/media-db/node/storageHandle';
import type { SiteKeys } from '../../packages/vms-core/src/security/node/siteKeys';

const run = promisify(execFile);

/**
 * The frames of an H.264 MP4 as the recorder sees them (length-prefixed NAL units, parameter
 * sets apart), timed from 0 at `fps`. ffmpeg only rewraps the stream to Annex B (-c copy).
 */
export async function loadClipFrames(mp4: string, tempDir: string, fps: number): Promise<VideoFrame[]> {
  const annexB = path.join(tempDir, `${path.basename(mp4)}.h264`);
  await run('ffmpeg', ['-v', 'error', '-y', '-i', mp4, '-c:v', 'copy', '-bsf:v', 'h264_mp4toannexb', '-an', '-f', 'h264', annexB]);
  const frames: VideoFrame[] = [];
  const assembler = new AccessUnitAssembler('h264', (f) => frames.push(f), { splitOnTimestamp: false });
  for (const nal of splitAnnexB(await readFile(annexB))) assembler.push(nal, 0);
  assembler.end();
  await rm(annexB, { force: true });
  return frames.map((f, i) => ({ ...f, time90k: Math.round((i * 90_000) / fps) }));
}

/** Encodes a test pattern (H.264 High, no B-frames, a key frame every second) to an MP4. */
export async function encodeClip(file: string, o: { seconds: number; width: number; height: number; fps: number; bitrateKbps: number }): Promise<void> {
  await run('ffmpeg', [
    '-v', 'error', '-y', '-f', 'lavfi', '-i', `testsrc2=size=${o.width}x${o.height}:rate=${o.fps}:duration=${o.seconds}`,
    '-c:v', 'libx264', '-preset', 'veryfast', '-profile:v', 'high', '-pix_fmt', 'yuv420p', '-bf', '0',
    '-b:v', `${o.bitrateKbps}k`, '-maxrate', `${o.bitrateKbps}k`, '-bufsize', `${o.bitrateKbps * 2}k`,
    '-g', String(o.fps), '-keyint_min', String(o.fps), '-sc_threshold', '0', file,
  ]);
}

export interface FillResult {
  recordings: number;
  frames: number;
  bytes: number;
  start90k: Time90k;
  end90k: Time90k;
}

/**
 * Fills [start, start + minutes) of one camera with one-minute recordings through the real
 * RecordingWriter, one continuous run, cycling through `clip` (times relative to 0, each
 * minute starting at a key frame). Only the timestamps are shifted; the bytes are the clip's.
 */
export async function fillRecordings(
  deps: { db: MediaDb; keys: SiteKeys; storage: StorageHandle },
  o: { cameraId: string; streamKey: string; clip: VideoFrame[]; fps: number; start90k: Time90k; minutes: number; onProgress?: (minutesDone: number) => void },
): Promise<FillResult> {
  const perMinute = 60 * o.fps;
  const minute90k = 60 * 90_000;
  const runId = deps.db.newRunId();
  let frames = 0;
  let bytes = 0;
  let cursor = 0;
  for (let m = 0; m < o.minutes; m++) {
    if (!o.clip[cursor % o.clip.length]!.isKey) throw new Error(`clip frame ${cursor % o.clip.length} is not a key frame: the clip must have a key frame every second`);
    const start90k = o.start90k + m * minute90k;
    const slice: VideoFrame[] = [];
    for (let i = 0; i < perMinute; i++) {
      const f = o.clip[(cursor + i) % o.clip.length]!;
      slice.push({ ...f, time90k: start90k + Math.round((i * 90_000) / o.fps) });
    }
    cursor += perMinute;
    const w = RecordingWriter.create({ db: deps.db, keys: deps.keys, clock: systemClock }, {
      storage: deps.storage, cameraId: o.cameraId, streamKey: o.streamKey, runId, params: slice[0]!.params, start90k,
    });
    for (const f of slice) {
      w.append(f);
      bytes += f.data.length;
    }
    await w.close(start90k + minute90k);
    frames += slice.length;
    o.onProgress?.(m + 1);
  }
  return { recordings: o.minutes, frames, bytes, start90k: o.start90k, end90k: o.start90k + o.minutes * minute90k };
}
