import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isVmsError } from '@nightjar/vms-core';
import { MAX_BACKUP_BYTES } from '../common/ipcContract';
import type { AdminDialogs } from './adminHandlers';
import { adminHandlers, writeBackupFile } from './adminHandlers';

const EVENT = {} as IpcMainInvokeEvent;

/** Dialogs that answer what the test says and record what they were asked. */
function dialogs(answer: string | undefined): AdminDialogs & { asked: unknown[] } {
  const asked: unknown[] = [];
  return {
    asked,
    saveFile: async (o) => (asked.push(o), answer),
    chooseFolder: async (o) => (asked.push(o), answer),
  };
}

async function failure(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('Management Client desktop handlers', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'nightjar-admin-backup-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the backup where the save dialog pointed, replacing the old one whole', async () => {
    const target = join(dir, 'site backup.json');
    writeFileSync(target, 'old backup');
    const fake = dialogs(target);
    const handlers = adminHandlers(fake);
    const contents = JSON.stringify({ format: 'nightjar-configuration', cameras: [{ name: 'Lobby ✓' }] });
    expect(await handlers['dialog:chooseBackupFile']({ defaultName: 'nightjar-2025-01-01.json', contents }, EVENT)).toEqual({ path: target });
    expect(readFileSync(target, 'utf8')).toBe(contents);
    expect(fake.asked).toEqual([{ title: 'Save configuration backup', defaultName: 'nightjar-2025-01-01.json' }]);
    // Nothing left beside it.
    expect(readdirSync(dir)).toEqual(['site backup.json']);
  });

  it('writes nothing when the user cancels', async () => {
    const handlers = adminHandlers(dialogs(undefined));
    expect(await handlers['dialog:chooseBackupFile']({ defaultName: 'b.json', contents: '{}' }, EVENT)).toEqual({ path: null });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses bad requests before any dialog opens', async () => {
    const fake = dialogs(join(dir, 'x.json'));
    const handlers = adminHandlers(fake);
    const bad: unknown[] = [
      null, 'x', { defaultName: 'b.json' }, { defaultName: 'b.json', contents: 42 }, { defaultName: '../b.json', contents: '{}' },
      { defaultName: '', contents: '{}' }, { defaultName: 'b.json', contents: 'x'.repeat(MAX_BACKUP_BYTES + 1) },
    ];
    for (const request of bad) {
      const error = await failure(() => handlers['dialog:chooseBackupFile'](request as never, EVENT));
      expect(isVmsError(error, 'VMS_ERR_BAD_INPUT'), JSON.stringify(request)?.slice(0, 60)).toBe(true);
    }
    expect(fake.asked).toEqual([]);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('leaves what was there and no partial file when the write or the rename fails', async () => {
    const error = await failure(() => writeBackupFile(join(dir, 'missing', 'b.json'), '{}'));
    expect((error as NodeJS.ErrnoException).code).toBe('ENOENT');
    expect(isVmsError(await failure(() => writeBackupFile('relative.json', '{}')), 'VMS_ERR_BAD_INPUT')).toBe(true);
    // A folder of that name, not empty: the partial file is written, the rename refused.
    mkdirSync(join(dir, 'b.json'));
    writeFileSync(join(dir, 'b.json', 'keep'), 'kept');
    expect(await failure(() => writeBackupFile(join(dir, 'b.json'), '{}'))).toBeInstanceOf(Error);
    expect(readdirSync(dir)).toEqual(['b.json']);
    expect(readFileSync(join(dir, 'b.json', 'keep'), 'utf8')).toBe('kept');
  });

  it('asks for a folder with a title, passing an absolute starting folder only', async () => {
    const fake = dialogs('/srv/nightjar/storage');
    const handlers = adminHandlers(fake);
    expect(await handlers['dialog:chooseFolder']({ title: 'Storage folder', defaultPath: '/srv' }, EVENT)).toEqual({ path: '/srv/nightjar/storage' });
    await handlers['dialog:chooseFolder']({ defaultPath: 'relative/path' }, EVENT);
    await handlers['dialog:chooseFolder'](undefined as never, EVENT);
    expect(fake.asked).toEqual([
      { title: 'Storage folder', defaultPath: '/srv' }, { title: 'Choose a folder' }, { title: 'Choose a folder' },
    ]);
    expect(await adminHandlers(dialogs(undefined))['dialog:chooseFolder']({}, EVENT)).toEqual({ path: null });
  });
});
