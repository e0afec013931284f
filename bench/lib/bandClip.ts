import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { TIMECODE_BITS, TIMECODE_ROWS, decodeTimecode, timecodeSampleXs, TIMECODE_SAMPLE_Y } from '../../packages/vms-core/test/harness/timecode';

const run = promisify(execFile);

/**
 * A recorded clip whose pictures say where in the clip they are: the band of the test
 * cameras' timecode (test/harness/timecode.ts: TIMECODE_BITS cells across the top
 * TIMECODE_ROWS rows, white for a set bit, least significant first) carrying the clip time in
 * tenths of a second instead of the wall clock. fillRecordings starts every recorded minute at
 * the clip's first frame, so with a 60 s clip the band reads the position inside the minute
 * of any recorded instant, and decodeTimecode() reads it back from pixels sampled in the page.
 */
export async function encodeBandClip(file: string, o: { seconds: number; width: number; height: number; fps: number; bitrateKbps: number }): Promise<void> {
  const cell = o.width / TIMECODE_BITS;
  const bits = Math.ceil(Math.log2(o.seconds * 10 + 1));
  // floor(t × 10 + ε): frame times are multiples of 1/fps, and t × 10 of a whole tenth must not round down.
  const tenths = 'floor(t*10+0.001)';
  const boxes = [
    `drawbox=x=0:y=0:w=iw:h=${TIMECODE_ROWS}:color=black:t=fill`,
    ...Array.from({ length: bits }, (_, b) =>
      `drawbox=x=${Math.round(b * cell)}:y=0:w=${Math.round(cell)}:h=${TIMECODE_ROWS}:color=white:t=fill:enable='gt(bitand(${tenths},${2 ** b}),0)'`),
  ];
  await run('ffmpeg', [
    '-v', 'error', '-y', '-f', 'lavfi', '-i', `testsrc2=size=${o.width}x${o.height}:rate=${o.fps}:duration=${o.seconds}`,
    '-vf', boxes.join(','),
    '-c:v', 'libx264', '-preset', 'veryfast', '-profile:v', 'high', '-pix_fmt', 'yuv420p', '-bf', '0',
    '-b:v', `${o.bitrateKbps}k`, '-maxrate', `${o.bitrateKbps}k`, '-bufsize', `${o.bitrateKbps * 2}k`,
    '-g', String(o.fps), '-keyint_min', String(o.fps), '-sc_threshold', '0', file,
  ]);
}

/** Where the page samples the band of a picture `width` pixels wide: x of each cell, and the row. */
export function bandSamples(width: number): { xs: number[]; y: number } {
  return { xs: timecodeSampleXs(width), y: TIMECODE_SAMPLE_Y };
}

/** The clip time (ms, to the tenth of a second) a picture's band shows, or null when unreadable. */
export function readBand(luma: readonly number[]): number | null {
  return decodeTimecode(luma);
}
