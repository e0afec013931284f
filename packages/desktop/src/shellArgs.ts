/**
 * What a launcher tells an Electron main process on its command line: which data folder and
 * port the local site uses, how to start it (the Node binary and the repository; the Electron
 * binary cannot run the site, whose native modules are built for Node) and which built
 * renderers it serves. Shared by both clients' shells and launchers.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_SITE_PORT } from '@nightjar/vms-core';
import type { LocalSiteOptions } from './localSite';
import { repoSiteApps, repoSiteCommand } from './localSite';

export interface ShellArgs {
  dataDir: string;
  port: number;
  repoRoot: string;
  nodePath: string;
  /** The Smart Client's built renderer (served at `/`). */
  clientDir: string;
  /** The Management Client's built renderer (served at `/admin/`). */
  adminDir: string;
}

export function shellArgv(a: ShellArgs): string[] {
  return [
    `--data=${a.dataDir}`, `--port=${a.port}`, `--repo=${a.repoRoot}`, `--node=${a.nodePath}`, `--client-dir=${a.clientDir}`, `--admin-dir=${a.adminDir}`,
  ];
}

/** Reads ShellArgs from Electron's argv (which also holds the binary, the script and Chromium's switches). */
export function parseShellArgs(argv: string[], repoRoot: string): ShellArgs {
  const { values } = parseArgs({
    args: argv, strict: false, allowPositionals: true,
    options: {
      data: { type: 'string' }, port: { type: 'string' }, repo: { type: 'string' }, node: { type: 'string' },
      'client-dir': { type: 'string' }, 'admin-dir': { type: 'string' },
    },
  });
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const root = resolve(str(values.repo) ?? repoRoot);
  const port = Number(str(values.port) ?? DEFAULT_SITE_PORT);
  const builds = repoSiteApps(root);
  return {
    repoRoot: root,
    dataDir: resolve(root, str(values.data) ?? 'data'),
    port: Number.isInteger(port) && port >= 0 && port <= 65535 ? port : DEFAULT_SITE_PORT,
    // Electron's own binary cannot run the site; without --node, the one on PATH does.
    nodePath: str(values.node) ?? 'node',
    clientDir: resolve(str(values['client-dir']) ?? builds.clientDir),
    adminDir: resolve(str(values['admin-dir']) ?? builds.adminDir),
  };
}

export function localSiteOptions(a: ShellArgs): LocalSiteOptions {
  return { dataDir: a.dataDir, port: a.port, clientDir: a.clientDir, adminDir: a.adminDir, command: repoSiteCommand(a.repoRoot, a.nodePath) };
}
