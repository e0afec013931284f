import { describe, expect, it } from 'vitest';
import type { VideoFrame, VideoParameters } from '../../../media/common/types';
import { H264_PPS, H264_VECTORS, hex } from '../../../media/common/testVectors';
import { HlsSegmenter } from './hlsSegmenter';
import { parseHlsName, renderLivePlaylist } from './hlsPlaylist';

function params(i: number): VideoParameters {
  const v = H264_VECTORS[i]!;
  return { codec: 'h264', width: v.width, height: v.height, rfc6381: v.rfc6381, sps: [hex(v.sps)], pps: [hex(H264_PPS)] };
}

/** 25 fps, a key frame every `gop` frames. */
function frames(count: number, gop: number, p = params(0), start90k = 1_800_000_000 * 90_000, from = 0): VideoFrame[] {
  return Array.from({ length: count }, (_, k) => {
    const i = from + k;
    return { time90k: start90k + i * 3600, isKey: i % gop === 0, data: new Uint8Array(100), params: p };
  });
}

describe('HlsSegmenter', () => {
  it('cuts ~1 s segments at key frames, made of parts of at most 200 ms', () => {
    const s = new HlsSegmenter();
    for (const f of frames(25 * 5 + 1, 25)) s.push(f);
    const done = s.segments.filter((x) => x.complete);
    expect(done.map((x) => x.duration90k)).toEqual([90_000, 90_000, 90_000, 90_000, 90_000]);
    expect(done.every((x) => x.parts.length === 5 && x.parts.every((p) => p.duration90k === 18_000))).toBe(true);
    expect(done.map((x) => x.parts.map((p) => p.independent))).toEqual(Array(5).fill([true, false, false, false, false]));
    expect(s.maxPart90k).toBe(18_000);
  });

  it('with a half-second GOP, segments still last a second; with a 2 s GOP, two', () => {
    const half = new HlsSegmenter();
    for (const f of frames(25 * 3 + 1, 12)) half.push(f);
    expect(half.segments.filter((x) => x.complete).every((x) => x.duration90k >= 0.9 * 90_000 && x.duration90k <= 1.5 * 90_000)).toBe(true);
    const two = new HlsSegmenter();
    for (const f of frames(50 * 3 + 1, 50)) two.push(f);
    expect(two.segments.filter((x) => x.complete).map((x) => x.duration90k)).toEqual([180_000, 180_000, 180_000]);
  });

  it('keeps a sliding window and names files that can be looked up', () => {
    const s = new HlsSegmenter({ windowSegments: 3 });
    for (const f of frames(25 * 8 + 1, 25)) s.push(f);
    expect(s.segments.filter((x) => x.complete).map((x) => x.msn)).toEqual([5, 6, 7]);
    expect(s.segment(4)).toBeUndefined();
    const text = renderLivePlaylist(s);
    expect(text).toContain('#EXT-X-MEDIA-SEQUENCE:5\n');
    expect(text).toContain('#EXT-X-TARGETDURATION:1\n');
    expect(text).toContain('#EXT-X-MAP:URI="init-1.mp4"');
    expect(text).toMatch(/#EXTINF:1\.000,\nseg-7\.m4s\n/);
    expect(text).toContain(`#EXT-X-PRELOAD-HINT:TYPE=PART,URI="part-${s.nextPart}.m4s"`);
    expect(text).toContain('#EXT-X-PART:DURATION=0.200,URI="part-25.m4s",INDEPENDENT=YES');
    expect(parseHlsName('part-25.m4s')).toEqual({ kind: 'part', id: 25 });
    expect(parseHlsName('seg-7.m4s')).toEqual({ kind: 'segment', id: 7 });
    expect(parseHlsName('init-1.mp4')).toEqual({ kind: 'init', id: 1 });
    expect(parseHlsName('init-1.m4s')).toBeUndefined();
    expect(parseHlsName('../x')).toBeUndefined();
    expect(s.part(25)?.data.length).toBeGreaterThan(1);
    expect(s.has(7)).toBe(true);
    expect(s.has(8)).toBe(false);
    expect(s.has(8, 0)).toBe(false); // its key frame is held until the next frame arrives
  });

  it('starts a new init segment with a discontinuity when parameters change', () => {
    const s = new HlsSegmenter({ windowSegments: 2 });
    const a = frames(50, 25);
    const b = frames(76, 25, params(1), a[0]!.time90k, 50);
    for (const f of [...a, ...b]) s.push(f);
    expect([...s.inits.keys()]).toEqual([2]);
    let text = renderLivePlaylist(s);
    expect(text).not.toContain('#EXT-X-DISCONTINUITY\n');
    expect(text).toContain('#EXT-X-DISCONTINUITY-SEQUENCE:1\n');
    const c = new HlsSegmenter({ windowSegments: 4 });
    for (const f of [...a, ...frames(26, 25, params(1), a[0]!.time90k, 50)]) c.push(f);
    text = renderLivePlaylist(c);
    expect(text).toMatch(/#EXT-X-DISCONTINUITY\n#EXT-X-MAP:URI="init-2\.mp4"/);
    expect(text).toContain('#EXT-X-DISCONTINUITY-SEQUENCE:0\n');
  });

  it('never starts with a frame that is not a key frame', () => {
    const s = new HlsSegmenter();
    for (const f of frames(20, 25, params(0), 0, 5)) s.push(f);
    expect(s.segments).toEqual([]);
  });
});
