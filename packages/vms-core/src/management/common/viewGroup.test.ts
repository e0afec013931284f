import { describe, expect, it } from 'vitest';
import type { RoleDefinition } from './permissions';
import type { ViewGroup, ViewGroupInput } from './viewGroup';
import { VIEW_GROUP_LIMITS, canAddViewTo, canEditView, canManageGroup, canSeeGroup, canSeeView, sortViewGroups, viewGroupProblem } from './viewGroup';

const role = (o: Partial<RoleDefinition>): RoleDefinition => ({ id: 'r', name: 'r', builtin: false, manageConfiguration: false, manageUsers: false, grants: [], ...o });
const input = (o: Partial<ViewGroupInput> = {}): ViewGroupInput => ({ name: 'Entrances', shared: true, allRoles: false, roleIds: ['guards'], ...o });
const known = new Set(['guards', 'reception']);
const exists = (id: string) => known.has(id);
const group = (o: Partial<ViewGroup> = {}): ViewGroup => ({
  id: 'g', name: 'Entrances', shared: true, ownerId: null, allRoles: false, roleIds: ['guards'], position: 0, isDefault: false, createdAt: 0, updatedAt: 0, ...o,
});

describe('viewGroupProblem', () => {
  it('accepts shared groups for roles or for everyone, and private groups without roles', () => {
    expect(viewGroupProblem(input(), exists)).toBeUndefined();
    expect(viewGroupProblem(input({ allRoles: true, roleIds: [] }), exists)).toBeUndefined();
    expect(viewGroupProblem(input({ shared: false, roleIds: [] }), exists)).toBeUndefined();
    // A shared group for no role yet is seen by configuration managers only: a draft.
    expect(viewGroupProblem(input({ roleIds: [] }), exists)).toBeUndefined();
  });

  it('names the field at fault', () => {
    expect(viewGroupProblem(input({ name: '  ' }), exists)).toMatchObject({ field: 'name' });
    expect(viewGroupProblem(input({ name: 'x'.repeat(VIEW_GROUP_LIMITS.maxName + 1) }), exists)).toMatchObject({ field: 'name' });
    expect(viewGroupProblem(input({ shared: false }), exists)).toMatchObject({ field: 'roleIds', message: /private group/ });
    expect(viewGroupProblem(input({ shared: false, roleIds: [], allRoles: true }), exists)).toMatchObject({ field: 'roleIds' });
    expect(viewGroupProblem(input({ allRoles: true }), exists)).toMatchObject({ field: 'roleIds', message: /every role/ });
    expect(viewGroupProblem(input({ roleIds: ['guards', 'guards'] }), exists)).toEqual({ field: 'roleIds[1]', message: 'role guards is listed twice' });
    expect(viewGroupProblem(input({ roleIds: ['reception', 'ghosts'] }), exists)).toEqual({ field: 'roleIds[1]', message: 'role ghosts does not exist' });
  });
});

describe('view group rights', () => {
  const guard = [role({ id: 'guards' })];
  const clerk = [role({ id: 'reception' })];
  const configurer = [role({ id: 'cfg', manageConfiguration: true })];
  const admin = [role({ id: 'administrators', builtin: true })];

  it('keeps private groups and their views to their owner, administrators included', () => {
    const mine = group({ shared: false, ownerId: 'alice', roleIds: [] });
    expect(canSeeGroup(mine, 'alice', [])).toBe(true);
    expect(canSeeGroup(mine, 'bob', admin)).toBe(false);
    expect(canManageGroup(mine, 'alice', [])).toBe(true);
    expect(canManageGroup(mine, 'bob', admin)).toBe(false);
    expect(canAddViewTo(mine, 'bob', admin)).toBe(false);
    expect(canEditView({ ownerId: 'alice' }, mine, 'alice', [])).toBe(true);
    expect(canEditView({ ownerId: 'alice' }, mine, 'bob', admin)).toBe(false);
  });

  it('shows shared groups to their roles and configuration managers, and lets only managers change them', () => {
    const shared = group();
    expect(canSeeGroup(shared, 'g1', guard)).toBe(true);
    expect(canSeeGroup(shared, 'c1', clerk)).toBe(false);
    expect(canSeeGroup(shared, 'k1', configurer)).toBe(true);
    expect(canSeeGroup(group({ allRoles: true, roleIds: [] }), 'c1', clerk)).toBe(true);
    expect(canSeeGroup(group({ allRoles: true, roleIds: [] }), 'n1', [])).toBe(true);
    expect(canManageGroup(shared, 'g1', guard)).toBe(false);
    expect(canManageGroup(shared, 'k1', configurer)).toBe(true);
    expect(canManageGroup(shared, 'a1', admin)).toBe(true);
  });

  it('lets whoever sees a shared group add views; the owner or a manager changes them', () => {
    const shared = group();
    expect(canAddViewTo(shared, 'g1', guard)).toBe(true);
    expect(canAddViewTo(shared, 'c1', clerk)).toBe(false);
    expect(canSeeView(shared, 'c1', clerk)).toBe(false);
    expect(canEditView({ ownerId: 'g1' }, shared, 'g1', guard)).toBe(true);
    expect(canEditView({ ownerId: 'g1' }, shared, 'g2', guard)).toBe(false);
    expect(canEditView({ ownerId: 'g1' }, shared, 'k1', configurer)).toBe(true);
    // The owner who no longer sees the group (their role was taken off it) no longer changes the view.
    expect(canEditView({ ownerId: 'c1' }, shared, 'c1', clerk)).toBe(false);
  });
});

describe('sortViewGroups', () => {
  it('puts private groups first, then by position and name', () => {
    const sorted = sortViewGroups([
      group({ id: 's2', name: 'B', position: 1 }), group({ id: 's1', name: 'Z', position: 0 }), group({ id: 's3', name: 'a', position: 1 }),
      group({ id: 'p1', name: 'Mine', shared: false, ownerId: 'u', position: 3 }),
    ]);
    expect(sorted.map((g) => g.id)).toEqual(['p1', 's1', 's3', 's2']);
  });
});
