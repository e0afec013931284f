import { describe, expect, it } from 'vitest';
import type { ClientProfile, ClientProfileInput } from './clientProfile';
import { DEFAULT_CLIENT_PROFILE_SETTINGS, clientProfileProblem, completeSettings, effectiveClientProfile, sortClientProfiles } from './clientProfile';

const known = new Set(['guards', 'reception', 'operators']);
const exists = (id: string) => known.has(id);
const input = (o: Partial<ClientProfileInput & { isDefault: boolean }> = {}) => ({
  name: 'Guards', description: '', roleIds: ['guards'], settings: completeSettings({}), isDefault: false, ...o,
});
const profile = (id: string, o: Partial<ClientProfile> = {}): ClientProfile => ({
  id, name: id, description: '', isDefault: false, position: 0, roleIds: [], settings: completeSettings({}), createdAt: 0, updatedAt: 0, ...o,
});

describe('completeSettings', () => {
  it('fills what is missing from the defaults and drops unknown keys', () => {
    const s = completeSettings({ exportAllowed: false, bogus: 1 } as never);
    expect(s).toEqual({ ...DEFAULT_CLIENT_PROFILE_SETTINGS, exportAllowed: false });
    expect(s).not.toHaveProperty('bogus');
  });

  it('completes a patch from the profile it changes, not from the defaults', () => {
    const base = completeSettings({ workspaces: ['live'], idleLogoutMinutes: 15 });
    expect(completeSettings({ tileClock: false }, base)).toMatchObject({ workspaces: ['live'], idleLogoutMinutes: 15, tileClock: false });
  });
});

describe('clientProfileProblem', () => {
  it('accepts a valid profile and the default profile without roles', () => {
    expect(clientProfileProblem(input(), exists)).toBeUndefined();
    expect(clientProfileProblem(input({ isDefault: true, roleIds: [] }), exists)).toBeUndefined();
  });

  it('names the field at fault', () => {
    const settings = (o: object) => input({ settings: { ...completeSettings({}), ...o } });
    expect(clientProfileProblem(input({ name: ' ' }), exists)).toMatchObject({ field: 'name' });
    expect(clientProfileProblem(input({ description: 'x'.repeat(501) }), exists)).toMatchObject({ field: 'description' });
    expect(clientProfileProblem(input({ isDefault: true }), exists)).toMatchObject({ field: 'roleIds', message: /default profile/ });
    expect(clientProfileProblem(input({ roleIds: ['guards', 'guards'] }), exists)).toEqual({ field: 'roleIds[1]', message: 'role guards is listed twice' });
    expect(clientProfileProblem(input({ roleIds: ['ghosts'] }), exists)).toEqual({ field: 'roleIds[0]', message: 'role ghosts does not exist' });
    expect(clientProfileProblem(settings({ workspaces: [] }), exists)).toMatchObject({ field: 'settings.workspaces' });
    expect(clientProfileProblem(settings({ workspaces: ['live', 'live'] }), exists)).toMatchObject({ field: 'settings.workspaces[1]' });
    expect(clientProfileProblem(settings({ workspaces: ['live', 'maps'] }), exists)).toMatchObject({ field: 'settings.workspaces[1]' });
    expect(clientProfileProblem(settings({ defaultLayout: 'custom' }), exists)).toMatchObject({ field: 'settings.defaultLayout' });
    expect(clientProfileProblem(settings({ defaultExportFormat: 'avi' }), exists)).toMatchObject({ field: 'settings.defaultExportFormat' });
    expect(clientProfileProblem(settings({ idleLogoutMinutes: 1441 }), exists)).toMatchObject({ field: 'settings.idleLogoutMinutes' });
    expect(clientProfileProblem(settings({ idleLogoutMinutes: 2.5 }), exists)).toMatchObject({ field: 'settings.idleLogoutMinutes' });
  });
});

describe('effectiveClientProfile', () => {
  const fallback = profile('default', { isDefault: true, position: 0 });
  const guards = profile('guards-p', { position: 1, roleIds: ['guards'] });
  const desk = profile('desk-p', { position: 0, roleIds: ['reception', 'operators'] });
  const all = [guards, fallback, desk];

  it('gives a role its own profile, and roles without one the default profile', () => {
    expect(effectiveClientProfile(all, ['guards'])?.id).toBe('guards-p');
    expect(effectiveClientProfile(all, ['operators'])?.id).toBe('desk-p');
    expect(effectiveClientProfile(all, ['unassigned'])?.id).toBe('default');
    expect(effectiveClientProfile(all, [])?.id).toBe('default');
  });

  it('takes the whole profile highest in the priority order for a user in several roles', () => {
    expect(effectiveClientProfile(all, ['guards', 'reception'])?.id).toBe('desk-p');
    const raised = [{ ...guards, position: 0 }, fallback, { ...desk, position: 1 }];
    expect(effectiveClientProfile(raised, ['guards', 'reception'])?.id).toBe('guards-p');
    // A role without a profile does not pull the user to the default one.
    expect(effectiveClientProfile(all, ['unassigned', 'guards'])?.id).toBe('guards-p');
  });

  it('orders by position then name, the default profile last whatever its position', () => {
    const same = [profile('b', { name: 'beta' }), profile('a', { name: 'Alpha' }), fallback];
    expect(sortClientProfiles(same).map((p) => p.id)).toEqual(['a', 'b', 'default']);
    expect(effectiveClientProfile([profile('b', { name: 'beta', roleIds: ['x'] }), profile('a', { name: 'Alpha', roleIds: ['x'] }), fallback], ['x'])?.id).toBe('a');
  });
});
