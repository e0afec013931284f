import { describe, expect, it } from 'vitest';
import type { ConfigurationDocumentBody } from '@nightjar/vms-core';
import { backupFileName, backupSummary, parseBackup } from './backupFile';

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

  it('sums up what a backup holds, the event server when the file has it', () => {
    const doc = {
      site: { name: 'Depot', description: '' }, cameras: [{}, {}], hardware: [{}], storages: [{}], roles: [{}], users: [{}], timeProfiles: [],
      exportedAt: '2026-01-04T10:00:00Z',
    } as unknown as ConfigurationDocumentBody;
    expect(backupSummary(doc)).toMatch(/^Depot: 2 cameras on 1 hardware, 1 storages, 1 roles, 1 users, 0 time profiles; exported /);
    const withEvents = { ...doc, eventServer: { rules: [{}, {}, {}], alarmDefinitions: [{}] } } as unknown as ConfigurationDocumentBody;
    expect(backupSummary(withEvents)).toContain('0 time profiles, 3 rules, 1 alarm definitions; exported');
  });
});
