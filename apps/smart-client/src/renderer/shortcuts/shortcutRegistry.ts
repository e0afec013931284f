/**
 * Keyboard shortcuts as data: the key, what the help panel says, and what runs. One list feeds
 * both the key handler and the help panel, so a shortcut cannot exist without being listed.
 * Pure (no DOM access beyond the event's fields) so dispatch is tested without a browser.
 */

export type ShortcutGroup = 'Workspaces' | 'View' | 'Playback' | 'General';

export interface Shortcut {
  id: string;
  /** KeyboardEvent.key values; letters match either case. */
  keys: readonly string[];
  /** How the help panel shows the key, e.g. "1 – 9" or "Space". */
  label: string;
  description: string;
  group: ShortcutGroup;
  /**
   * Runs the action for the key pressed. Returns false when it does not apply right now (Space
   * in live view), so the key keeps its normal meaning (scrolling, a focused button).
   */
  run: (key: string) => boolean | void;
}

/** The parts of a KeyboardEvent dispatch looks at. */
export interface KeyLike {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  repeat?: boolean;
  target?: unknown;
}

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'password', 'email', 'url', 'tel', 'number', 'date', 'datetime-local', 'time', 'month', 'week']);

/** Keys typed into a field belong to the field: search boxes, view names, dialogs. */
export function isTypingTarget(target: unknown): boolean {
  if (typeof target !== 'object' || target === null) return false;
  const t = target as { tagName?: unknown; isContentEditable?: unknown; type?: unknown };
  if (t.isContentEditable === true) return true;
  const tag = typeof t.tagName === 'string' ? t.tagName.toUpperCase() : '';
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return TEXT_INPUT_TYPES.has(typeof t.type === 'string' ? t.type.toLowerCase() : 'text');
  return false;
}

const normal = (key: string) => (key.length === 1 ? key.toLowerCase() : key);

export function findShortcut(shortcuts: readonly Shortcut[], key: string): Shortcut | undefined {
  const k = normal(key);
  return shortcuts.find((s) => s.keys.some((x) => normal(x) === k));
}

/**
 * Runs the shortcut for a key press. Returns true when one ran (the caller then prevents the
 * browser default). Chords with Ctrl, Cmd or Alt are left to the browser and the OS: copy,
 * reload and window switching must keep working.
 */
export function dispatchKey(shortcuts: readonly Shortcut[], event: KeyLike): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey) return false;
  if (isTypingTarget(event.target)) return false;
  const shortcut = findShortcut(shortcuts, event.key);
  if (!shortcut) return false;
  return shortcut.run(event.key) !== false;
}

/** Shortcuts by group, in the order the help panel lists them. */
export function groupShortcuts(shortcuts: readonly Shortcut[]): { group: ShortcutGroup; items: Shortcut[] }[] {
  const order: ShortcutGroup[] = ['Workspaces', 'View', 'Playback', 'General'];
  return order
    .map((group) => ({ group, items: shortcuts.filter((s) => s.group === group) }))
    .filter((g) => g.items.length > 0);
}
