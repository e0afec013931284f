/**
 * "Trigger event" in the top bar: the user-defined events the site offers (a panic button, "door
 * opened by hand"), each raised with one click; rules and alarm definitions on it act at once.
 * The list is read when the menu opens, so an event an administrator just added is there.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { ApiError, Icon, userDefinedEventsQuery } from '@nightjar/ui';
import type { UserDefinedEventBody } from '@nightjar/ui';
import { useShellNotify } from '../investigation/useShellNotify';
import { useSite } from '../session/siteContext';
import { useMenuDismiss } from '../shell/useMenuDismiss';

export function TriggerEventMenu() {
  const { client } = useSite();
  const notify = useShellNotify();
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const events = useQuery({ ...userDefinedEventsQuery(client), enabled: open });
  const trigger = useMutation({
    mutationFn: (e: UserDefinedEventBody) => client.triggerUserDefinedEvent(e.id),
    onSuccess: (_r, e) => notify(`Event “${e.name}” triggered`, 'success'),
    onError: (err, e) => notify(`“${e.name}” was not triggered: ${err instanceof Error ? err.message : String(err)}`, 'error'),
  });

  useMenuDismiss(open, () => setOpen(false), box);

  const refused = events.error instanceof ApiError && events.error.status === 403;
  return (
    <div className="menu-anchor" ref={box}>
      <button type="button" className="topbar-btn" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)} title="Trigger a user-defined event">
        <Icon name="bolt" size={15} />
        <span>Trigger event</span>
      </button>
      {open ? (
        <div className="menu al-trigger-menu" role="menu" aria-label="User-defined events">
          <div className="menu-header">
            <div className="menu-title">Trigger event</div>
            <div className="muted">Rules and alarms on the event act at once.</div>
          </div>
          {events.isPending ? <div className="al-menu-note"><span className="spinner spinner-sm" aria-hidden /> Loading…</div> : null}
          {refused ? <div className="al-menu-note">Your roles may not trigger events.</div> : null}
          {events.error && !refused ? <div className="al-menu-note al-menu-error">{events.error instanceof Error ? events.error.message : String(events.error)}</div> : null}
          {events.data?.length === 0 ? <div className="al-menu-note">This site has no user-defined events.</div> : null}
          {events.data?.map((e) => (
            <button key={e.id} type="button" role="menuitem" className="menu-item al-trigger-item" disabled={trigger.isPending}
              onClick={() => {
                setOpen(false);
                trigger.mutate(e);
              }}>
              <Icon name="bolt" size={14} />
              <span className="al-trigger-text">
                <span className="al-trigger-name">{e.name}</span>
                {e.description ? <span className="al-trigger-desc">{e.description}</span> : null}
              </span>
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
