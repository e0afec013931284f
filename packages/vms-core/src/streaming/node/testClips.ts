/**
 * Test helpers: short real H.264/H.265 clips made by ffmpeg, turned into VideoFrames the way
 * the recorder sees them, and ffprobe/ffmpeg checks of what the muxers write. Test-only.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { AccessUnitAssembler } from '../../media/common/accessUnitAssembler';
import { splitAnnexB } from '../../media/common/annexB';
import type { VideoCodec, VideoFrame } from '../../media/common/types';

const run = promisify(execFile);

// superfast (not ultrafast) gives High profile, whose avcC carries the chroma/bit-depth extension.
export const CLIP = { width: 320, height: 240, fps: 25, gop: 25, seconds: 3 } as const;
export const FRAME_90K = 90_000 / CLIP.fps;

/** Encodes a test pattern and returns its frames, timed from start90k at CLIP.fps. */
export async function makeClip(dir: string, codec: VideoCodec, start90k: number): Promise<VideoFrame[]> {
  const out = join(dir, `clip.${codec}`);
  const encoder = codec === 'h264'
    ? ['-c:v', 'libx264', '-preset', 'superfast', '-g', String(CLIP.gop), '-bf', '0', '-sc_threshold', '0', '-f', 'h264']
    : ['-c:v', 'libx265', '-preset', 'ultrafast',
      '-x265-params', `keyint=${CLIP.gop}:min-keyint=${CLIP.gop}:scenecut=0:bframes=0:open-gop=0:log-level=error`, '-f', 'hevc'];
  await run('ffmpeg', [
    '-v', 'error', '-f', 'lavfi', '-i', `testsrc2=size=${CLIP.width}x${CLIP.height}:rate=${CLIP.fps}`,
    '-t', String(CLIP.seconds), '-pix_fmt', 'yuv420p', ...encoder, '-threads', '1', '-y', out,
  ]);
  const frames: VideoFrame[] = [];
  const assembler = new AccessUnitAssembler(codec, (f) => frames.push(f), { splitOnTimestamp: false });
  for (const nal of splitAnnexB(await readFile(out))) assembler.push(nal, 0);
  assembler.end();
  // Annex B carries no timestamps: the clip is constant frame rate.
  return frames.map((f, i) => ({ ...f, time90k: start90k + Math.round(i * FRAME_90K) }));
}

export interface ProbeResult {
  codec: string;
  profile: string;
  width: number;
  height: number;
  frames: number;
  duration: number;
  creationTime: string | undefined;
  formatName: string;
}

export async function probe(file: string): Promise<ProbeResult> {
  const { stdout } = await run('ffprobe', [
    '-v', 'error', '-count_frames', '-show_streams', '-show_format', '-of', 'json', file,
  ]);
  const j = JSON.parse(stdout) as {
    streams: { codec_name: string; profile: string; width: number; height: number; nb_read_frames: string; duration?: string; tags?: Record<string, string> }[];
    format: { duration: string; format_name: string; tags?: Record<string, string> };
  };
  const s = j.streams[0]!;
  return {
    codec: s.codec_name, profile: s.profile, width: s.width, height: s.height, frames: Number(s.nb_read_frames),
    duration: Number(s.duration ?? j.format.duration), creationTime: j.format.tags?.creation_time,
    formatName: j.format.format_name,
  };
}

/** Decodes every frame; resolves with ffmpeg's error output (empty when the file is clean). */
export async function decodeErrors(file: string): Promise<string> {
  const { stderr } = await run('ffmpeg', ['-v', 'error', '-threads', '1', '-i', file, '-f', 'null', '-']);
  return stderr.trim();
}
