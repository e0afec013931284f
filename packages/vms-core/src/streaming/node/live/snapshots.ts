import { spawn } from 'node:child_process';
import type { Clock } from '../../../base/common/clock';
import { VmsError } from '../../../base/common/errors';
import { frameToAnnexB } from '../../../media/common/annexBWriter';
import type { VideoFrame } from '../../../media/common/types';
import type { LiveHub } from './liveHub';

export interface SnapshotOptions {
  ffmpegPath?: string;
  /** A snapshot this recent is served again instead of decoding anew. */
  cacheMs?: number;
  /** How long to wait for a key frame when the stream is not open yet. */
  waitMs?: number;
}

/** Decodes a GOP (key frame first) and writes its last picture as JPEG, optionally scaled to `width`. */
export function snapshotArgs(codec: 'h264' | 'h265', pictures: number, width?: number): string[] {
  const filters = [`select=eq(n\\,${pictures - 1})`, ...(width ? [`scale=${width}:-2`] : [])];
  return [
    '-hide_banner', '-nostats', '-nostdin', '-loglevel', 'error', '-threads', '1',
    '-f', codec === 'h264' ? 'h264' : 'hevc', '-i', 'pipe:0',
    '-vf', filters.join(','), '-frames:v', '1', '-c:v', 'mjpeg', '-q:v', '4', '-f', 'image2pipe', 'pipe:1',
  ];
}

/**
 * JPEG snapshots of what a camera shows now (thumbnails, the mobile client's still view).
 * The current picture is the newest frame of the hub's cached GOP; being an inter frame, it
 * can only be had by decoding from the GOP's key frame, in one short ffmpeg run. When nobody
 * watches the stream, it is opened just until a key frame arrives. Each snapshot is reused for
 * `cacheMs`, so a wall of thumbnails polled by many clients costs one decode per stream.
 */
export class Snapshots {
  private readonly cache = new Map<string, { at: number; jpeg: Promise<Uint8Array> }>();
  private readonly running = new Set<Promise<unknown>>();
  private closed = false;

  constructor(private readonly deps: { hub: LiveHub; clock: Clock }, private readonly o: SnapshotOptions = {}) {}

  jpeg(cameraId: string, streamKey: string, opts: { width?: number } = {}): Promise<Uint8Array> {
    if (this.closed) return Promise.reject(new VmsError('VMS_ERR_CONFLICT', 'snapshots closed'));
    if (opts.width !== undefined && !(Number.isInteger(opts.width) && opts.width >= 16 && opts.width <= 7680)) {
      return Promise.reject(new VmsError('VMS_ERR_BAD_INPUT', `snapshot width ${opts.width} must be an integer 16..7680`));
    }
    const key = `${cameraId}\u0000${streamKey}\u0000${opts.width ?? ''}`;
    const now = this.deps.clock.monotonic();
    for (const [k, v] of this.cache) if (now - v.at > (this.o.cacheMs ?? 1000)) this.cache.delete(k);
    const hit = this.cache.get(key);
    if (hit) return hit.jpeg;
    const jpeg = this.track(this.take(cameraId, streamKey, opts.width));
    this.cache.set(key, { at: now, jpeg });
    jpeg.catch(() => this.cache.delete(key)); // never serve a failure from the cache
    return jpeg;
  }

  private async take(cameraId: string, streamKey: string, width: number | undefined): Promise<Uint8Array> {
    let gop = this.deps.hub.gop(cameraId, streamKey);
    if (gop.length === 0) gop = [await this.nextKeyFrame(cameraId, streamKey)];
    try {
      return await this.decode(gop, width);
    } catch (e) {
      // A damaged picture in the GOP means fewer pictures than frames: the key frame alone still decodes.
      if (gop.length === 1) throw e;
      return this.decode([gop[0]!], width);
    }
  }

  private nextKeyFrame(cameraId: string, streamKey: string): Promise<VideoFrame> {
    return new Promise((resolve, reject) => {
      const timer = this.deps.clock.setTimeout(() => finish(new VmsError('VMS_ERR_DEVICE_UNREACHABLE', 'no picture from the camera in time')), this.o.waitMs ?? 10_000);
      let done = false;
      const finish = (r: VideoFrame | VmsError) => {
        if (done) return;
        done = true;
        timer.cancel();
        sub?.dispose();
        if (r instanceof VmsError) reject(r);
        else resolve(r);
      };
      let sub: { dispose(): void } | undefined;
      try {
        sub = this.deps.hub.subscribe(cameraId, streamKey, (f) => f.isKey && finish(f), { fromLatestKeyFrame: true, onEnd: finish });
      } catch (e) {
        timer.cancel();
        return reject(e);
      }
      if (done) sub.dispose(); // the key frame came from the cache, inside subscribe()
    });
  }

  private decode(gop: VideoFrame[], width: number | undefined): Promise<Uint8Array> {
    const codec = gop[0]!.params.codec;
    const proc = spawn(this.o.ffmpegPath ?? 'ffmpeg', snapshotArgs(codec, gop.length, width), { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let stderr = '';
    proc.stdout.on('data', (c: Buffer) => out.push(c));
    proc.stderr.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-2000)));
    proc.stdin.on('error', () => {}); // EPIPE if ffmpeg stops reading once it has its picture
    for (const f of gop) proc.stdin.write(frameToAnnexB(f, { withParameterSets: f.isKey }));
    proc.stdin.end();
    return new Promise((resolve, reject) => {
      proc.once('error', (e) => reject(new VmsError('VMS_ERR_INTERNAL', `snapshot decoder: ${e.message}`)));
      proc.once('close', (code) => {
        const jpeg = Buffer.concat(out);
        if (code === 0 && jpeg.length > 2 && jpeg[0] === 0xff && jpeg[1] === 0xd8) resolve(new Uint8Array(jpeg));
        else reject(new VmsError('VMS_ERR_DATA_CORRUPT', `snapshot decode failed (${code}): ${stderr.trim() || 'no picture'}`));
      });
    });
  }

  private track<T>(p: Promise<T>): Promise<T> {
    const settled = p.catch(() => {}).finally(() => this.running.delete(settled));
    this.running.add(settled);
    return p;
  }

  /** Refuses new snapshots and waits for the decoders running now. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.running]);
    this.cache.clear();
  }
}
