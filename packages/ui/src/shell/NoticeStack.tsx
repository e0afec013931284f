/** The notices of the window, bottom right; each leaves after its time or when dismissed. */
import { useEffect, useSyncExternalStore } from 'react';
import { Icon } from './Icon';
import type { NoticeList } from './notices';

const ICONS = { error: 'warning', success: 'check', info: 'live' } as const;

export function NoticeStack({ list }: { list: NoticeList }) {
  const notices = useSyncExternalStore(list.subscribe, () => list.notices);

  useEffect(() => {
    // Timers count from each notice's creation, so a new notice does not restart the others.
    const now = Date.now();
    const timers = notices.map((n) => setTimeout(() => list.dismiss(n.id), Math.max(0, n.createdAt + n.ttlMs - now)));
    return () => timers.forEach(clearTimeout);
  }, [list, notices]);

  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className="notice" data-kind={n.kind}>
          <Icon name={ICONS[n.kind]} size={14} />
          <span>{n.text}</span>
          <button type="button" className="icon-btn" onClick={() => list.dismiss(n.id)} aria-label="Dismiss">
            <Icon name="close" size={12} />
          </button>
        </div>
      ))}
    </div>
  );
}
