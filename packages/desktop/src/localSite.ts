/**
 * The all-in-one site on this machine, run as its own process: closing or crashing a client
 * never stops recording. Used by the `pnpm start` and `pnpm admin` launchers, the Smart
 * Client's tray and the Management Client's shell (which only attaches).
 *
 * The site process owns DATA/site.lock.json (written by `vms site`: pid, then url and port once
 * listening). A site is running when the lock's process lives AND GET /api/health answers; a
 * second start attaches to it instead of starting another. A started site is detached, with
 * stdout and stderr appended to DATA/logs/site.log, so it outlives the launcher.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEFAULT_SITE_PORT, Emitter, VmsError, errorMessage } from '@nightjar/vms-core';
import type { Disposable, Event } from '@nightjar/vms-core';
import { lockHolderAlive, processAlive, readSiteLock, removeStaleSiteLock } from '@nightjar/vms-core/site-lock';
import type { LocalSiteState } from './localSiteState';
import { SITE_V8_OPTIONS, serverBundlePath, serverBundleStaleness } from './serverBundle';

/** How to run `vms <args>`. */
export interface SiteCommand {
  command: string;
  args: string[];
  cwd: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * `vms` in this repository: the built server bundle when it is up to date (serverBundle.ts),
 * otherwise Node with tsx on the CLI's source.
 */
export function repoSiteCommand(repoRoot: string, nodePath: string = process.execPath): SiteCommand {
  if (serverBundleStaleness(repoRoot) === undefined) {
    return { command: nodePath, args: [...SITE_V8_OPTIONS, '--enable-source-maps', serverBundlePath(repoRoot)], cwd: repoRoot };
  }
  // `--import tsx` resolves from cwd, where the workspace root has tsx installed.
  return { command: nodePath, args: [...SITE_V8_OPTIONS, '--import', 'tsx', join(repoRoot, 'packages/vms-core/src/cli/main.ts')], cwd: repoRoot };
}

/** The built renderers a site serves: the Smart Client at `/`, the Management Client at `/admin/`. */
export interface SiteApps {
  clientDir: string;
  adminDir: string;
}

/** Where this repository's builds put both renderers (each app's dist/renderer). */
export function repoSiteApps(repoRoot: string): SiteApps {
  return { clientDir: join(repoRoot, 'apps/smart-client/dist/renderer'), adminDir: join(repoRoot, 'apps/management-client/dist/renderer') };
}

export interface LocalSiteOptions {
  dataDir: string;
  command: SiteCommand;
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** The built Smart Client renderer the site serves at `/`. */
  clientDir?: string;
  /** The built Management Client renderer the site serves at `/admin/`. */
  adminDir?: string;
  /** More `vms site` options (e.g. --no-demo-camera). */
  extraArgs?: string[];
  startTimeoutMs?: number;
  stopTimeoutMs?: number;
}

export interface StartResult {
  state: LocalSiteState;
  /** True when a running site was found and nothing was started. */
  attached: boolean;
  /** The administrator password the site generated on its first start (only then). */
  adminPassword?: string;
  logFile: string;
}

const ADMIN_LINE = /administrator created: user "admin", password "([^"]+)"/;
const LOG_ROTATE_BYTES = 10 * 2 ** 20;

export class LocalSite implements Disposable {
  private readonly didChangeState = new Emitter<LocalSiteState>();
  /** Fires whenever status, pid, url or error change (from start/stop or from `watch`). */
  readonly onDidChangeState: Event<LocalSiteState> = this.didChangeState.event;
  private current: LocalSiteState;
  private operation: Promise<unknown> | undefined;
  private readonly timers = new Set<NodeJS.Timeout>();
  readonly dataDir: string;
  readonly logFile: string;

  constructor(private readonly o: LocalSiteOptions) {
    this.dataDir = resolve(o.dataDir);
    this.logFile = join(this.dataDir, 'logs', 'site.log');
    this.current = { status: 'stopped', dataDir: this.dataDir };
  }

  get state(): LocalSiteState {
    return { ...this.current };
  }

  /** Looks at the lock and the health endpoint now; while a start or stop runs, reports that. */
  async status(): Promise<LocalSiteState> {
    if (this.operation) return this.state;
    return this.setState(await this.probe());
  }

  /** The running site, waiting for one that is starting; undefined when none runs. */
  async attach(): Promise<LocalSiteState | undefined> {
    const deadline = Date.now() + (this.o.startTimeoutMs ?? 60_000);
    for (;;) {
      const probe = await this.probe();
      if (probe.status === 'running') return this.setState(probe);
      if (probe.status === 'stopped') return undefined;
      if (Date.now() > deadline) {
        throw new VmsError('VMS_ERR_UNAVAILABLE', `site process ${probe.pid} holds ${this.dataDir} but does not answer` +
          `${probe.url ? ` at ${probe.url}` : ''}; see ${this.logFile}, or stop it (pnpm stop)`);
      }
      this.setState(probe);
      await sleep(200);
    }
  }

  /** Attaches to the running site, or starts one and waits until it answers. */
  start(): Promise<StartResult> {
    return this.exclusive(async () => {
      const running = await this.attach();
      if (running) return { state: running, attached: true, logFile: this.logFile };
      return this.spawnSite();
    });
  }

  /** Asks the site to stop (SIGTERM: it closes its recordings) and waits until its process is gone. */
  stop(): Promise<LocalSiteState> {
    return this.exclusive(() => this.stopSite());
  }

  restart(): Promise<StartResult> {
    return this.exclusive(async () => {
      await this.stopSite();
      return this.spawnSite();
    });
  }

  /** Resolves once no start, stop or restart is running (whatever its outcome). */
  async whenIdle(): Promise<void> {
    while (this.operation) await this.operation.catch(() => undefined);
  }

  /** Re-reads the state every `intervalMs` (the site may crash or be stopped from a terminal). */
  watch(intervalMs = 2000): Disposable {
    let polling = false;
    const timer = setInterval(() => {
      if (polling) return;
      polling = true;
      void this.status().catch(() => undefined).finally(() => {
        polling = false;
      });
    }, intervalMs);
    this.timers.add(timer);
    return { dispose: () => {
      clearInterval(timer);
      this.timers.delete(timer);
    } };
  }

  dispose(): void {
    for (const t of this.timers) clearInterval(t);
    this.timers.clear();
    this.didChangeState.dispose();
  }

  private async exclusive<T>(run: () => Promise<T>): Promise<T> {
    if (this.operation) throw new VmsError('VMS_ERR_CONFLICT', `the local site is ${this.current.status}; wait for that to finish`);
    const op = run();
    this.operation = op;
    try {
      return await op;
    } finally {
      this.operation = undefined;
    }
  }

  private async probe(): Promise<LocalSiteState> {
    const lock = readSiteLock(this.dataDir);
    if (!lock || !lockHolderAlive(lock)) return { status: 'stopped', dataDir: this.dataDir };
    const base: LocalSiteState = { status: 'starting', dataDir: this.dataDir, pid: lock.pid };
    if (lock.status === 'starting' || !lock.url) return base;
    return { ...base, url: lock.url, ...(lock.port ? { port: lock.port } : {}), status: (await siteAnswers(lock.url)) ? 'running' : 'unresponsive' };
  }

  private setState(next: LocalSiteState): LocalSiteState {
    const key = (s: LocalSiteState) => JSON.stringify([s.status, s.pid, s.url, s.port, s.error]);
    const changed = key(next) !== key(this.current);
    this.current = next;
    if (changed) this.didChangeState.fire(this.state);
    return this.state;
  }

  private async spawnSite(): Promise<StartResult> {
    this.setState({ status: 'starting', dataDir: this.dataDir });
    mkdirSync(join(this.dataDir, 'logs'), { recursive: true });
    rotateLog(this.logFile);
    const offset = existsSync(this.logFile) ? statSync(this.logFile).size : 0;
    const { command, args, cwd, env } = this.o.command;
    const siteArgs = [
      'site', '--data', this.dataDir, '--port', String(this.o.port ?? DEFAULT_SITE_PORT), '--host', this.o.host ?? '127.0.0.1',
      ...(this.o.clientDir ? ['--client-dir', resolve(this.o.clientDir)] : []),
      ...(this.o.adminDir ? ['--admin-dir', resolve(this.o.adminDir)] : []), ...(this.o.extraArgs ?? []),
    ];
    const log = openSync(this.logFile, 'a');
    let exit: string | undefined;
    let child;
    try {
      // Detached, in its own process group: Ctrl+C in the launcher's terminal does not reach it.
      child = spawn(command, [...args, ...siteArgs], { cwd, env: env ?? process.env, detached: true, stdio: ['ignore', log, log] });
    } finally {
      closeSync(log);
    }
    if (child.pid !== undefined) this.setState({ status: 'starting', dataDir: this.dataDir, pid: child.pid });
    child.once('error', (e) => (exit = errorMessage(e)));
    child.once('exit', (code, signal) => (exit = signal ? `killed by ${signal}` : `exit code ${code}`));
    const deadline = Date.now() + (this.o.startTimeoutMs ?? 60_000);
    try {
      for (;;) {
        const lock = readSiteLock(this.dataDir);
        if (lock && lock.pid === child.pid && lock.status === 'running' && lock.url && await siteAnswers(lock.url)) break;
        if (exit !== undefined) {
          // Another launcher may have won the race for the data folder: attach to its site.
          const other = await this.attach();
          if (other) return { state: other, attached: true, logFile: this.logFile };
          throw new VmsError('VMS_ERR_UNAVAILABLE', `the site did not start (${exit}):\n${lastLines(readLogSince(this.logFile, offset), 12)}`);
        }
        if (Date.now() > deadline) {
          child.kill('SIGTERM');
          throw new VmsError('VMS_ERR_UNAVAILABLE', `the site did not answer within ${(this.o.startTimeoutMs ?? 60_000) / 1000} s; see ${this.logFile}`);
        }
        await sleep(100);
      }
    } catch (e) {
      this.setState({ status: 'stopped', dataDir: this.dataDir, error: errorMessage(e) });
      throw e;
    }
    // From here on the site lives on its own; the launcher may exit.
    child.unref();
    const password = ADMIN_LINE.exec(readLogSince(this.logFile, offset))?.[1];
    const state = this.setState(await this.probe());
    return { state, attached: false, logFile: this.logFile, ...(password ? { adminPassword: password } : {}) };
  }

  private async stopSite(): Promise<LocalSiteState> {
    const lock = readSiteLock(this.dataDir);
    if (!lock || !lockHolderAlive(lock)) {
      removeStaleSiteLock(this.dataDir);
      return this.setState({ status: 'stopped', dataDir: this.dataDir });
    }
    this.setState({ ...this.current, status: 'stopping', pid: lock.pid });
    try {
      process.kill(lock.pid, 'SIGTERM');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ESRCH') {
        const error = `could not stop site process ${lock.pid}: ${errorMessage(e)}`;
        this.setState({ ...(await this.probe()), error });
        throw new VmsError('VMS_ERR_PERMISSION_DENIED', error);
      }
    }
    const timeoutMs = this.o.stopTimeoutMs ?? 30_000;
    const deadline = Date.now() + timeoutMs;
    while (processAlive(lock.pid)) {
      if (Date.now() > deadline) {
        const error = `site process ${lock.pid} did not stop within ${timeoutMs / 1000} s (still closing recordings?); ` +
          `see ${this.logFile}; kill -9 ${lock.pid} forces it (recovery repairs the media database at the next start)`;
        this.setState({ ...(await this.probe()), error });
        throw new VmsError('VMS_ERR_UNAVAILABLE', error);
      }
      await sleep(100);
    }
    // A clean stop removed the lock; a crash during the stop left it behind.
    removeStaleSiteLock(this.dataDir);
    return this.setState({ status: 'stopped', dataDir: this.dataDir });
  }
}

/** Whether a Nightjar site answers GET /api/health at `url` (its origin) within two seconds. */
export async function siteAnswers(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) });
    return res.ok && ((await res.json()) as { ok?: unknown }).ok === true;
  } catch {
    return false;
  }
}

function readLogSince(file: string, offset: number): string {
  try {
    return readFileSync(file).subarray(offset).toString('utf8');
  } catch {
    return '';
  }
}

function lastLines(text: string, n: number): string {
  return text.trimEnd().split('\n').slice(-n).join('\n');
}

/** Keeps one previous log: the site appends forever otherwise. */
function rotateLog(file: string): void {
  try {
    if (statSync(file).size > LOG_ROTATE_BYTES) renameSync(file, `${file}.1`);
  } catch {
    // No log yet.
  }
}
