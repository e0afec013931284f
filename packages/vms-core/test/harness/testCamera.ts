import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'gstRtspServer.py');
/** The system python has the GStreamer `gi` bindings; a pyenv shim on PATH may not. */
const PYTHON = '/usr/bin/python3';

export interface TestCameraOptions {
  codec?: 'h264' | 'h265';
  width?: number;
  height?: number;
  fps?: number;
  bitrateKbps?: number;
  /** Mount paths; the returned url uses the first (default /stream). */
  mounts?: string[];
  /** Further mounts whose stream also carries an audio track (G.711 A-law): a camera with a microphone. */
  audioMounts?: string[];
  user?: string;
  password?: string;
  auth?: 'basic' | 'digest';
  /** Serve this MP4 (played once, not looped) instead of encoding live (see makeTestClip). */
  file?: string;
  /** Burn the wall clock into the top rows as a band that decodeTimecode() reads back. */
  timecode?: boolean;
}

export interface TestCamera {
  /** rtsp://127.0.0.1:<port><first mount>, without credentials. */
  url: string;
  port: number;
  stop(): Promise<void>;
  /** Stops and starts again on the same port (a camera reboot). */
  restart(): Promise<void>;
  /** SIGKILL: the server never tears down its RTSP sessions, as when a camera loses power. */
  kill(): Promise<void>;
  /** Starts a stopped or killed camera again on the same port. */
  start(): Promise<void>;
}

/** Servers still running when the test process exits are killed, so none outlive a crash. */
const running = new Set<ChildProcess>();
process.once('exit', () => running.forEach((c) => c.kill('SIGKILL')));

/** Starts a GStreamer RTSP server on a free port of 127.0.0.1 and waits until it listens. */
export async function startTestCamera(opts: TestCameraOptions = {}): Promise<TestCamera> {
  let child = await spawnServer(opts, 0);
  const port = child.port;
  const mount = opts.mounts?.[0] ?? '/stream';
  return {
    url: `rtsp://127.0.0.1:${port}${mount}`,
    port,
    stop: () => stopProcess(child.process),
    async restart() {
      await stopProcess(child.process);
      child = await spawnServer(opts, port);
    },
    kill: () => stopProcess(child.process, 'SIGKILL'),
    async start() {
      child = await spawnServer(opts, port);
    },
  };
}

async function spawnServer(opts: TestCameraOptions, port: number): Promise<{ process: ChildProcess; port: number }> {
  const args = [SCRIPT, '--port', String(port), '--codec', opts.codec ?? 'h264'];
  if (opts.width) args.push('--width', String(opts.width));
  if (opts.height) args.push('--height', String(opts.height));
  if (opts.fps) args.push('--fps', String(opts.fps));
  if (opts.bitrateKbps) args.push('--bitrate', String(opts.bitrateKbps));
  for (const m of opts.mounts ?? []) args.push('--mount', m);
  for (const m of opts.audioMounts ?? []) args.push('--audio-mount', m);
  if (opts.user) args.push('--user', opts.user, '--password', opts.password ?? '', '--auth', opts.auth ?? 'basic');
  if (opts.file) args.push('--file', opts.file);
  if (opts.timecode) args.push('--timecode');
  const child = spawn(PYTHON, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`gstRtspServer did not become ready in 20 s: ${stderr}`));
    }, 20_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /READY (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ process: child, port: Number(m[1]) });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`gstRtspServer exited with ${code} before READY: ${stderr}`));
    });
  });
}

async function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}

export interface TestClipOptions {
  seconds: number;
  width?: number;
  height?: number;
  fps?: number;
  bitrateKbps?: number;
  cacheDir?: string;
}

/**
 * A pre-encoded H.264 MP4 (default 1080p25 at ~4 Mbit/s, key frame every second), made once
 * and cached, for benchmarks that serve many cameras cheaply with `file`.
 */
export async function makeTestClip(opts: TestClipOptions): Promise<string> {
  const { seconds, width = 1920, height = 1080, fps = 25, bitrateKbps = 4000 } = opts;
  const dir = opts.cacheDir ?? path.join(tmpdir(), 'nightjar-test-clips');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `clip-${width}x${height}-${fps}fps-${bitrateKbps}k-${seconds}s.mp4`);
  if (existsSync(file)) return file;
  const partial = `${file}.${process.pid}.partial.mp4`;
  const args = [
    '-y', '-v', 'error', '-f', 'lavfi', '-i', `testsrc2=size=${width}x${height}:rate=${fps}:duration=${seconds}`,
    '-c:v', 'libx264', '-preset', 'veryfast', '-profile:v', 'high', '-pix_fmt', 'yuv420p', '-bf', '0',
    '-b:v', `${bitrateKbps}k`, '-maxrate', `${bitrateKbps}k`, '-bufsize', `${bitrateKbps * 2}k`,
    '-g', String(fps), '-keyint_min', String(fps), '-sc_threshold', '0', '-movflags', '+faststart', partial,
  ];
  const ffmpeg = spawn('ffmpeg', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  ffmpeg.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const [code] = (await once(ffmpeg, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`ffmpeg failed (${code}): ${stderr}`);
  renameSync(partial, file);
  return file;
}
