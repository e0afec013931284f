import { describe, expect, it } from 'vitest';
import { HOME, formatRoute, parseRoute } from './route';
import { SITE_TREE, visibleTree } from './siteTree';

describe('admin route', () => {
  it('round-trips node, item and tab, escaping ids', () => {
    const r = { node: 'cameras' as const, itemId: 'cam 1/a', tab: 'record' };
    expect(formatRoute(r)).toBe('#/cameras/cam%201%2Fa?tab=record');
    expect(parseRoute(formatRoute(r))).toEqual(r);
    expect(parseRoute('#/roles')).toEqual({ node: 'roles', itemId: null, tab: null });
  });

  it('falls back to the site page for an unknown or empty place', () => {
    expect(parseRoute('')).toEqual(HOME);
    expect(parseRoute('#/nowhere/x')).toEqual(HOME);
  });
});

describe('site tree', () => {
  it('shows only the nodes the roles allow, and drops empty folders', () => {
    const usersOnly = visibleTree({ manageConfiguration: false, manageUsers: true });
    expect(usersOnly.map((f) => f.id)).toEqual(['security', 'logs']);
    expect(usersOnly.flatMap((f) => f.nodes.map((n) => n.id))).toEqual(['roles', 'users', 'auditLog']);
    const all = visibleTree({ manageConfiguration: true, manageUsers: true });
    expect(all.flatMap((f) => f.nodes)).toHaveLength(SITE_TREE.flatMap((f) => f.nodes).length);
  });

  it('filters by node or folder name', () => {
    const flags = { manageConfiguration: true, manageUsers: true };
    expect(visibleTree(flags, 'storage').flatMap((f) => f.nodes.map((n) => n.id))).toEqual(['storages']);
    expect(visibleTree(flags, 'security').flatMap((f) => f.nodes.map((n) => n.id))).toEqual(['roles', 'users']);
  });
});
