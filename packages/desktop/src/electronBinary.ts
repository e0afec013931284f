/**
 * Whether this machine can run an Electron shell (the Smart Client's or the Management Client's). The `electron` package is an optional
 * dependency whose postinstall downloads the binary; pnpm does not run it here (see
 * pnpm-workspace.yaml), so usually only its types are installed. Its index.js returns the
 * binary's path when path.txt was written by a successful postinstall, and throws otherwise
 * ("Electron failed to install correctly…"); the path it returns may still be missing.
 */
import { accessSync, constants } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { errorMessage } from '@nightjar/vms-core';

export type ElectronBinary = { ok: true; path: string } | { ok: false; reason: string };

export function electronBinary(
  appDir: string,
  resolveElectron: () => unknown = () => createRequire(join(appDir, 'package.json'))('electron'),
): ElectronBinary {
  let path: unknown;
  try {
    path = resolveElectron();
  } catch (e) {
    const message = errorMessage(e);
    if (/Cannot find module/.test(message)) return { ok: false, reason: 'the electron package is not installed (pnpm install)' };
    // Reinstalling, as electron's message suggests, does not help: pnpm skips the download on purpose.
    if (/failed to install correctly/.test(message)) return { ok: false, reason: 'the electron package is installed without its binary (its download is not run; see packages/desktop/README.md)' };
    return { ok: false, reason: `the electron package has no binary (${message.split('\n')[0]})` };
  }
  if (typeof path !== 'string') return { ok: false, reason: 'the electron package did not name a binary' };
  try {
    accessSync(path, constants.X_OK);
  } catch {
    return { ok: false, reason: `no runnable binary at ${path}` };
  }
  return { ok: true, path };
}

/** Electron needs a display; over SSH or in CI there is none, and the browser route is the way. */
export function displayMissing(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | undefined {
  if (platform !== 'linux' && platform !== 'freebsd' && platform !== 'openbsd') return undefined;
  return env.DISPLAY || env.WAYLAND_DISPLAY ? undefined : 'no display (DISPLAY and WAYLAND_DISPLAY are unset)';
}
