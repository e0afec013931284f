/**
 * Live fMP4 over a WebSocket into Media Source Extensions. The socket sends a JSON text message
 * {type: 'init', mimeType} and then binary fMP4 (init segment, media fragments); a new init
 * message starts a new MediaSource when the stream's parameters change. Appends go through a
 * queue because a SourceBuffer rejects appends while it is updating.
 */
import { LIVE_EDGE, liveSeekTarget, toRanges, trimRange } from './liveEdge';
import { PlayerBase } from './playerBase';
import type { PlayerOptions } from './playerBase';
import { toWebSocketUrl } from './streamUrls';

/** Our own close code for a media pipeline failure: retryable, unlike the server's 44xx. */
export const CLOSE_PLAYER_ERROR = 4000;

export class MseLivePlayer extends PlayerBase {
  private socket: WebSocket | undefined;
  private mediaSource: MediaSource | undefined;
  private objectUrl: string | undefined;
  private sourceBuffer: SourceBuffer | undefined;
  private queue: ArrayBuffer[] = [];
  private readonly abort = new AbortController();

  constructor(private readonly video: HTMLVideoElement, private readonly url: string, options?: PlayerOptions) {
    super(options);
    const signal = this.abort.signal;
    // Video events outlive reconnects; they are removed once, on dispose.
    video.addEventListener('playing', () => this.input({ type: 'media' }), { signal });
    video.addEventListener('timeupdate', () => !video.paused && this.input({ type: 'media' }), { signal });
    video.addEventListener('waiting', () => this.input({ type: 'stall' }), { signal });
    this.start();
  }

  /** Segments waiting for the SourceBuffer; exposed for tests and diagnostics. */
  get queuedSegments(): number {
    return this.queue.length;
  }

  protected open(): void {
    const socket = new WebSocket(toWebSocketUrl(this.url, location.href));
    socket.binaryType = 'arraybuffer';
    socket.onmessage = (e: MessageEvent<string | ArrayBuffer>) => {
      if (typeof e.data === 'string') this.onControl(e.data);
      else {
        this.queue.push(e.data);
        this.pump();
      }
    };
    socket.onclose = (e) => this.input({ type: 'close', code: e.code, reason: e.reason });
    this.socket = socket;
  }

  private onControl(text: string): void {
    let message: { type?: string; mimeType?: string };
    try {
      message = JSON.parse(text) as typeof message;
    } catch {
      return this.fail('the live socket sent a text message that is not JSON');
    }
    if (message.type !== 'init' || !message.mimeType) return;
    if (!MediaSource.isTypeSupported(message.mimeType)) return this.fail(`this browser cannot play ${message.mimeType}`);
    this.attachMediaSource(message.mimeType);
  }

  /** A fresh MediaSource per init message: codecs or resolution may have changed. */
  private attachMediaSource(mimeType: string): void {
    this.detachMediaSource();
    const mediaSource = new MediaSource();
    this.mediaSource = mediaSource;
    this.objectUrl = URL.createObjectURL(mediaSource);
    this.video.src = this.objectUrl;
    mediaSource.addEventListener('sourceopen', () => {
      if (this.mediaSource !== mediaSource) return;
      const buffer = mediaSource.addSourceBuffer(mimeType);
      // 'segments': fragments carry their own timestamps; the live edge follows them.
      buffer.mode = 'segments';
      buffer.addEventListener('updateend', () => this.pump());
      buffer.addEventListener('error', () => this.fail('SourceBuffer error'));
      this.sourceBuffer = buffer;
      this.pump();
    }, { once: true });
    this.video.play().catch(() => undefined /* muted autoplay starts once data arrives */);
  }

  private pump(): void {
    const buffer = this.sourceBuffer;
    if (!buffer || buffer.updating || this.mediaSource?.readyState !== 'open') return;
    const ranges = toRanges(buffer.buffered);
    const seek = liveSeekTarget(ranges, this.video.currentTime, LIVE_EDGE);
    if (seek !== undefined) this.video.currentTime = seek;
    try {
      const trim = trimRange(ranges, this.video.currentTime, LIVE_EDGE);
      if (trim) return buffer.remove(trim.start, trim.end); // updateend pumps again
      const next = this.queue.shift();
      if (next) buffer.appendBuffer(next);
    } catch (e) {
      this.fail(e instanceof Error ? e.message : String(e));
    }
  }

  private fail(reason: string): void {
    this.input({ type: 'close', code: CLOSE_PLAYER_ERROR, reason });
  }

  private detachMediaSource(): void {
    this.sourceBuffer = undefined;
    this.mediaSource = undefined;
    if (this.objectUrl) {
      URL.revokeObjectURL(this.objectUrl);
      this.objectUrl = undefined;
      this.video.removeAttribute('src');
      // load() with no source releases the decoder and the old MediaSource's memory.
      this.video.load();
    }
  }

  protected close(): void {
    const socket = this.socket;
    this.socket = undefined;
    if (socket) {
      socket.onmessage = socket.onclose = null;
      if (socket.readyState === WebSocket.CONNECTING || socket.readyState === WebSocket.OPEN) socket.close(1000);
    }
    this.queue = [];
    this.detachMediaSource();
  }

  override dispose(): void {
    this.abort.abort();
    super.dispose();
  }
}
