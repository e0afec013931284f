import { describe, expect, it } from 'vitest';
import type { ViewBody, ViewGroupBody } from '@nightjar/ui';
import { defaultPrivateGroup, freeGroupName, groupViews, moveTargets, newViewGroup } from './viewGroupsModel';

const group = (id: string, o: Partial<ViewGroupBody> = {}): ViewGroupBody => ({
  id, name: id, shared: false, ownerId: 'me', allRoles: false, roleIds: [], position: 0, isDefault: false, viewCount: 0, editable: true,
  updatedAt: '2026-03-01T10:00:00Z', ...o,
});
const view = (id: string, name: string, groupId: string): ViewBody => ({
  id, name, groupId, shared: groupId === 'shared', ownerId: 'me', layoutId: '1x1', layout: { columns: 1, rows: 1, tiles: [{ x: 0, y: 0, width: 1, height: 1 }] },
  cameraIds: [null], revision: 1, updatedAt: '2026-03-01T10:00:00Z', editable: true,
});

const mine = group('private-me', { name: 'Private', isDefault: true });
const night = group('night', { name: 'Night', position: 1 });
const shared = group('shared', { name: 'Shared', shared: true, ownerId: null, isDefault: true, editable: false });

describe('groupViews', () => {
  it("keeps the groups' order and sorts each group's views by name", () => {
    const { sections, others } = groupViews([mine, night, shared], [
      view('1', 'View 10', 'private-me'), view('2', 'View 2', 'private-me'), view('3', 'Gates', 'shared'), view('4', 'Lost', 'gone'),
    ]);
    expect(sections.map((s) => [s.group.id, s.views.map((v) => v.id)])).toEqual([['private-me', ['2', '1']], ['night', []], ['shared', ['3']]]);
    expect(others.map((v) => v.id)).toEqual(['4']);
  });
});

describe('where views go', () => {
  it("saves a copy of a shared view into the user's own Private group, a private one beside it", () => {
    const groups = [night, mine, shared];
    expect(defaultPrivateGroup(groups)?.id).toBe('private-me');
    expect(newViewGroup(groups, undefined)?.id).toBe('private-me');
    expect(newViewGroup(groups, { groupId: 'shared' })?.id).toBe('private-me');
    expect(newViewGroup(groups, { groupId: 'night' })?.id).toBe('night');
    expect(newViewGroup([shared], undefined)).toBeUndefined();
  });

  it('offers every other group as a move target', () => {
    expect(moveTargets([mine, night, shared], { groupId: 'night' }).map((g) => g.id)).toEqual(['private-me', 'shared']);
  });

  it("names new groups after the user's own", () => {
    expect(freeGroupName([mine, shared])).toBe('Group 1');
    expect(freeGroupName([group('a', { name: 'group 1' }), group('b', { name: 'Group 1', shared: true })])).toBe('Group 2');
  });
});
