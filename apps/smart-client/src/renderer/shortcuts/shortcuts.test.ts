import { describe, expect, it } from 'vitest';
import { createClientStore } from '@nightjar/ui';
import { defaultShortcuts } from './defaultShortcuts';
import type { Workspace } from './defaultShortcuts';
import { dispatchKey, findShortcut, groupShortcuts, isTypingTarget } from './shortcutRegistry';

function setup(dialogOpen = false) {
  const store = createClientStore({ layoutId: '3x3', playbackTimeMs: 10_000 });
  const calls: string[] = [];
  let open = dialogOpen;
  const shortcuts = defaultShortcuts({
    store,
    setWorkspace: (w: Workspace) => calls.push(`workspace:${w}`),
    toggleHelp: () => calls.push('help'),
    closeTopmost: () => {
      if (!open) return false;
      open = false;
      calls.push('closed');
      return true;
    },
  });
  const press = (key: string, extra: Record<string, unknown> = {}) => dispatchKey(shortcuts, { key, ...extra });
  return { store, calls, shortcuts, press };
}

describe('shortcut dispatch', () => {
  it('switches workspaces with L, P, S and A in either case, and opens help with ?', () => {
    const t = setup();
    expect(t.press('l')).toBe(true);
    expect(t.press('P')).toBe(true);
    expect(t.press('s')).toBe(true);
    expect(t.press('A')).toBe(true);
    expect(t.press('?')).toBe(true);
    expect(t.calls).toEqual(['workspace:live', 'workspace:playback', 'workspace:search', 'workspace:alarms', 'help']);
  });

  it('ignores keys typed into fields and chords with Ctrl, Cmd or Alt', () => {
    const t = setup();
    expect(t.press('l', { target: { tagName: 'INPUT', type: 'search' } })).toBe(false);
    expect(t.press('s', { target: { tagName: 'textarea' } })).toBe(false);
    expect(t.press('p', { target: { tagName: 'DIV', isContentEditable: true } })).toBe(false);
    expect(t.press('s', { ctrlKey: true })).toBe(false);
    expect(t.press('l', { metaKey: true })).toBe(false);
    expect(t.calls).toEqual([]);
    // A checkbox or button has focus: shortcuts still work.
    expect(t.press('l', { target: { tagName: 'INPUT', type: 'checkbox' } })).toBe(true);
    expect(isTypingTarget({ tagName: 'BUTTON' })).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });

  it('selects tiles with number keys, only those the layout has', () => {
    const t = setup();
    t.store.getState().setLayout('2x2');
    expect(t.press('3')).toBe(true);
    expect(t.store.getState().selectedTile).toBe(2);
    expect(t.press('5')).toBe(false);
    expect(t.store.getState().selectedTile).toBe(2);
  });

  it('maximizes and restores with Enter, and Escape unwinds dialog, maximize, selection in turn', () => {
    const t = setup(true);
    expect(t.press('Enter')).toBe(false);
    t.press('2');
    t.press('Enter');
    expect(t.store.getState().maximizedTile).toBe(1);
    t.press('Escape');
    expect(t.calls).toEqual(['closed']);
    expect(t.store.getState().maximizedTile).toBe(1);
    t.press('Escape');
    expect(t.store.getState().maximizedTile).toBeNull();
    t.press('Escape');
    expect(t.store.getState().selectedTile).toBeNull();
    expect(t.press('Escape')).toBe(false);
  });

  it('leaves Space and arrows alone in live mode, and drives playback otherwise', () => {
    const t = setup();
    expect(t.press(' ')).toBe(false);
    expect(t.press('ArrowLeft')).toBe(false);
    t.store.getState().seek(5000);
    t.press(' ');
    expect(t.store.getState().playing).toBe(false);
    t.press(' ');
    expect(t.store.getState().playing).toBe(true);
    t.press('ArrowRight');
    t.press('ArrowRight');
    expect(t.store.getState()).toMatchObject({ playing: false, stepRequest: { direction: 1, seq: 2 } });
    t.press('ArrowLeft');
    expect(t.store.getState().stepRequest).toEqual({ direction: -1, seq: 3 });
    t.press('ArrowUp');
    expect(t.store.getState().speed).toBe(2);
    t.press('ArrowDown');
    t.press('ArrowDown');
    expect(t.store.getState().speed).toBe(0.5);
  });

  it('lists every shortcut once, grouped for the help panel', () => {
    const t = setup();
    const groups = groupShortcuts(t.shortcuts);
    expect(groups.map((g) => g.group)).toEqual(['Workspaces', 'View', 'Playback', 'General']);
    expect(groups.flatMap((g) => g.items)).toHaveLength(t.shortcuts.length);
    const keys = t.shortcuts.flatMap((s) => s.keys.map((k) => k.toLowerCase()));
    expect(new Set(keys).size).toBe(keys.length);
    expect(findShortcut(t.shortcuts, 'x')).toBeUndefined();
  });
});
