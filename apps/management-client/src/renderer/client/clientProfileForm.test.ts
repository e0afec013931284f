import { describe, expect, it } from 'vitest';
import type { ClientProfileSettingsBody } from '@nightjar/ui';
import type { ClientProfileBody } from './clientProfilesApi';
import {
  changedSettings, idleLabel, profileNameProblem, profileOfRole, rolesTakenFrom, settingsDraftOf, settingsOf, settingsProblems, workspacesLabel,
} from './clientProfileForm';

const settings: ClientProfileSettingsBody = {
  workspaces: ['live', 'playback', 'search', 'alarms'], exportAllowed: true, defaultLayout: '2x2', tileTitleBar: true, tileClock: true,
  defaultExportFormat: 'mp4', idleLogoutMinutes: 0,
};
const profile = (id: string, o: Partial<ClientProfileBody> = {}): ClientProfileBody => ({
  id, name: id, description: '', isDefault: false, position: 0, roleIds: [], settings, updatedAt: '2026-01-01T00:00:00Z', ...o,
});

describe('client profile settings form', () => {
  it('round-trips the stored settings and sends only what changed', () => {
    const draft = settingsDraftOf(settings);
    expect(settingsProblems(draft)).toEqual({});
    expect(settingsOf(draft)).toEqual(settings);
    expect(changedSettings(draft, settings)).toBeUndefined();
    // Workspaces go back in the Smart Client's order, whatever order they were ticked in.
    const edited = { ...draft, workspaces: ['alarms', 'live'] as typeof draft.workspaces, idleLogoutMinutes: ' 15 ', exportAllowed: false };
    expect(changedSettings(edited, settings)).toEqual({ workspaces: ['live', 'alarms'], idleLogoutMinutes: 15, exportAllowed: false });
  });

  it('refuses what the site would, beside the field', () => {
    const draft = settingsDraftOf(settings);
    expect(settingsProblems({ ...draft, workspaces: [] })).toEqual({ workspaces: 'Offer at least one workspace.' });
    for (const typed of ['', '1.5', '-1', '1441', 'ten']) expect(settingsProblems({ ...draft, idleLogoutMinutes: typed }).idleLogoutMinutes, typed).toMatch(/0 \(never\) to 1440/);
    expect(settingsProblems({ ...draft, idleLogoutMinutes: '1440' })).toEqual({});
  });

  it('checks names against the other profiles', () => {
    const all = [profile('a', { name: 'Guards' }), profile('default', { name: 'Default', isDefault: true })];
    expect(profileNameProblem(' ', all)).toMatch(/needs a name/);
    expect(profileNameProblem('default', all)).toMatch(/Another profile/);
    expect(profileNameProblem('Guards', all, 'a')).toBeUndefined();
    expect(profileNameProblem('x'.repeat(101), all)).toMatch(/100/);
  });
});

describe('role assignment', () => {
  it('says which roles a save takes from other profiles and which profile each role has', () => {
    const all = [profile('a', { name: 'Guards', roleIds: ['g', 'r'] }), profile('b', { name: 'Desk', roleIds: ['d'] })];
    expect([...rolesTakenFrom(['g', 'd', 'x'], all, 'a')]).toEqual([['d', 'Desk']]);
    expect(profileOfRole(all).get('r')?.name).toBe('Guards');
    expect(profileOfRole(all).get('x')).toBeUndefined();
  });

  it('sums settings up for the overview', () => {
    expect(workspacesLabel(settings)).toBe('All workspaces');
    expect(workspacesLabel({ workspaces: ['alarms', 'live'] })).toBe('Live, Alarms');
    expect(idleLabel(0)).toBe('Never');
    expect(idleLabel(90)).toBe('90 min');
    expect(idleLabel(120)).toBe('2 h');
  });
});
