import { VmsError } from '../../../base/common/errors';
import type { MediaDb } from '../../../media-db/node/mediaDb';
import type { Time90k } from '../../../media/common/types';
import { buildInitSegment } from '../../common/mp4/initSegment';
import { buildMediaSegment } from '../../common/mp4/mediaSegment';
import type { HlsSegment } from '../../common/playback/hlsPlaylist';
import { DEFAULT_SEGMENT_TARGET_90K, parseHlsName, planHlsSegments, renderMediaPlaylist } from '../../common/playback/hlsPlaylist';
import type { PlannedRecording } from '../../common/rangePlan';
import type { RangePlan, RecordingReader } from '../recordingReader';

export interface HlsResource {
  contentType: string;
  /** Bytes to send in order (frame payloads are not copied into one buffer). */
  parts: Uint8Array[];
}

export const HLS_PLAYLIST_TYPE = 'application/vnd.apple.mpegurl';

/**
 * HLS VOD of recorded video. A route needs two calls:
 *   GET  .../hls/vod.m3u8?from&to  → playlist(cameraId, from, to)
 *   GET  .../hls/:name             → resource(cameraId, name)
 * The playlist's URIs are relative, so both routes share one folder-like prefix. Segments are
 * stateless (see hlsPlaylist.ts) and carry wall time since the Unix epoch as their decode
 * time, so any segment of any playlist of a camera lines up with every other.
 */
export class HlsVod {
  constructor(private readonly deps: { db: MediaDb; reader: RecordingReader; segmentTarget90k?: number }) {}

  async segments(cameraId: string, from90k: Time90k, to90k: Time90k, o: { streamKey?: string } = {}): Promise<HlsSegment[]> {
    const plan = await this.deps.reader.plan(cameraId, from90k, to90k, o);
    if (plan.frames === 0) throw new VmsError('VMS_ERR_NOT_FOUND', `camera ${cameraId} has no recording in the range`);
    return planHlsSegments(plan, { target90k: this.deps.segmentTarget90k ?? DEFAULT_SEGMENT_TARGET_90K });
  }

  async playlist(cameraId: string, from90k: Time90k, to90k: Time90k, o: { streamKey?: string } = {}): Promise<string> {
    return renderMediaPlaylist(await this.segments(cameraId, from90k, to90k, o));
  }

  /** An init segment or a media segment named by a playlist of this camera. */
  async resource(cameraId: string, name: string, o: { signal?: AbortSignal } = {}): Promise<HlsResource> {
    const parsed = parseHlsName(name);
    if (!parsed) throw new VmsError('VMS_ERR_NOT_FOUND', `no HLS resource "${name}"`);
    if (parsed.kind === 'init') {
      const params = this.deps.db.getParams(parsed.videoParamsId);
      if (!params) throw new VmsError('VMS_ERR_NOT_FOUND', `no HLS resource "${name}"`);
      return { contentType: 'video/mp4', parts: [buildInitSegment(params)] };
    }
    const { recording, plan } = await planRecording(this.deps, cameraId, parsed.recordingId);
    const frames = recording.frames.filter((f) => f.frameNumber >= parsed.firstFrame && f.frameNumber < parsed.endFrame);
    // Only names this code generates are served: whole, starting at a key frame.
    if (frames.length !== parsed.endFrame - parsed.firstFrame || !frames[0]?.isKey) {
      throw new VmsError('VMS_ERR_NOT_FOUND', `no HLS resource "${name}"`);
    }
    const samples = [];
    for await (const item of this.deps.reader.read(subPlan(plan, { ...recording, frames }), o)) {
      if (item.kind === 'frame') samples.push({ duration90k: item.duration90k, isKey: item.isKey, data: item.data });
    }
    const first = frames[0];
    const parts = buildMediaSegment({
      // Milliseconds of wall time: increasing from segment to segment without any state.
      sequenceNumber: Math.floor(first.time90k / 90) % 2 ** 32,
      baseMediaDecodeTime90k: first.time90k,
      samples,
    });
    return { contentType: 'video/iso.segment', parts };
  }
}

/**
 * The plan of one whole recording of a camera, from the index (an open one up to its last
 * written frame). A recording of another camera is "not found", so a route that checked the
 * camera's rights cannot be used to read another camera's video by guessing recording ids.
 */
export async function planRecording(
  deps: { db: MediaDb; reader: RecordingReader },
  cameraId: string,
  recordingId: number,
): Promise<{ recording: PlannedRecording; plan: RangePlan }> {
  const row = deps.db.getRecording(recordingId);
  const end90k = row ? (row.end90k ?? deps.db.writing.index(recordingId)?.end90k) : undefined;
  if (!row || row.cameraId !== cameraId || end90k === undefined) {
    throw new VmsError('VMS_ERR_NOT_FOUND', `camera ${cameraId} has no recording ${recordingId}`);
  }
  const plan = await deps.reader.plan(cameraId, row.start90k, end90k, { streamKey: row.streamKey });
  const recording = plan.items.find((i): i is PlannedRecording => i.kind === 'recording' && i.recordingId === recordingId);
  if (!recording) throw new VmsError('VMS_ERR_NOT_FOUND', `recording ${recordingId} has no readable frames`);
  return { recording, plan };
}

/** A plan that reads only the given frames of one recording (RecordingReader.read takes any plan). */
export function subPlan(plan: RangePlan, recording: PlannedRecording): RangePlan {
  const first = recording.frames[0];
  const last = recording.frames.at(-1);
  return {
    ...plan,
    items: [recording],
    gaps: [],
    frames: recording.frames.length,
    sampleBytes: recording.frames.reduce((n, f) => n + f.sampleBytes, 0),
    start90k: first?.time90k,
    end90k: last ? last.time90k + last.duration90k : undefined,
  };
}
