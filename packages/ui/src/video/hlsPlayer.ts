/**
 * HLS through hls.js, for recorded playback (VOD playlists) and live where MSE over a socket is
 * not wanted. hls.js recovers from most errors itself; a fatal media error gets one
 * recoverMediaError() (the hls.js-documented cure for a decoder hiccup), and anything else
 * fatal ends the player as closed. Where MSE is missing but native HLS exists (Safari on iOS),
 * the video element plays the URL itself.
 */
import Hls from 'hls.js';
import type { ErrorData } from 'hls.js';
import { PlayerBase } from './playerBase';
import type { PlayerOptions } from './playerBase';

/** Close code for a fatal hls.js error (not a socket code; HLS runs over HTTP). */
export const CLOSE_HLS_FATAL = 4001;

export class HlsPlayer extends PlayerBase {
  private hls: Hls | undefined;
  private recoveredMediaError = false;
  private readonly abort = new AbortController();

  constructor(private readonly video: HTMLVideoElement, private readonly url: string, options: PlayerOptions = {}) {
    // HTTP errors are retried inside hls.js already; a fatal one is final for this player.
    super({ retryDelay: () => undefined, ...options });
    const signal = this.abort.signal;
    video.addEventListener('playing', () => this.input({ type: 'media' }), { signal });
    video.addEventListener('timeupdate', () => !video.paused && this.input({ type: 'media' }), { signal });
    video.addEventListener('waiting', () => this.input({ type: 'stall' }), { signal });
    video.addEventListener('ended', () => this.input({ type: 'close', code: 1000, reason: 'ended' }), { signal });
    this.start();
  }

  protected open(): void {
    this.recoveredMediaError = false;
    if (!Hls.isSupported()) {
      this.video.src = this.url;
    } else {
      const hls = new Hls({ lowLatencyMode: true, backBufferLength: 30 });
      hls.on(Hls.Events.ERROR, (_event, data) => this.onError(hls, data));
      hls.loadSource(this.url);
      hls.attachMedia(this.video);
      this.hls = hls;
    }
    this.video.play().catch(() => undefined /* muted autoplay starts once data arrives */);
  }

  private onError(hls: Hls, data: ErrorData): void {
    if (!data.fatal || hls !== this.hls) return;
    if (data.type === Hls.ErrorTypes.MEDIA_ERROR && !this.recoveredMediaError) {
      this.recoveredMediaError = true;
      hls.recoverMediaError();
      return;
    }
    this.input({ type: 'close', code: CLOSE_HLS_FATAL, reason: `${data.type}: ${data.details}` });
  }

  protected close(): void {
    const hls = this.hls;
    this.hls = undefined;
    hls?.destroy();
    if (this.video.getAttribute('src') === this.url) {
      this.video.removeAttribute('src');
      this.video.load();
    }
  }

  override dispose(): void {
    this.abort.abort();
    super.dispose();
  }
}
