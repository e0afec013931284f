import type { HlsSegmenter } from './hlsSegmenter';

/** File names a live HLS stream serves (relative to its playlist). */
export const hlsNames = {
  playlist: 'live.m3u8',
  init: (id: number) => `init-${id}.mp4`,
  segment: (msn: number) => `seg-${msn}.m4s`,
  part: (id: number) => `part-${id}.m4s`,
};

export type HlsFileRef = { kind: 'init' | 'segment' | 'part'; id: number };

export function parseHlsName(name: string): HlsFileRef | undefined {
  const m = /^(init|seg|part)-(\d{1,12})\.(mp4|m4s)$/.exec(name);
  if (!m) return undefined;
  const kind = m[1] === 'init' ? 'init' : m[1] === 'seg' ? 'segment' : 'part';
  if ((kind === 'init') !== (m[3] === 'mp4')) return undefined;
  return { kind, id: Number(m[2]) };
}

/** Parts are listed for this many of the newest complete segments (the spec asks for ≥ 3 target durations). */
const SEGMENTS_WITH_PARTS = 3;

const sec = (t90k: number) => (t90k / 90_000).toFixed(3);

/**
 * The media playlist of a live stream (RFC 8216bis, Low-Latency HLS): a sliding window of
 * segments, parts of the newest ones, and a preload hint for the next part, which the server
 * answers by holding the request until the part exists (blocking playlist reloads too).
 */
export function renderLivePlaylist(s: HlsSegmenter): string {
  const segs = s.segments.filter((x) => x.complete || x.parts.length > 0);
  const first = segs[0];
  const partTarget = Math.max(s.partTarget90k, s.maxPart90k);
  const longest = Math.max(s.segmentTarget90k, s.maxSegment90k, ...segs.map((x) => x.duration90k));
  const lines = [
    '#EXTM3U',
    '#EXT-X-VERSION:9',
    `#EXT-X-TARGETDURATION:${Math.max(1, Math.round(longest / 90_000))}`,
    `#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES,PART-HOLD-BACK=${sec(partTarget * 3)}`,
    `#EXT-X-PART-INF:PART-TARGET=${sec(partTarget)}`,
    `#EXT-X-MEDIA-SEQUENCE:${first?.msn ?? 0}`,
    `#EXT-X-DISCONTINUITY-SEQUENCE:${s.discontinuitiesDropped}`,
  ];
  const completeCount = segs.filter((x) => x.complete).length;
  let initId: number | undefined;
  segs.forEach((seg, i) => {
    if (seg.initId !== initId) {
      if (initId !== undefined) lines.push('#EXT-X-DISCONTINUITY');
      initId = seg.initId;
      lines.push(`#EXT-X-MAP:URI="${hlsNames.init(seg.initId)}"`);
    }
    lines.push(`#EXT-X-PROGRAM-DATE-TIME:${new Date(seg.start90k / 90).toISOString()}`);
    if (!seg.complete || i >= completeCount - SEGMENTS_WITH_PARTS) {
      for (const p of seg.parts) {
        lines.push(`#EXT-X-PART:DURATION=${sec(p.duration90k)},URI="${hlsNames.part(p.id)}"${p.independent ? ',INDEPENDENT=YES' : ''}`);
      }
    }
    if (seg.complete) lines.push(`#EXTINF:${sec(seg.duration90k)},`, hlsNames.segment(seg.msn));
  });
  lines.push(`#EXT-X-PRELOAD-HINT:TYPE=PART,URI="${hlsNames.part(s.nextPart)}"`);
  return lines.join('\n') + '\n';
}
