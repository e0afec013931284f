import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { displayMissing, electronBinary } from './electronBinary';

describe('electronBinary', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('reports the package without a binary the way electron/index.js fails', () => {
    const result = electronBinary('/app', () => {
      throw new Error('Electron failed to install correctly, please delete node_modules/electron and try installing again');
    });
    expect(result).toEqual({ ok: false, reason: 'the electron package is installed without its binary (its download is not run; see packages/desktop/README.md)' });
    expect(electronBinary('/app', () => {
      throw new Error('ENOENT: path.txt\nstack');
    })).toEqual({ ok: false, reason: 'the electron package has no binary (ENOENT: path.txt)' });
  });

  it('reports a missing package, a missing binary and a found one', () => {
    expect(electronBinary('/app', () => {
      throw new Error("Cannot find module 'electron'");
    })).toEqual({ ok: false, reason: 'the electron package is not installed (pnpm install)' });
    expect(electronBinary('/app', () => '/nowhere/electron')).toEqual({ ok: false, reason: 'no runnable binary at /nowhere/electron' });

    const dir = mkdtempSync(join(tmpdir(), 'nightjar-electron-'));
    dirs.push(dir);
    const binary = join(dir, 'electron');
    writeFileSync(binary, '#!/bin/sh\n');
    chmodSync(binary, 0o644);
    expect(electronBinary('/app', () => binary)).toEqual({ ok: false, reason: `no runnable binary at ${binary}` });
    chmodSync(binary, 0o755);
    expect(electronBinary('/app', () => binary)).toEqual({ ok: true, path: binary });
  });

  it('reads the installed package from an app folder', () => {
    // pnpm skips electron's download here, so usually there is no binary; a developer may have one.
    const result = electronBinary(join(import.meta.dirname, '../../../apps/smart-client'));
    if (result.ok) expect(result.path).toMatch(/electron/i);
    else expect(result.reason).toMatch(/^(the electron package is installed without its binary|no runnable binary at )/);
  });
});

describe('displayMissing', () => {
  it('needs DISPLAY or WAYLAND_DISPLAY on Linux only', () => {
    expect(displayMissing({}, 'linux')).toMatch(/no display/);
    expect(displayMissing({ DISPLAY: ':0' }, 'linux')).toBeUndefined();
    expect(displayMissing({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBeUndefined();
    expect(displayMissing({}, 'win32')).toBeUndefined();
    expect(displayMissing({}, 'darwin')).toBeUndefined();
  });
});
