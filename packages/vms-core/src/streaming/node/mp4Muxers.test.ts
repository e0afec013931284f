import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/util/syntheticMedia';
import type { VideoCodec, VideoFrame } from '../../media/common/types';
import { CLIP, decodeErrors, FRAME_90K, makeClip, probe } from './testClips';
import { concatBytes } from '../common/mp4/boxes';
import { buildInitSegment } from '../common/mp4/initSegment';
import { buildMediaSegment } from '../common/mp4/mediaSegment';
import { planProgressiveMp4 } from '../common/mp4/progressiveMp4';

const START = Date.UTC(2026, 5, 1, 12, 0, 0) * 90;

describe.each<[VideoCodec, string, string]>([
  ['h264', 'h264', 'High'], // High profile: the avcC carries the chroma/bit-depth extension
  ['h265', 'hevc', 'Main'],
])('MP4 muxers with real %s', (codec, ffName, profile) => {
  let dir: ReturnType<typeof tempDir>;
  let frames: VideoFrame[];

  beforeAll(async () => {
    dir = tempDir('nightjar-mp4-');
    frames = await makeClip(dir.path, codec, START);
  });
  afterAll(() => dir.dispose());

  it('writes an init segment and two media segments that ffprobe reads and ffmpeg decodes', async () => {
    const segment = (from: number, to: number, seq: number) => buildMediaSegment({
      sequenceNumber: seq, baseMediaDecodeTime90k: frames[from]!.time90k - START,
      samples: frames.slice(from, to).map((f) => ({ duration90k: FRAME_90K, isKey: f.isKey, data: f.data })),
    });
    const file = join(dir.path, 'frag.mp4');
    writeFileSync(file, concatBytes([buildInitSegment(frames[0]!.params, { creationTime90k: START }), ...segment(0, 25, 1), ...segment(25, 50, 2)]));
    const p = await probe(file);
    expect(p).toMatchObject({ codec: ffName, profile, width: CLIP.width, height: CLIP.height, frames: 50 });
    expect(p.duration).toBeCloseTo(2, 1);
    expect(p.creationTime).toBe('2026-06-01T12:00:00.000000Z');
    expect(await decodeErrors(file)).toBe('');
  });

  it('writes a progressive MP4 whose moov is planned from sizes alone', async () => {
    const part = frames.slice(0, 60);
    const plan = planProgressiveMp4({
      descriptions: [part[0]!.params], creationTime90k: START,
      samples: part.map((f, i) => ({ duration90k: FRAME_90K, size: f.data.length, isKey: f.isKey, descriptionIndex: 1, newChunk: i % 25 === 0 })),
    });
    const file = join(dir.path, 'prog.mp4');
    const bytes = concatBytes([plan.header, ...part.map((f) => f.data)]);
    expect(bytes.length).toBe(plan.totalBytes);
    writeFileSync(file, bytes);
    const p = await probe(file);
    expect(p).toMatchObject({ codec: ffName, profile, width: CLIP.width, height: CLIP.height, frames: 60 });
    expect(p.duration).toBeCloseTo(2.4, 2);
    expect(p.creationTime).toBe('2026-06-01T12:00:00.000000Z');
    expect(await decodeErrors(file)).toBe('');
  });
});
