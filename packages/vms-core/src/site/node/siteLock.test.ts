import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isVmsError } from '../../base/common/errors';
import { SiteLock, lockHolderAlive, processAlive, readSiteLock, siteLockFile } from './siteLock';

/** The pid of a process that has exited (and been reaped): no process has it now. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(r.stdout.toString());
}

describe('SiteLock', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'nightjar-lock-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is taken by one process, filled in when running and removed on release', () => {
    const lock = SiteLock.acquire(dir, { host: '127.0.0.1' });
    expect(readSiteLock(dir)).toMatchObject({ pid: process.pid, status: 'starting', host: '127.0.0.1' });
    lock.markRunning('http://127.0.0.1:7480', 7480);
    expect(readSiteLock(dir)).toMatchObject({ pid: process.pid, status: 'running', url: 'http://127.0.0.1:7480', port: 7480 });
    lock.release();
    expect(existsSync(siteLockFile(dir))).toBe(false);
    // No temporary files are left beside it.
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a second holder while the first is alive, naming it', () => {
    const first = SiteLock.acquire(dir, { host: '127.0.0.1' });
    first.markRunning('http://127.0.0.1:7480', 7480);
    let error: unknown;
    try {
      SiteLock.acquire(dir, { host: '127.0.0.1' });
    } catch (e) {
      error = e;
    }
    expect(isVmsError(error, 'VMS_ERR_CONFLICT')).toBe(true);
    expect((error as Error).message).toContain(`site process ${process.pid} at http://127.0.0.1:7480`);
    expect(readSiteLock(dir)?.url).toBe('http://127.0.0.1:7480');
    first.release();
  });

  it('takes over a lock whose process is gone, or that was written before a reboot, or is unreadable', () => {
    const pid = deadPid();
    expect(processAlive(pid)).toBe(false);
    const stale = { pid, status: 'running', host: '127.0.0.1', url: 'http://127.0.0.1:1', port: 1, startedAt: new Date().toISOString() };
    writeFileSync(siteLockFile(dir), JSON.stringify(stale));
    expect(lockHolderAlive(readSiteLock(dir)!)).toBe(false);
    SiteLock.acquire(dir, { host: '127.0.0.1' }).release();

    // Our own (live) pid, but another boot: that pid was someone else's.
    const otherBoot = { ...stale, pid: process.pid, bootId: 'another-boot' };
    writeFileSync(siteLockFile(dir), JSON.stringify(otherBoot));
    const bootKnown = existsSync('/proc/sys/kernel/random/boot_id');
    expect(lockHolderAlive(readSiteLock(dir)!)).toBe(!bootKnown);
    if (bootKnown) SiteLock.acquire(dir, { host: '127.0.0.1' }).release();

    writeFileSync(siteLockFile(dir), '{"pid": 12');
    expect(readSiteLock(dir)).toBeUndefined();
    const lock = SiteLock.acquire(dir, { host: '127.0.0.1' });
    expect(readSiteLock(dir)?.pid).toBe(process.pid);
    lock.release();
  });

  it('leaves a lock that another process took in the meantime', () => {
    const lock = SiteLock.acquire(dir, { host: '127.0.0.1' });
    const other = { pid: process.ppid, status: 'starting', host: '127.0.0.1', startedAt: new Date().toISOString() };
    writeFileSync(siteLockFile(dir), JSON.stringify(other));
    lock.release();
    expect(JSON.parse(readFileSync(siteLockFile(dir), 'utf8'))).toEqual(other);
  });
});
