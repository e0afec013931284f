import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { VmsError } from '../../../base/common/errors';
import type { Event } from '../../../base/common/event';
import { AccessUnitAssembler } from '../../../media/common/accessUnitAssembler';
import { AnnexBSplitter } from '../../../media/common/annexB';
import { msTo90k } from '../../../media/common/types';
import type { VideoFrame } from '../../../media/common/types';
import type { OpenStreamOptions, StreamOpener, StreamSession } from '../frameSource';
import { EarlyFrameEmitter } from '../earlyFrameEmitter';

export interface SimulatedStreamConfig {
  width: number;
  height: number;
  fps: number;
}

const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

/** Reads sim://<name>?width=&height=&fps= (defaults 1280x720 at 25 fps). */
export function parseSimulatedUrl(url: string): SimulatedStreamConfig {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new VmsError('VMS_ERR_BAD_INPUT', `not a URL: ${url}`);
  }
  if (u.protocol !== 'sim:') throw new VmsError('VMS_ERR_BAD_INPUT', `not a sim:// URL: ${url}`);
  const num = (name: string, def: number, min: number, max: number) => {
    const text = u.searchParams.get(name);
    const v = text === null ? def : Number(text);
    if (!Number.isInteger(v) || v < min || v > max) throw new VmsError('VMS_ERR_BAD_INPUT', `sim:// ${name} must be an integer in ${min}..${max}`);
    return v;
  };
  const config = { width: num('width', 1280, 16, 3840), height: num('height', 720, 16, 2160), fps: num('fps', 25, 1, 60) };
  if (config.width % 2 || config.height % 2) throw new VmsError('VMS_ERR_BAD_INPUT', 'sim:// width and height must be even');
  return config;
}

/**
 * ffmpeg arguments: a test pattern with the wall-clock time (with milliseconds) burned in, so
 * latency and seeking can be checked by eye. The time is the real clock when ffmpeg draws the
 * picture (`localtime` with %3N), not start + pts: ffmpeg's start-up delay would make a pts
 * clock read early by a few hundred milliseconds.
 */
export function simulatedFfmpegArgs(config: SimulatedStreamConfig): string[] {
  const fontSize = Math.max(12, Math.round(config.height / 15));
  const clock = '%{localtime\\:%H\\\\\\:%M\\\\\\:%S.%3N}';
  const text = `drawtext=fontfile=${FONT}:fontsize=${fontSize}:fontcolor=white:box=1:boxcolor=black@0.6:x=20:y=${fontSize * 3}:text='${clock}'`;
  return [
    '-hide_banner', '-loglevel', 'error', '-nostdin', '-re',
    '-f', 'lavfi', '-i', `testsrc2=size=${config.width}x${config.height}:rate=${config.fps}`,
    '-vf', text,
    '-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-pix_fmt', 'yuv420p', '-bf', '0',
    '-g', String(config.fps), '-keyint_min', String(config.fps), '-sc_threshold', '0',
    '-f', 'h264', 'pipe:1',
  ];
}

/**
 * The built-in demo camera: ffmpeg encodes live, we split its Annex B output into frames.
 * Each frame is stamped when it arrives (kept strictly increasing), like an RTSP camera with no
 * sender report. Stamping start + n/fps instead is wrong both ways: from ffmpeg's launch it
 * reads early by the start-up delay; from the first frame it reads late, because the encoder
 * releases the frames queued during its start-up in a burst.
 */
export class SimulatedSession implements StreamSession {
  readonly closed: Promise<Error | undefined>;
  private readonly emitter = new EarlyFrameEmitter();
  private resolveClosed!: (e: Error | undefined) => void;
  private isClosed = false;
  private stderr = '';
  /** Resolves on the first frame, or with the error that ended the session before one. */
  readonly firstFrame: Promise<Error | undefined>;
  private resolveFirstFrame!: (e: Error | undefined) => void;

  readonly onFrame: Event<VideoFrame> = this.emitter.event;

  constructor(config: SimulatedStreamConfig, ffmpegPath = 'ffmpeg') {
    this.closed = new Promise((resolve) => (this.resolveClosed = resolve));
    this.firstFrame = new Promise((resolve) => (this.resolveFirstFrame = resolve));
    let last90k = 0;
    const assembler = new AccessUnitAssembler(
      'h264',
      (frame) => {
        last90k = frame.time90k = Math.max(last90k + 1, msTo90k(Date.now()));
        this.resolveFirstFrame(undefined);
        this.emitter.fire(frame);
      },
      { splitOnTimestamp: false },
    );
    const splitter = new AnnexBSplitter();
    this.child = spawn(ffmpegPath, simulatedFfmpegArgs(config), { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child.stdout!.on('data', (chunk: Buffer) => {
      for (const nal of splitter.push(chunk)) assembler.push(nal, 0);
    });
    this.child.stderr!.on('data', (d: Buffer) => (this.stderr = (this.stderr + d.toString()).slice(-2000)));
    this.child.once('error', (e) => this.close(new VmsError('VMS_ERR_DEVICE_UNREACHABLE', `cannot run ffmpeg: ${e.message}`, { cause: e })));
    this.child.once('exit', (code, signal) =>
      this.close(new VmsError('VMS_ERR_DEVICE_UNREACHABLE', `ffmpeg exited (${code ?? signal}): ${this.stderr.trim()}`)),
    );
  }

  private readonly child: ChildProcess;

  private close(error: Error | undefined): void {
    if (this.isClosed) return;
    this.isClosed = true;
    this.child.stdout?.removeAllListeners('data');
    this.child.stdout?.destroy();
    this.child.stderr?.destroy();
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    this.emitter.dispose();
    this.resolveFirstFrame(error ?? new VmsError('VMS_ERR_DEVICE_UNREACHABLE', 'closed'));
    this.resolveClosed(error);
  }

  dispose(): void {
    this.close(undefined);
  }
}

export async function openSimulatedSession(options: Pick<OpenStreamOptions, 'url' | 'signal'> & { ffmpegPath?: string }): Promise<SimulatedSession> {
  const config = parseSimulatedUrl(options.url);
  options.signal.throwIfAborted();
  const session = new SimulatedSession(config, options.ffmpegPath);
  const onAbort = () => session.dispose();
  options.signal.addEventListener('abort', onAbort, { once: true });
  try {
    const error = await session.firstFrame;
    options.signal.throwIfAborted();
    if (error) throw error;
    return session;
  } catch (e) {
    session.dispose();
    throw e;
  } finally {
    options.signal.removeEventListener('abort', onAbort);
  }
}

/** StreamOpener for sim:// URLs. Resolves once the first frame is ready. */
export const openSimulatedStream: StreamOpener = (options) => openSimulatedSession(options);
