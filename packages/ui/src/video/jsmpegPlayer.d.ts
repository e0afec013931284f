// The part of @cycjimmy/jsmpeg-player (which ships no types) that JsmpegLivePlayer uses.
declare module '@cycjimmy/jsmpeg-player' {
  /** Where demuxed bytes go; the player connects its MPEG-TS demuxer. */
  export interface JsmpegDestination {
    write(data: ArrayBuffer): void;
  }

  /** A custom source (options.source): jsmpeg calls connect, start, resume and destroy. */
  export interface JsmpegSource {
    streaming: boolean;
    completed: boolean;
    established: boolean;
    progress: number;
    connect(destination: JsmpegDestination): void;
    start(): void;
    resume(headroom: number): void;
    destroy(): void;
  }

  export interface JsmpegOptions {
    canvas?: HTMLCanvasElement;
    source?: new (url: string, options: JsmpegOptions) => JsmpegSource;
    audio?: boolean;
    disableGl?: boolean;
    disableWebAssembly?: boolean;
    preserveDrawingBuffer?: boolean;
    pauseWhenHidden?: boolean;
    videoBufferSize?: number;
    onVideoDecode?: () => void;
  }

  export class Player {
    constructor(url: string, options: JsmpegOptions);
    destroy(): void;
  }

  const JSMpeg: { Player: typeof Player };
  export default JSMpeg;
}
