import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isVmsError } from '../../../base/common/errors';
import type { RecordedFixture } from '../recordedFixture';
import { createRecordedFixture, GAP_90K, SECOND, START } from '../recordedFixture';
import { CLIP, decodeErrors, FRAME_90K, probe } from '../testClips';
import type { ExportProgress } from './exportFile';
import { exportCameras, exportFileName } from './exportFolder';
import { exportMkv } from './exportMkv';
import { exportMp4 } from './exportMp4';

describe('export', () => {
  let fx: RecordedFixture;
  beforeAll(async () => {
    fx = await createRecordedFixture();
  });
  afterAll(() => fx.dispose());

  // 1.3 s .. 7.5 s: from the key frame at 1.0 s, 25 frames, the 5 s gap, then 13 frames.
  const range = (cameraId: string) => ({ cameraId, from90k: START + 1.3 * SECOND, to90k: START + 7.5 * SECOND });
  const expectedFrames = 38;
  const expectedDuration = (7.5 * SECOND + FRAME_90K / 2 - 1 * SECOND) / SECOND; // 6.52 s to the last frame's end
  const ffNames = { h264: 'h264', h265: 'hevc' } as const;

  describe.each([
    ['mp4', exportMp4],
    ['mkv', exportMkv],
  ] as const)('%s', (format, exportRange) => {
    it.each(['h264', 'h264Encrypted', 'h265'] as const)('exports a sub-range of %s that ffprobe reads and ffmpeg decodes', async (name) => {
      const cam = fx.cameras[name];
      const path = join(fx.dir, `${name}.${format}`);
      const progress: ExportProgress[] = [];
      const result = await exportRange(fx.reader, range(cam.cameraId), path, { onProgress: (p) => progress.push(p) });
      expect(result).toMatchObject({ path, frames: expectedFrames, start90k: START + SECOND });
      expect(result.gaps).toEqual([{ kind: 'gap', start90k: START + 2 * SECOND, end90k: START + 2 * SECOND + GAP_90K }]);
      expect(progress.at(-1)).toMatchObject({ frames: expectedFrames, totalFrames: expectedFrames });
      expect(progress.at(-1)!.bytes).toBe(progress.at(-1)!.totalBytes);
      const p = await probe(path);
      expect(p).toMatchObject({ codec: ffNames[cam.codec], width: CLIP.width, height: CLIP.height, frames: expectedFrames });
      expect(Math.abs(p.duration - expectedDuration)).toBeLessThanOrEqual(FRAME_90K / SECOND);
      expect(p.creationTime).toMatch(/^2026-06-01T12:00:01\.0+Z$/);
      expect(await decodeErrors(path)).toBe('');
      expect(existsSync(`${path}.part`)).toBe(false);
    });

    it('removes the partial file when cancelled', async () => {
      const path = join(fx.dir, `cancelled.${format}`);
      const ac = new AbortController();
      ac.abort(new Error('user cancelled'));
      await expect(exportRange(fx.reader, range('cam-h265'), path, { signal: ac.signal })).rejects.toThrow('user cancelled');
      expect(existsSync(path)).toBe(false);
      expect(existsSync(`${path}.part`)).toBe(false);
    });
  });

  it('refuses a range with nothing recorded', async () => {
    const error = await exportMp4(fx.reader, { cameraId: 'cam-h264', from90k: START + 3 * SECOND, to90k: START + 4 * SECOND }, join(fx.dir, 'none.mp4'))
      .catch((e: unknown) => e);
    expect(isVmsError(error, 'VMS_ERR_NOT_FOUND')).toBe(true);
    expect(existsSync(join(fx.dir, 'none.mp4'))).toBe(false);
  });

  it('exports several cameras as one file each, with progress over all of them', async () => {
    const folder = join(fx.dir, 'bundle');
    const progress: ExportProgress[] = [];
    const result = await exportCameras(fx.reader, {
      cameraIds: ['cam-h264', 'cam-h265', 'cam-none'], from90k: START, to90k: START + 10 * SECOND, folder, format: 'mp4',
    }, { onProgress: (p) => progress.push(p) });
    expect(result.empty).toEqual(['cam-none']);
    expect(result.files.map((f) => f.frames)).toEqual([75, 75]);
    expect(readdirSync(folder).sort()).toEqual([
      exportFileName('cam-h264', START, 'mp4'), exportFileName('cam-h265', START, 'mp4'),
    ]);
    expect(progress.at(-1)).toMatchObject({ frames: 150, totalFrames: 150 });
    expect((await probe(result.files[1]!.path)).codec).toBe('hevc');
  });

  it('removes every file of a multi-camera export that is cancelled midway', async () => {
    const folder = join(fx.dir, 'cancelled-bundle');
    const ac = new AbortController();
    // Progress reaches the first camera's total only when its file is complete.
    const onProgress = (p: ExportProgress) => p.frames >= 75 && ac.abort(new Error('stop'));
    await expect(exportCameras(fx.reader, {
      cameraIds: ['cam-h264', 'cam-h265'], from90k: START, to90k: START + 10 * SECOND, folder, format: 'mkv',
    }, { onProgress, signal: ac.signal })).rejects.toThrow('stop');
    expect(readdirSync(folder)).toEqual([]);
  });
});
