/**
 * DATA/site.lock.json: which process serves a data folder, and where. `vms site` takes it before
 * opening the databases (two sites recording into one media database would corrupt it) and
 * fills in its URL once listening; the Smart Client's launcher reads it to attach to a running
 * site or to stop it. A lock whose process is gone (crash, kill -9, reboot) is stale and taken over.
 *
 * Public as `@nightjar/vms-core/site-lock` so the launcher and the Electron main process can
 * read it without loading the server.
 */
import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { VmsError } from '../../base/common/errors';

export interface SiteLockInfo {
  pid: number;
  /** `starting` from the lock until the port is open; then `running` with url and port. */
  status: 'starting' | 'running';
  host: string;
  port?: number;
  url?: string;
  startedAt: string;
  /** Linux's boot id: after a reboot the pid may belong to an unrelated process. */
  bootId?: string;
}

export function siteLockFile(dataDir: string): string {
  return join(resolve(dataDir), 'site.lock.json');
}

/** The lock as written, or undefined when there is none or it is unreadable (a stale leftover). */
export function readSiteLock(dataDir: string): SiteLockInfo | undefined {
  let raw: string;
  try {
    raw = readFileSync(siteLockFile(dataDir), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const v = JSON.parse(raw) as Partial<SiteLockInfo>;
    if (!Number.isInteger(v.pid) || (v.status !== 'starting' && v.status !== 'running') || typeof v.host !== 'string') return undefined;
    return v as SiteLockInfo;
  } catch {
    return undefined;
  }
}

export function currentBootId(): string | undefined {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Whether a process with this pid exists and has not exited (a zombie counts as exited). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    // EPERM: it exists but belongs to another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    // /proc/PID/stat: "pid (comm) S ..."; comm may hold spaces and parentheses, so read after the last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}

/** Whether the process the lock names still runs (in this boot). */
export function lockHolderAlive(lock: SiteLockInfo): boolean {
  const boot = currentBootId();
  if (lock.bootId && boot && lock.bootId !== boot) return false;
  return processAlive(lock.pid);
}

/** Removes a lock whose holder is gone; returns whether there was one. */
export function removeStaleSiteLock(dataDir: string): boolean {
  const lock = readSiteLock(dataDir);
  const file = siteLockFile(dataDir);
  if (lock && lockHolderAlive(lock)) return false;
  try {
    unlinkSync(file);
    return true;
  } catch {
    return false;
  }
}

/** The lock held by this process. */
export class SiteLock {
  private released = false;

  private constructor(
    readonly dataDir: string,
    private info: SiteLockInfo,
  ) {}

  /** Takes the data folder for this process, or throws VMS_ERR_CONFLICT naming the live holder. */
  static acquire(dataDir: string, o: { host: string }): SiteLock {
    const info: SiteLockInfo = { pid: process.pid, status: 'starting', host: o.host, startedAt: new Date().toISOString() };
    const boot = currentBootId();
    if (boot) info.bootId = boot;
    const file = siteLockFile(dataDir);
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(info, null, 2) + '\n');
    try {
      for (let attempt = 0; ; attempt++) {
        try {
          // link() fails if the lock exists, and the lock appears complete: no reader sees it half-written.
          linkSync(tmp, file);
          return new SiteLock(dataDir, info);
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        }
        const holder = readSiteLock(dataDir);
        if (attempt < 2 && removeStaleSiteLock(dataDir)) continue;
        throw new VmsError('VMS_ERR_CONFLICT', holder
          ? `the data folder ${resolve(dataDir)} is in use by site process ${holder.pid}${holder.url ? ` at ${holder.url}` : ''}; ` +
            `stop it first (pnpm stop), or delete ${file} if no Nightjar site runs`
          : `could not take ${file}; delete it if no Nightjar site runs`);
      }
    } finally {
      unlinkSync(tmp);
    }
  }

  get current(): SiteLockInfo {
    return { ...this.info };
  }

  /** Records where the site listens, once it does. */
  markRunning(url: string, port: number): void {
    this.info = { ...this.info, status: 'running', url, port };
    const file = siteLockFile(this.dataDir);
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.info, null, 2) + '\n');
    renameSync(tmp, file);
  }

  /** Removes the lock if it is still this process's (synchronous: also runs from an 'exit' handler). */
  release(): void {
    if (this.released) return;
    this.released = true;
    if (readSiteLock(this.dataDir)?.pid !== process.pid) return;
    try {
      unlinkSync(siteLockFile(this.dataDir));
    } catch {
      // Already gone: nothing to release.
    }
  }
}
