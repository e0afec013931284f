/**
 * Signs the window out after the profile's idle time without keyboard or pointer input, with a
 * notice a minute before (any input then keeps the session). Input is only noted when it
 * happens; one timer runs at a time, re-planned from the last input when it fires.
 */
import { useEffect } from 'react';
import { useSite } from '../session/siteContext';
import { useShell } from '../shell/shellContext';
import { idleStep } from './clientProfile';

const INPUT_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

export function useIdleSignOut(idleLogoutMinutes: number): void {
  const { signOut } = useSite();
  const { notify } = useShell();
  useEffect(() => {
    if (!(idleLogoutMinutes > 0)) return;
    let lastInput = Date.now();
    let warned = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const plan = () => {
      clearTimeout(timer);
      const step = idleStep(idleLogoutMinutes, lastInput, Date.now(), warned);
      if (step.kind === 'signOut') return signOut('idle');
      if (step.kind === 'off') return;
      timer = setTimeout(() => {
        if (step.next === 'warn') {
          const now = idleStep(idleLogoutMinutes, lastInput, Date.now(), false);
          // Input since the timer was set moved the deadline: nothing to say yet.
          if (now.kind === 'wait' && now.ms === 0) {
            warned = true;
            notify(`You will be signed out soon: your client profile signs out after ${idleLogoutMinutes} min without use. Move the mouse or press a key to stay.`);
          }
        }
        plan();
      }, step.ms);
    };
    const onInput = () => {
      lastInput = Date.now();
      warned = false;
    };
    for (const e of INPUT_EVENTS) window.addEventListener(e, onInput, { passive: true, capture: true });
    plan();
    return () => {
      clearTimeout(timer);
      for (const e of INPUT_EVENTS) window.removeEventListener(e, onInput, { capture: true });
    };
  }, [idleLogoutMinutes, signOut, notify]);
}
