import { useEffect, useRef } from 'react';
import { dispatchKey } from './shortcutRegistry';
import type { Shortcut } from './shortcutRegistry';

/**
 * Listens for the window's key presses and runs the matching shortcut. The latest list is read
 * through a ref, so handlers always see current state without re-adding the listener.
 */
export function useShortcuts(shortcuts: readonly Shortcut[]): void {
  const current = useRef(shortcuts);
  useEffect(() => {
    current.current = shortcuts;
  }, [shortcuts]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      if (dispatchKey(current.current, e)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
