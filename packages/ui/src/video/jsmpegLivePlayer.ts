/**
 * The transcoded fallback: MPEG-1 in MPEG-TS over a WebSocket, decoded by jsmpeg onto a canvas
 * (Chromium has no HEVC, so H.265 cameras are watched this way). jsmpeg's own socket source
 * hides close codes and reconnects on a fixed timer, so a small source of ours owns the
 * socket; the jsmpeg player (decoder, renderer, WebGL context) lives once, across reconnects.
 */
import JSMpeg from '@cycjimmy/jsmpeg-player';
import type { JsmpegDestination, JsmpegSource } from '@cycjimmy/jsmpeg-player';
import { PlayerBase } from './playerBase';
import type { PlayerOptions } from './playerBase';
import { toWebSocketUrl } from './streamUrls';

/** A tile that decoded nothing for this long is shown as stalled. */
const STALL_AFTER_MS = 2_000;

export interface JsmpegLivePlayerOptions extends PlayerOptions {
  /** The 2D renderer instead of WebGL: slower, but its pixels can be read back. */
  canvas2d?: boolean;
}

export class JsmpegLivePlayer extends PlayerBase {
  private readonly player: InstanceType<typeof JSMpeg.Player>;
  private source: JsmpegSource | undefined;
  private destination: JsmpegDestination | undefined;
  private socket: WebSocket | undefined;
  /** open() was asked for; the socket waits until jsmpeg's decoders are ready (start()). */
  private wanted = false;
  private ready = false;
  private watchdog: ReturnType<typeof setInterval> | undefined;
  private lastFrameAt = 0;
  private frames = 0;

  constructor(canvas: HTMLCanvasElement, private readonly url: string, options: JsmpegLivePlayerOptions = {}) {
    super(options);
    // jsmpeg constructs the source itself; this class bridges it to the player instance.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const owner = this;
    class Source implements JsmpegSource {
      streaming = true;
      completed = false;
      established = false;
      progress = 0;
      connect(destination: JsmpegDestination): void {
        owner.source = this;
        owner.destination = destination;
      }
      start(): void {
        owner.ready = true;
        if (owner.wanted) owner.openSocket();
      }
      resume(): void {}
      destroy(): void {}
    }
    this.player = new JSMpeg.Player('', {
      canvas, source: Source, audio: false, pauseWhenHidden: false,
      disableGl: options.canvas2d ?? false,
      onVideoDecode: () => this.onFrame(),
    });
    this.start();
  }

  /** Pictures decoded since construction; tests and diagnostics read it. */
  get framesDecoded(): number {
    return this.frames;
  }

  protected open(): void {
    this.wanted = true;
    if (this.ready) this.openSocket();
    this.lastFrameAt = Date.now();
    this.watchdog = setInterval(() => {
      if (Date.now() - this.lastFrameAt > STALL_AFTER_MS) this.input({ type: 'stall' });
    }, 500);
  }

  private openSocket(): void {
    if (this.socket) return;
    const socket = new WebSocket(toWebSocketUrl(this.url, location.href));
    socket.binaryType = 'arraybuffer';
    socket.onmessage = (e: MessageEvent<ArrayBuffer | string>) => {
      if (typeof e.data === 'string' || !this.source) return;
      // jsmpeg's render loop decodes nothing until its source says it is established.
      this.source.established = true;
      this.destination?.write(e.data);
    };
    socket.onclose = (e) => this.input({ type: 'close', code: e.code, reason: e.reason });
    this.socket = socket;
  }

  private onFrame(): void {
    this.frames++;
    this.lastFrameAt = Date.now();
    this.input({ type: 'media' });
  }

  protected close(): void {
    this.wanted = false;
    clearInterval(this.watchdog);
    this.watchdog = undefined;
    const socket = this.socket;
    this.socket = undefined;
    if (socket) {
      socket.onmessage = socket.onclose = null;
      if (socket.readyState === WebSocket.CONNECTING || socket.readyState === WebSocket.OPEN) socket.close(1000);
    }
  }

  override dispose(): void {
    super.dispose();
    this.player.destroy();
  }
}
