import { describe, expect, it } from 'vitest';
import { backupFileName, parseBackup } from './backupFile';

describe('backup file', () => {
  it('names a backup after the site and the day', () => {
    expect(backupFileName('Main Gate / North', new Date(2026, 10, 21, 23, 5))).toBe('nightjar-main-gate-north-2026-11-21.json');
    expect(backupFileName('  ', new Date(2026, 0, 2))).toBe('nightjar-site-2026-01-02.json');
  });

  it('reads a configuration document and refuses anything else with a reason', () => {
    const doc = { format: 'nightjar-configuration', version: 1, storages: [], cameras: [], secrets: {}, site: { name: 'x', description: '' } };
    expect(parseBackup(JSON.stringify(doc))).toMatchObject({ ok: true });
    expect(parseBackup('not json')).toEqual({ ok: false, problem: expect.stringContaining('not JSON') });
    expect(parseBackup('{"format":"other"}')).toEqual({ ok: false, problem: expect.stringContaining('not a Nightjar configuration backup') });
    expect(parseBackup('{"format":"nightjar-configuration","storages":[]}')).toEqual({ ok: false, problem: expect.stringContaining('incomplete') });
  });
});
