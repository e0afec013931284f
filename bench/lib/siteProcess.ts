import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoSiteCommand } from '../../packages/desktop/src/localSite';
import { SITE_V8_OPTIONS } from '../../packages/desktop/src/serverBundle';
import type { Cleanup } from './cleanup';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(REPO_ROOT, 'packages/vms-core/src/cli/main.ts');
export const ADMIN_PASSWORD = 'bench-admin-password';

/**
 * The `vms` command line as the product's launchers run it: the built server bundle
 * (run.ts builds it first; @nightjar/desktop's serverBundle.ts), as one Node process, so the
 * pid is the site itself, for /proc figures and kill -9. BENCH_SITE=source runs the
 * TypeScript sources through tsx instead (`pnpm vms`), to compare the two.
 */
export function vmsCommand(args: string[]): { command: string; args: string[] } {
  const nodeArgs = [
    // BENCH_SITE_PROFILE=DIR: each site writes a V8 CPU profile there when it exits.
    ...(process.env.BENCH_SITE_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_SITE_PROFILE] : []),
    // BENCH_SITE_NODE_ARGS: more Node/V8 flags, space-separated (e.g. "--trace-gc" with BENCH_SITE_LOG).
    ...(process.env.BENCH_SITE_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
  ];
  if (process.env.BENCH_SITE === 'source') return { command: process.execPath, args: [...nodeArgs, ...SITE_V8_OPTIONS, '--import', 'tsx', CLI, ...args] };
  const built = repoSiteCommand(REPO_ROOT);
  return { command: built.command, args: [...nodeArgs, ...built.args, ...args] };
}

export interface SiteProcess {
  pid: number;
  url: string;
  /** stdout and stderr so far (the recovery report is printed at start). */
  output(): string;
  /** SIGTERM (graceful: open recordings are closed) and wait for the exit. */
  stop(): Promise<number | null>;
  /** SIGKILL and wait for the exit; resolves with the wall-clock time the signal was sent. */
  kill9(): Promise<number>;
}

/**
 * Starts `vms site` on a free port of 127.0.0.1 and waits for "Nightjar site ready at URL".
 * `clientDir`: a built Smart Client renderer the site serves at `/` (`--client-dir`); `adminDir`:
 * the Management Client's, at `/admin/` (`--admin-dir`).
 */
export async function startSite(cleanup: Cleanup, dataDir: string, o: { clientDir?: string; adminDir?: string } = {}): Promise<SiteProcess> {
  const { command, args } = vmsCommand([
    'site', '--data', dataDir, '--port', '0', '--host', '127.0.0.1', '--admin-password', ADMIN_PASSWORD, '--no-demo-camera',
    ...(o.clientDir ? ['--client-dir', o.clientDir] : []),
    ...(o.adminDir ? ['--admin-dir', o.adminDir] : []),
  ]);
  const child = spawn(command, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-20_000)));
  // BENCH_SITE_LOG=FILE: the sites' whole stdout is appended there (the tail above is for errors).
  const log = process.env.BENCH_SITE_LOG;
  if (log) child.stdout!.on('data', (d: Buffer) => appendFileSync(log, d));
  child.stderr!.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-20_000)));
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  const forget = cleanup.add(`vms site ${child.pid}`, () => terminate(child, exited));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`vms site not ready in 60 s:\n${output}`)), 60_000);
    const onData = () => {
      const m = /Nightjar site ready at (http:\/\/\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    void exited.then(([code, sig]) => {
      clearTimeout(timer);
      reject(new Error(`vms site exited (${code ?? sig}) before it was ready:\n${output}`));
    });
  }).catch(async (e: unknown) => {
    await forget();
    throw e;
  });

  return {
    pid: child.pid!,
    url,
    output: () => output,
    async stop() {
      await forget();
      return child.exitCode;
    },
    async kill9() {
      const at = Date.now();
      child.kill('SIGKILL');
      await exited;
      await forget();
      return at;
    },
  };
}

/** SIGTERM, then SIGKILL after 30 s if the process has not exited. */
export async function terminate(child: ChildProcess, exited: Promise<unknown>, graceMs = 30_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Runs `vms check --data DIR`; returns its exit code and output. */
export async function runCheck(dataDir: string): Promise<{ code: number | null; output: string }> {
  const { command, args } = vmsCommand(['check', '--data', dataDir]);
  const child = spawn(command, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, output };
}
