import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isVmsError } from '../../../base/common/errors';
import { concatBytes } from '../../common/mp4/boxes';
import { parseHlsName } from '../../common/playback/hlsPlaylist';
import type { RecordedFixture } from '../recordedFixture';
import { createRecordedFixture, SECOND, START } from '../recordedFixture';
import { CLIP, decodeErrors, probe } from '../testClips';
import { HLS_PLAYLIST_TYPE, HlsVod } from './hlsVod';

describe('HlsVod', () => {
  let fx: RecordedFixture;
  let hls: HlsVod;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    fx = await createRecordedFixture();
    hls = new HlsVod({ db: fx.db, reader: fx.reader });
    // What the route will do, in a few lines: playlist by range, resources by name.
    server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const [, camera, name] = url.pathname.split('/');
      const reply = name === 'vod.m3u8'
        ? hls.playlist(camera!, Number(url.searchParams.get('from')), Number(url.searchParams.get('to')))
          .then((text) => ({ contentType: HLS_PLAYLIST_TYPE, parts: [Buffer.from(text)] }))
        : hls.resource(camera!, name!);
      reply.then((r) => {
        res.writeHead(200, { 'content-type': r.contentType });
        for (const p of r.parts) res.write(p);
        res.end();
      }, (e: unknown) => {
        res.writeHead(isVmsError(e, 'VMS_ERR_NOT_FOUND') ? 404 : 500).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    fx.dispose();
  });

  it('plans ~2 s key-frame segments per recording with a discontinuity and a date at the gap', async () => {
    const text = await hls.playlist('cam-h264', START, START + 10 * SECOND);
    const lines = text.split('\n');
    expect(lines).toContain('#EXT-X-PLAYLIST-TYPE:VOD');
    expect(lines.at(-2)).toBe('#EXT-X-ENDLIST');
    const segments = lines.filter((l) => l.endsWith('.m4s'));
    expect(segments.map((s) => parseHlsName(s))).toMatchObject([
      { kind: 'segment', firstFrame: 0, endFrame: 50 },
      { kind: 'segment', firstFrame: 0, endFrame: 25 },
    ]);
    expect(lines.filter((l) => l.startsWith('#EXTINF'))).toEqual(['#EXTINF:2.000,', '#EXTINF:1.000,']);
    const dates = lines.filter((l) => l.startsWith('#EXT-X-PROGRAM-DATE-TIME'));
    expect(dates).toEqual(['#EXT-X-PROGRAM-DATE-TIME:2026-06-01T12:00:00.000Z', '#EXT-X-PROGRAM-DATE-TIME:2026-06-01T12:00:07.000Z']);
    const disc = lines.indexOf('#EXT-X-DISCONTINUITY');
    expect(disc).toBeGreaterThan(lines.indexOf(segments[0]!));
    expect(lines.filter((l) => l.startsWith('#EXT-X-MAP'))).toHaveLength(1);
  });

  it('cuts a long recording at the key frame after the target', async () => {
    const short = new HlsVod({ db: fx.db, reader: fx.reader, segmentTarget90k: SECOND });
    const segments = await short.segments('cam-h265', START + 0.5 * SECOND, START + 1.5 * SECOND);
    expect(segments.map((s) => [s.firstFrame, s.endFrame, s.duration90k])).toEqual([[0, 25, SECOND], [25, 38, 13 * 3600]]);
  });

  it.each(['cam-h264', 'cam-h264-enc', 'cam-h265'])('serves init + segments that ffprobe reads and ffmpeg decodes (%s)', async (camera) => {
    const segments = await hls.segments(camera, START, START + 10 * SECOND);
    const init = await hls.resource(camera, `init-${segments[0]!.videoParamsId}.mp4`);
    const parts = [...init.parts];
    for (const s of segments) parts.push(...(await hls.resource(camera, s.name)).parts);
    const file = join(fx.dir, `${camera}-hls.mp4`);
    writeFileSync(file, concatBytes(parts));
    const p = await probe(file);
    expect(p).toMatchObject({ width: CLIP.width, height: CLIP.height, frames: 75 });
    expect(await decodeErrors(file)).toBe('');
  });

  it('is played over HTTP by ffmpeg\'s HLS demuxer, gap included', async () => {
    const url = `${base}/cam-h264/vod.m3u8?from=${START}&to=${START + 10 * SECOND}`;
    const p = await probe(url);
    expect(p).toMatchObject({ codec: 'h264', width: CLIP.width, frames: 75 });
  });

  it('refuses names it never generates and recordings of another camera', async () => {
    const [segment] = await hls.segments('cam-h264', START, START + SECOND);
    for (const name of ['../x', `${segment!.recordingId}.1-20.m4s`, `${segment!.recordingId}.0-99999.m4s`, 'init-999.mp4']) {
      const e = await hls.resource('cam-h264', name).catch((x: unknown) => x);
      expect(isVmsError(e, 'VMS_ERR_NOT_FOUND'), name).toBe(true);
    }
    const other = await hls.resource('cam-h265', segment!.name).catch((x: unknown) => x);
    expect(isVmsError(other, 'VMS_ERR_NOT_FOUND')).toBe(true);
  });
});
