import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { VmsError } from '../../base/common/errors';
import { frameToAnnexB } from '../../media/common/annexBWriter';
import type { Time90k } from '../../media/common/types';
import type { RecordedFrame, RecordingReader } from './recordingReader';

export interface Thumbnail {
  jpeg: Uint8Array;
  /** Wall time of the picture shown: the last frame at or before the requested instant. */
  shownAt90k: Time90k;
  width: number;
}

export interface ThumbnailOptions {
  reader: RecordingReader;
  ffmpegPath?: string;
  /** Memory bound of the cache (JPEG bytes). */
  maxCacheBytes?: number;
}

const MIN_WIDTH = 16;
const MAX_WIDTH = 1920;

/**
 * JPEG pictures of a camera at any instant. The index says which frame is shown at t; the
 * cache is keyed by that frame (not by t), so every instant inside one frame's time is one
 * entry. To show a frame exactly, ffmpeg decodes from the key frame before it and keeps only
 * the last picture, scaled in the same process. Identical requests in flight share one ffmpeg.
 */
export class ThumbnailService {
  private readonly cache = new Map<string, Thumbnail>();
  private cacheBytes = 0;
  private readonly inFlight = new Map<string, Promise<Thumbnail>>();
  private readonly children = new Set<ChildProcess>();
  private disposed = false;
  /** ffmpeg processes started so far (tests and metrics). */
  decodes = 0;

  constructor(private readonly o: ThumbnailOptions) {}

  async jpeg(cameraId: string, t90k: Time90k, o: { width: number; streamKey?: string }): Promise<Thumbnail> {
    if (this.disposed) throw new VmsError('VMS_ERR_CONFLICT', 'the thumbnail service is closed');
    const width = o.width;
    if (!Number.isInteger(width) || width < MIN_WIDTH || width > MAX_WIDTH) {
      throw new VmsError('VMS_ERR_BAD_INPUT', `width must be an integer in ${MIN_WIDTH}..${MAX_WIDTH}`);
    }
    const plan = await this.o.reader.plan(cameraId, t90k, t90k + 1, { streamKey: o.streamKey });
    const recording = plan.items.find((i) => i.kind === 'recording');
    const shown = recording?.kind === 'recording' ? recording.frames.at(-1) : undefined;
    if (!shown || plan.frames === 0) throw new VmsError('VMS_ERR_NOT_FOUND', `camera ${cameraId} recorded nothing at that instant`);
    const key = `${cameraId}\0${shown.time90k}\0${width}`;
    const cached = this.cache.get(key);
    if (cached) {
      // Map order is the LRU order: a hit moves the entry to the young end.
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached;
    }
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.render(plan, shown.time90k, width).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
      pending.then((t) => this.remember(key, t), () => undefined);
    }
    return pending;
  }

  /** Kills running decodes and drops the cache. */
  dispose(): void {
    this.disposed = true;
    for (const c of this.children) c.kill('SIGKILL');
    this.cache.clear();
    this.cacheBytes = 0;
  }

  private async render(plan: Awaited<ReturnType<RecordingReader['plan']>>, shownAt90k: Time90k, width: number): Promise<Thumbnail> {
    const frames: RecordedFrame[] = [];
    for await (const item of this.o.reader.read(plan)) if (item.kind === 'frame') frames.push(item);
    const jpeg = await this.decode(frames, width);
    return { jpeg, shownAt90k, width };
  }

  private decode(frames: readonly RecordedFrame[], width: number): Promise<Uint8Array> {
    const codec = frames[0]?.params.codec ?? 'h264';
    this.decodes++;
    const child = spawn(this.o.ffmpegPath ?? 'ffmpeg', [
      '-hide_banner', '-nostdin', '-v', 'error', '-threads', '1', '-f', codec === 'h264' ? 'h264' : 'hevc', '-i', 'pipe:0',
      // Keep only the last decoded picture (the one shown at t), scaled with the aspect kept.
      '-vf', `select=eq(n\\,${frames.length - 1}),scale=${width}:-2`, '-vsync', 'passthrough',
      '-frames:v', '1', '-f', 'image2pipe', '-c:v', 'mjpeg', '-q:v', '4', 'pipe:1',
    ], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.children.add(child);
    const out: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.setEncoding('utf8').on('data', (s: string) => { stderr = (stderr + s).slice(-2000); });
    child.stdin.on('error', () => undefined); // ffmpeg may exit before reading all; its status says why
    const input = frames.map((f, i) => frameToAnnexB(f, { withParameterSets: i === 0, trailingDelimiter: i === frames.length - 1 }));
    child.stdin.end(Buffer.concat(input));
    return new Promise((resolve, reject) => {
      child.once('error', (e) => {
        this.children.delete(child);
        reject(new VmsError('VMS_ERR_INTERNAL', `cannot run ffmpeg: ${e.message}`, { cause: e }));
      });
      child.once('close', (code) => {
        this.children.delete(child);
        const jpeg = Buffer.concat(out);
        if (code === 0 && jpeg.length > 0) resolve(jpeg);
        else reject(new VmsError('VMS_ERR_INTERNAL', `thumbnail decode failed (${code}): ${stderr.trim()}`));
      });
    });
  }

  private remember(key: string, t: Thumbnail): void {
    if (this.disposed) return;
    const max = this.o.maxCacheBytes ?? 16 << 20;
    if (t.jpeg.length > max) return;
    this.cache.set(key, t);
    this.cacheBytes += t.jpeg.length;
    for (const [k, v] of this.cache) {
      if (this.cacheBytes <= max) break;
      this.cache.delete(k);
      this.cacheBytes -= v.jpeg.length;
    }
  }
}
