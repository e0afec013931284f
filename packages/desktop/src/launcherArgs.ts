/** Options shared by the launchers (`pnpm start`, `pnpm admin`) and `pnpm stop`, run from the repository root. */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_SITE_PORT, VmsError } from '@nightjar/vms-core';

/** The help text of one launcher: `command` opens the client `title`, which the site serves at `path`. */
export function launcherUsage(o: { command: string; title: string; path: string }): string {
  return `usage: ${o.command} [--data DIR] [--port N] [--browser] [--no-demo-camera]

  Builds the Smart Client and the Management Client if their sources changed, makes sure the
  all-in-one site runs as its own process (attaching to a running one; it serves the Smart
  Client at / and the Management Client at /admin/), then opens the ${o.title}: in Electron
  when its binary is installed, otherwise it prints the address to open in a browser
  (<site>${o.path}).

  --data DIR         the site's data folder (default ./data)
  --port N           the site's port (default ${DEFAULT_SITE_PORT}); 0 picks a free one
  --browser          do not launch Electron; print the browser address
  --no-demo-camera   do not add the simulated camera to a site without cameras

usage: pnpm stop [--data DIR]      stops the site that serves DIR (default ./data)`;
}

export interface LauncherArgs {
  dataDir: string;
  port: number;
  browser: boolean;
  demoCamera: boolean;
  help: boolean;
}

export function parseLauncherArgs(argv: string[]): LauncherArgs {
  const { values } = parseArgs({
    args: argv, strict: true,
    options: {
      data: { type: 'string' }, port: { type: 'string' }, browser: { type: 'boolean' }, 'no-demo-camera': { type: 'boolean' }, help: { type: 'boolean' },
    },
  });
  const port = values.port === undefined ? DEFAULT_SITE_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new VmsError('VMS_ERR_BAD_INPUT', `--port must be 0..65535, not "${values.port}"`);
  return {
    dataDir: resolve(values.data ?? 'data'), port, browser: values.browser === true, demoCamera: values['no-demo-camera'] !== true, help: values.help === true,
  };
}
