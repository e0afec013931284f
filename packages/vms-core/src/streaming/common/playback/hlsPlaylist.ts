import type { Time90k } from '../../../media/common/types';
import type { PlannedFrame, RangeSelection } from '../rangePlan';

/**
 * HLS VOD over recorded video, planned from the per-frame index alone. A segment is named by
 * what it holds — recording id and frame numbers in that recording's file — so a segment
 * request is answered from the index with no per-playlist state on the server, and a name
 * stays valid for as long as the recording exists.
 */
export interface HlsSegment {
  /** `RECORDING.FIRST-END.m4s`: frames [FIRST, END) of the recording's frame file. */
  name: string;
  recordingId: number;
  firstFrame: number;
  endFrame: number;
  start90k: Time90k;
  duration90k: number;
  videoParamsId: number;
  /** After a gap or a change of video format: the player must reset its timeline here. */
  discontinuity: boolean;
}

export const DEFAULT_SEGMENT_TARGET_90K = 2 * 90_000;
/** Bounds the work one crafted segment name can ask for (about 80 s at 25 fps). */
export const MAX_SEGMENT_FRAMES = 2_000;

const SEGMENT_NAME = /^(\d{1,15})\.(\d{1,9})-(\d{1,9})\.m4s$/;
const INIT_NAME = /^init-(\d{1,15})\.mp4$/;

export function segmentName(recordingId: number, firstFrame: number, endFrame: number): string {
  return `${recordingId}.${firstFrame}-${endFrame}.m4s`;
}

export function initName(videoParamsId: number): string {
  return `init-${videoParamsId}.mp4`;
}

export type HlsResourceName =
  | { kind: 'init'; videoParamsId: number }
  | { kind: 'segment'; recordingId: number; firstFrame: number; endFrame: number };

/** Parses a resource name of a playlist; undefined for anything we never generate. */
export function parseHlsName(name: string): HlsResourceName | undefined {
  const init = INIT_NAME.exec(name);
  if (init) return { kind: 'init', videoParamsId: Number(init[1]) };
  const s = SEGMENT_NAME.exec(name);
  if (!s) return undefined;
  const firstFrame = Number(s[2]);
  const endFrame = Number(s[3]);
  if (!(endFrame > firstFrame) || endFrame - firstFrame > MAX_SEGMENT_FRAMES) return undefined;
  return { kind: 'segment', recordingId: Number(s[1]), firstFrame, endFrame };
}

/**
 * Cuts the planned frames into segments: each starts at a key frame and closes at the first
 * key frame after `target` (so segments are one or a few GOPs, ~2–4 s for usual GOPs), at
 * the end of a recording, and before a gap. The frame before a gap is cut to end where its
 * recording ends, so a segment never spans a gap: the gap shows as a discontinuity.
 */
export function planHlsSegments(sel: RangeSelection, o: { target90k?: number } = {}): HlsSegment[] {
  const target = o.target90k ?? DEFAULT_SEGMENT_TARGET_90K;
  const out: HlsSegment[] = [];
  let afterGap = false;
  let paramsId: number | undefined;
  for (let i = 0; i < sel.items.length; i++) {
    const item = sel.items[i]!;
    if (item.kind === 'gap') {
      afterGap = out.length > 0;
      continue;
    }
    const next = sel.items[i + 1];
    const gapStart = next?.kind === 'gap' ? next.start90k : undefined;
    const duration = (f: PlannedFrame) => (gapStart === undefined ? f.duration90k : Math.min(f.duration90k, gapStart - f.time90k));
    let current: PlannedFrame[] = [];
    const close = () => {
      if (current.length === 0) return;
      const first = current[0]!;
      const last = current.at(-1)!;
      out.push({
        name: segmentName(item.recordingId, first.frameNumber, last.frameNumber + 1),
        recordingId: item.recordingId, firstFrame: first.frameNumber, endFrame: last.frameNumber + 1,
        start90k: first.time90k, duration90k: current.reduce((n, f) => n + duration(f), 0), videoParamsId: item.videoParamsId,
        discontinuity: afterGap || (paramsId !== undefined && paramsId !== item.videoParamsId),
      });
      afterGap = false;
      paramsId = item.videoParamsId;
      current = [];
    };
    for (const f of item.frames) {
      const elapsed = current.length > 0 ? f.time90k - current[0]!.time90k : 0;
      if (current.length > 0 && ((f.isKey && elapsed >= target) || current.length >= MAX_SEGMENT_FRAMES)) close();
      current.push(f);
    }
    close();
  }
  return out;
}

/** The media playlist text. URIs are relative, so the route decides where segments live. */
export function renderMediaPlaylist(segments: readonly HlsSegment[]): string {
  const seconds = (t: number) => (t / 90_000).toFixed(3);
  const iso = (t: number) => new Date(Math.floor(t / 90)).toISOString();
  const target = Math.max(1, ...segments.map((s) => Math.ceil(s.duration90k / 90_000)));
  const lines = [
    '#EXTM3U', '#EXT-X-VERSION:7', `#EXT-X-TARGETDURATION:${target}`, '#EXT-X-MEDIA-SEQUENCE:0',
    '#EXT-X-PLAYLIST-TYPE:VOD', '#EXT-X-INDEPENDENT-SEGMENTS',
  ];
  let map: number | undefined;
  segments.forEach((s, i) => {
    if (s.discontinuity) lines.push('#EXT-X-DISCONTINUITY');
    if (s.videoParamsId !== map) {
      lines.push(`#EXT-X-MAP:URI="${initName(s.videoParamsId)}"`);
      map = s.videoParamsId;
    }
    // The wall-clock anchor of every timeline piece: players place the segments by it, so
    // a gap keeps its true length on the player's clock instead of being papered over.
    if (i === 0 || s.discontinuity) lines.push(`#EXT-X-PROGRAM-DATE-TIME:${iso(s.start90k)}`);
    lines.push(`#EXTINF:${seconds(s.duration90k)},`, s.name);
  });
  lines.push('#EXT-X-ENDLIST', '');
  return lines.join('\n');
}
