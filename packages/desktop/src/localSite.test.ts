/**
 * LocalSite against real `vms site` processes on temporary data folders (port 0): start as its
 * own process, attach on a second start, stop, take over a stale lock, report a failed start.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { isVmsError } from '@nightjar/vms-core';
import { processAlive, readSiteLock, siteLockFile } from '@nightjar/vms-core/site-lock';
import type { LocalSiteState, LocalSiteStatus } from './localSiteState';
import { LocalSite, repoSiteCommand } from './localSite';

const REPO_ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  const errors: unknown[] = [];
  for (const fn of cleanups.splice(0).reverse()) await Promise.resolve().then(fn).catch((e: unknown) => errors.push(e));
  if (errors.length) throw errors[0];
}, 120_000);

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nightjar-local-site-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A LocalSite on `dir`; after the test its site is stopped and its process must be gone. */
function localSite(dir: string, port = 0, builds: { clientDir?: string; adminDir?: string } = {}): LocalSite {
  const site = new LocalSite({ dataDir: dir, port, command: repoSiteCommand(REPO_ROOT), extraArgs: ['--no-demo-camera'], startTimeoutMs: 60_000, ...builds });
  cleanups.push(async () => {
    // A test that failed or timed out may have left a start running: let it end, then stop.
    await site.whenIdle();
    const pid = readSiteLock(dir)?.pid;
    await site.stop();
    site.dispose();
    if (pid !== undefined) expect(processAlive(pid), `site process ${pid} left running`).toBe(false);
  });
  return site;
}

/** Resolves with the first state of `status` the site reports from now on. */
function nextState(site: LocalSite, status: LocalSiteStatus, timeoutMs = 10_000): Promise<LocalSiteState> {
  return new Promise((done, fail) => {
    const timer = setTimeout(() => {
      sub.dispose();
      fail(new Error(`no "${status}" state within ${timeoutMs} ms; last ${JSON.stringify(site.state)}`));
    }, timeoutMs);
    const sub = site.onDidChangeState((state) => {
      if (state.status !== status) return;
      clearTimeout(timer);
      sub.dispose();
      done(state);
    });
  });
}

async function login(url: string, password: string): Promise<number> {
  const res = await fetch(`${url}/api/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password }),
  });
  await res.body?.cancel();
  return res.status;
}

// Each test starts one to three site processes; on a loaded two-core machine one start can take 10 s.
describe('LocalSite', { timeout: 120_000 }, () => {
  it('starts the site as its own process serving both clients, hands over the generated password, and a second start attaches', async () => {
    const dir = dataDir();
    const clientDir = dataDir();
    writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>smart client build</title>');
    const adminDir = dataDir();
    writeFileSync(join(adminDir, 'index.html'), '<!doctype html><title>management client build</title>');
    const first = localSite(dir, 0, { clientDir, adminDir });
    const seen: LocalSiteStatus[] = [];
    first.onDidChangeState((s) => seen.push(s.status));

    const started = await first.start();
    expect(started).toMatchObject({ attached: false, logFile: join(dir, 'logs', 'site.log'), state: { status: 'running', dataDir: dir } });
    const { pid, url } = started.state;
    expect(pid).not.toBe(process.pid);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(readSiteLock(dir)).toMatchObject({ pid, url, status: 'running' });
    expect(readFileSync(started.logFile, 'utf8')).toContain(`Nightjar site ready at ${url}`);
    expect(started.adminPassword).toMatch(/^[\w-]{12}$/);
    expect(await login(url!, started.adminPassword!)).toBe(200);
    // --client-dir and --admin-dir reached the site process.
    expect(await fetch(`${url}/`).then((r) => r.text())).toContain('smart client build');
    expect(await fetch(`${url}/admin/`).then((r) => r.text())).toContain('management client build');
    expect(seen[0]).toBe('starting');
    expect(seen.at(-1)).toBe('running');

    const second = localSite(dir);
    const attached = await second.start();
    expect(attached).toMatchObject({ attached: true, state: { status: 'running', pid, url } });
    // Only a first start creates the administrator.
    expect(attached.adminPassword).toBeUndefined();

    const stopped = second.stop();
    expect(second.state.status).toBe('stopping');
    expect(await stopped).toEqual({ status: 'stopped', dataDir: dir });
    expect(processAlive(pid!)).toBe(false);
    expect(existsSync(siteLockFile(dir))).toBe(false);
    expect((await first.status()).status).toBe('stopped');
    expect(readFileSync(started.logFile, 'utf8')).not.toMatch(/error/i);
  });

  it('takes over a lock left by a process that is gone', async () => {
    const dir = dataDir();
    const gone = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString());
    writeFileSync(siteLockFile(dir), JSON.stringify({ pid: gone, status: 'running', host: '127.0.0.1', url: 'http://127.0.0.1:9', port: 9, startedAt: new Date().toISOString() }));
    const site = localSite(dir);
    expect(await site.status()).toEqual({ status: 'stopped', dataDir: dir });

    const started = await site.start();
    expect(started.attached).toBe(false);
    expect(started.state.pid).not.toBe(gone);
    expect(readSiteLock(dir)?.pid).toBe(started.state.pid);
    expect(started.state.url).not.toBe('http://127.0.0.1:9');
  });

  it('reports a site that cannot start with the end of its log, leaving neither process nor lock', async () => {
    const dir = dataDir();
    const taken: Server = createServer();
    await new Promise<void>((done) => taken.listen(0, '127.0.0.1', done));
    cleanups.push(() => new Promise<void>((done) => taken.close(() => done())));
    const site = localSite(dir, (taken.address() as AddressInfo).port);

    let error: unknown;
    await site.start().catch((e: unknown) => (error = e));
    expect(isVmsError(error, 'VMS_ERR_UNAVAILABLE')).toBe(true);
    expect((error as Error).message).toMatch(/the site did not start \(exit code 1\)/);
    expect((error as Error).message).toContain('EADDRINUSE');
    expect(site.state).toMatchObject({ status: 'stopped', error: expect.stringContaining('EADDRINUSE') });
    expect(readSiteLock(dir)).toBeUndefined();
  });

  it('restarts as a new process, and notices a site stopped from elsewhere', async () => {
    const dir = dataDir();
    const site = localSite(dir);
    const first = await site.start();
    const restarted = await site.restart();
    expect(restarted).toMatchObject({ attached: false, state: { status: 'running' } });
    expect(restarted.state.pid).not.toBe(first.state.pid);
    expect(processAlive(first.state.pid!)).toBe(false);

    const watcher = site.watch(50);
    cleanups.push(() => watcher.dispose());
    const stopped = nextState(site, 'stopped');
    process.kill(restarted.state.pid!, 'SIGTERM');
    expect(await stopped).toEqual({ status: 'stopped', dataDir: dir });
  });
});
