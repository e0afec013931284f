/**
 * What the launcher tells the Electron main process on its command line: which data folder
 * and port the local site uses, and how to start it (the Node binary and the repository; the
 * Electron binary cannot run the site, whose native modules are built for Node).
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_SITE_PORT } from '@nightjar/vms-core';
import type { LocalSiteOptions } from './localSite';
import { repoSiteCommand } from './localSite';

export interface ShellArgs {
  dataDir: string;
  port: number;
  repoRoot: string;
  nodePath: string;
  clientDir: string;
}

export function shellArgv(a: ShellArgs): string[] {
  return [`--data=${a.dataDir}`, `--port=${a.port}`, `--repo=${a.repoRoot}`, `--node=${a.nodePath}`, `--client-dir=${a.clientDir}`];
}

/** Reads ShellArgs from Electron's argv (which also holds the binary, the script and Chromium's switches). */
export function parseShellArgs(argv: string[], repoRoot: string): ShellArgs {
  const { values } = parseArgs({
    args: argv, strict: false, allowPositionals: true,
    options: { data: { type: 'string' }, port: { type: 'string' }, repo: { type: 'string' }, node: { type: 'string' }, 'client-dir': { type: 'string' } },
  });
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const root = resolve(str(values.repo) ?? repoRoot);
  const port = Number(str(values.port) ?? DEFAULT_SITE_PORT);
  return {
    repoRoot: root,
    dataDir: resolve(root, str(values.data) ?? 'data'),
    port: Number.isInteger(port) && port >= 0 && port <= 65535 ? port : DEFAULT_SITE_PORT,
    // Electron's own binary cannot run the site; without --node, the one on PATH does.
    nodePath: str(values.node) ?? 'node',
    clientDir: resolve(str(values['client-dir']) ?? join(root, 'apps/smart-client/dist/renderer')),
  };
}

export function localSiteOptions(a: ShellArgs): LocalSiteOptions {
  return { dataDir: a.dataDir, port: a.port, clientDir: a.clientDir, command: repoSiteCommand(a.repoRoot, a.nodePath) };
}
