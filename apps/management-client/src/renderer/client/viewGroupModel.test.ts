import { describe, expect, it } from 'vitest';
import type { ViewGroupBody } from '@nightjar/ui';
import { EMPTY_DRAFT, audienceLabel, audienceWarning, createBody, draftOf, movedPosition, updateBody, viewGroupProblems } from './viewGroupModel';

const group = (id: string, o: Partial<ViewGroupBody> = {}): ViewGroupBody => ({
  id, name: id, shared: true, ownerId: null, allRoles: false, roleIds: ['guards'], position: 0, isDefault: false, viewCount: 0, editable: true,
  updatedAt: '2026-01-01T00:00:00Z', ...o,
});

describe('view group form', () => {
  it('maps a group to a draft and back, sending only what changed', () => {
    const g = group('gates', { name: 'Gates', roleIds: ['reception', 'guards'] });
    const d = draftOf(g);
    expect(d).toEqual({ name: 'Gates', audience: 'roles', roleIds: ['reception', 'guards'] });
    expect(updateBody(d, g)).toBeUndefined();
    expect(updateBody({ ...d, roleIds: ['guards', 'reception'] }, g)).toBeUndefined();
    expect(updateBody({ ...d, name: ' Gate ' }, g)).toEqual({ name: 'Gate' });
    expect(updateBody({ ...d, audience: 'all' }, g)).toEqual({ allRoles: true });
    expect(updateBody({ ...d, roleIds: ['guards'] }, g)).toEqual({ roleIds: ['guards'] });
    expect(updateBody({ name: 'Gates', audience: 'roles', roleIds: ['guards'] }, group('x', { name: 'Gates', allRoles: true, roleIds: [] })))
      .toEqual({ allRoles: false, roleIds: ['guards'] });
    expect(createBody({ name: ' Lobby ', audience: 'all', roleIds: ['guards'] })).toEqual({ name: 'Lobby', shared: true, allRoles: true, roleIds: [] });
  });

  it('names what is wrong, beside its field', () => {
    const groups = [group('a', { name: 'Gates' }), group('p', { name: 'Mine', shared: false })];
    expect(viewGroupProblems(EMPTY_DRAFT, groups)).toEqual({ name: 'The group needs a name.' });
    expect(viewGroupProblems({ ...EMPTY_DRAFT, name: 'gates ' }, groups).name).toMatch(/Another shared group/);
    // Its own name, and a name only a private group has, are fine.
    expect(viewGroupProblems({ ...EMPTY_DRAFT, name: 'Gates' }, groups, 'a')).toEqual({});
    expect(viewGroupProblems({ ...EMPTY_DRAFT, name: 'mine' }, groups)).toEqual({});
    expect(viewGroupProblems({ ...EMPTY_DRAFT, name: 'x'.repeat(101) }, groups).name).toMatch(/100/);
    expect(audienceWarning(EMPTY_DRAFT)).toMatch(/only administrators/);
    expect(audienceWarning({ ...EMPTY_DRAFT, audience: 'all' })).toBeUndefined();
  });

  it('says who sees a group and where a move goes', () => {
    const names: Record<string, string> = { guards: 'Guards' };
    expect(audienceLabel(group('a', { roleIds: ['guards', 'gone'] }), (id) => names[id])).toBe('Guards, gone');
    expect(audienceLabel(group('a', { allRoles: true, roleIds: [] }), () => undefined)).toBe('Every role');
    expect(audienceLabel(group('a', { roleIds: [] }), () => undefined)).toBe('Administrators only');
    const list = [group('a'), group('b'), group('c')];
    expect(movedPosition(list, 'b', -1)).toBe(0);
    expect(movedPosition(list, 'b', 1)).toBe(2);
    expect(movedPosition(list, 'a', -1)).toBeUndefined();
    expect(movedPosition(list, 'c', 1)).toBeUndefined();
  });
});
