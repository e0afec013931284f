/**
 * The harness camera (gstRtspServer.py) started directly, so a test can SIGKILL it: the
 * server then never tears down its RTSP sessions, as when a camera loses power.
 * harness/testCamera.ts only stops cameras politely (SIGTERM).
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), '../harness/gstRtspServer.py');

/** Servers still running when the test process exits are killed, so none outlive a crash. */
const running = new Set<ChildProcess>();
process.once('exit', () => running.forEach((c) => c.kill('SIGKILL')));

export interface KillableCamera {
  url: string;
  port: number;
  /** SIGKILL: no TEARDOWN, no goodbye; resolves once the process is gone. */
  kill(): Promise<void>;
  /** Starts the server again on the same port. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function startKillableCamera(o: { width: number; height: number }): Promise<KillableCamera> {
  const args = ['--width', String(o.width), '--height', String(o.height), '--bitrate', '300'];
  let child = await spawnServer([...args, '--port', '0']);
  const port = child.port;
  const kill = async (signal: NodeJS.Signals) => {
    const p = child.process;
    if (p.exitCode !== null || p.signalCode !== null) return;
    const exited = once(p, 'exit');
    p.kill(signal);
    await exited;
  };
  return {
    url: `rtsp://127.0.0.1:${port}/stream`,
    port,
    kill: () => kill('SIGKILL'),
    async start() {
      child = await spawnServer([...args, '--port', String(port)]);
    },
    stop: () => kill('SIGKILL'),
  };
}

async function spawnServer(args: string[]): Promise<{ process: ChildProcess; port: number }> {
  const child = spawn('/usr/bin/python3', [SCRIPT, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
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
