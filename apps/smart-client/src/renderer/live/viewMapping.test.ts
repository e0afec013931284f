import { describe, expect, it } from 'vitest';
import type { ViewBody } from '@nightjar/vms-core';
import { LAYOUTS, createClientStore } from '@nightjar/ui';
import { appliedViewOf, differsFromView, freeViewName, remoteViewChange, targetTile, viewBodyOf } from './viewMapping';

const view = (over: Partial<ViewBody>): ViewBody => ({
  id: 'v1', name: 'Lobby', groupId: 'shared', shared: true, layoutId: '2x2',
  layout: { columns: 2, rows: 2, tiles: LAYOUTS['2x2'].tiles.map((t) => ({ ...t })) },
  cameraIds: ['a', null, 'b', null], ownerId: 'u1', revision: 3, updatedAt: '2026-03-01T10:00:00Z', editable: true, ...over,
});

describe('view ↔ store', () => {
  it('applies a stored view and saves it back unchanged', () => {
    const store = createClientStore({ layoutId: '3x3' });
    const stored = view({});
    store.getState().applyView(appliedViewOf(stored));
    expect(store.getState()).toMatchObject({ viewId: 'v1', viewRevision: 3, layoutId: '2x2', tileCameras: ['a', null, 'b', null] });
    expect(differsFromView(store.getState(), stored)).toBe(false);
    const body = viewBodyOf(store.getState(), '  Lobby ', 'shared');
    expect(body).toEqual({ name: 'Lobby', groupId: 'shared', layoutId: '2x2', layout: stored.layout, cameraIds: stored.cameraIds });
    // Without a group the site puts it in the user's default private group.
    expect(viewBodyOf(store.getState(), 'Lobby')).not.toHaveProperty('groupId');
  });

  it('keeps a custom geometry from another client', () => {
    const custom = view({ layoutId: 'custom', layout: { columns: 3, rows: 1, tiles: [{ x: 0, y: 0, width: 2, height: 1 }, { x: 2, y: 0, width: 1, height: 1 }] }, cameraIds: ['a', 'b'] });
    const store = createClientStore();
    store.getState().applyView(appliedViewOf(custom));
    expect(store.getState().layout).toMatchObject({ id: 'custom', columns: 3, rows: 1 });
    expect(store.getState().layout.tiles[0]).toEqual({ x: 0, y: 0, width: 2, height: 1 });
    expect(viewBodyOf(store.getState(), 'x').layoutId).toBe('custom');
  });

  it('notices edits of cameras and of the layout', () => {
    const store = createClientStore();
    const stored = view({});
    store.getState().applyView(appliedViewOf(stored));
    store.getState().assignCamera(1, 'c');
    expect(differsFromView(store.getState(), stored)).toBe(true);
    store.getState().assignCamera(1, null);
    store.getState().setCustomLayout(2, 2);
    // Same geometry as the preset: nothing to save.
    expect(differsFromView(store.getState(), stored)).toBe(false);
    store.getState().setLayout('1+5');
    expect(differsFromView(store.getState(), stored)).toBe(true);
  });
});

describe('remoteViewChange', () => {
  it('applies a newer revision of the view on screen only', () => {
    const onScreen = { viewId: 'v1', shownRevision: 3 };
    expect(remoteViewChange(onScreen, { id: 'v1', revision: 4 })).toBe('apply');
    expect(remoteViewChange(onScreen, { id: 'v1', revision: 3 })).toBe('ignore');
    expect(remoteViewChange(onScreen, { id: 'v2', revision: 9 })).toBe('ignore');
    expect(remoteViewChange({ viewId: null, shownRevision: null }, { id: 'v1', revision: 9 })).toBe('ignore');
    expect(remoteViewChange(onScreen, undefined)).toBe('ignore');
  });
});

describe('targetTile', () => {
  it('prefers the selected tile, then the first empty one', () => {
    expect(targetTile({ selectedTile: 3, tileCameras: ['a', null, null, 'b'] })).toBe(3);
    expect(targetTile({ selectedTile: null, tileCameras: ['a', null, null, 'b'] })).toBe(1);
    expect(targetTile({ selectedTile: null, tileCameras: ['a', 'b'] })).toBeUndefined();
    expect(targetTile({ selectedTile: 7, tileCameras: [null] })).toBe(0);
  });
});

describe('view lists', () => {
  it('proposes the first free name', () => {
    expect(freeViewName([])).toBe('View 1');
    expect(freeViewName([{ name: 'view 1' }, { name: 'View 3' }])).toBe('View 2');
  });
});
