import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isVmsError } from '../../base/common/errors';
import type { RecordedFixture } from './recordedFixture';
import { createRecordedFixture, SECOND, START } from './recordedFixture';
import { FRAME_90K } from './testClips';
import { ThumbnailService } from './thumbnails';

const run = promisify(execFile);

describe('ThumbnailService', () => {
  let fx: RecordedFixture;
  let service: ThumbnailService;
  beforeAll(async () => {
    fx = await createRecordedFixture();
  });
  afterAll(() => fx.dispose());
  afterEach(() => service.dispose());

  const size = async (jpeg: Uint8Array) => {
    const file = join(fx.dir, 'thumb.jpg');
    writeFileSync(file, jpeg);
    const { stdout } = await run('ffprobe', ['-v', 'error', '-show_entries', 'stream=width,height', '-of', 'csv=p=0', file]);
    return stdout.trim();
  };

  it.each(['cam-h264', 'cam-h264-enc', 'cam-h265'])('renders the frame shown at t as a JPEG of the requested width (%s)', async (camera) => {
    service = new ThumbnailService({ reader: fx.reader });
    const t = await service.jpeg(camera, START + 1.5 * SECOND, { width: 160 });
    expect([...t.jpeg.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    expect(t.shownAt90k).toBe(START + 37 * FRAME_90K);
    expect(await size(t.jpeg)).toBe('160,120');
  });

  it('serves an instant of the same frame from the cache without ffmpeg, and coalesces concurrent requests', async () => {
    service = new ThumbnailService({ reader: fx.reader });
    const [a, b] = await Promise.all([
      service.jpeg('cam-h264', START + 1.5 * SECOND, { width: 320 }),
      service.jpeg('cam-h264', START + 1.5 * SECOND, { width: 320 }),
    ]);
    expect(service.decodes).toBe(1);
    expect(b).toBe(a);
    // 1.5 s + 10 ms is still frame 37.
    expect(await service.jpeg('cam-h264', START + 1.5 * SECOND + 900, { width: 320 })).toBe(a);
    expect(service.decodes).toBe(1);
    expect(await size(a.jpeg)).toBe('320,240');
    await service.jpeg('cam-h264', START + 1.5 * SECOND, { width: 160 });
    expect(service.decodes).toBe(2);
  });

  it('evicts the least recently used pictures beyond its memory bound', async () => {
    service = new ThumbnailService({ reader: fx.reader, maxCacheBytes: 6000 });
    const first = await service.jpeg('cam-h264', START, { width: 160 });
    expect(first.jpeg.length).toBeGreaterThan(3000);
    await service.jpeg('cam-h264', START + SECOND, { width: 160 });
    await service.jpeg('cam-h264', START, { width: 160 });
    expect(service.decodes).toBe(3);
  });

  it('says nothing was recorded inside a gap and refuses odd widths', async () => {
    service = new ThumbnailService({ reader: fx.reader });
    const gap = await service.jpeg('cam-h264', START + 4 * SECOND, { width: 160 }).catch((e: unknown) => e);
    expect(isVmsError(gap, 'VMS_ERR_NOT_FOUND')).toBe(true);
    const bad = await service.jpeg('cam-h264', START, { width: 5000 }).catch((e: unknown) => e);
    expect(isVmsError(bad, 'VMS_ERR_BAD_INPUT')).toBe(true);
    expect(service.decodes).toBe(0);
  });
});
