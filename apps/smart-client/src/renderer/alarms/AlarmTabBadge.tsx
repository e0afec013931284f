/** The count of New alarms on the Alarms tab: listAlarms?state=new&limit=0, refetched on every alarm push. */
import { useQuery } from '@tanstack/react-query';
import { alarmCountQuery } from '@nightjar/ui';
import { useSite } from '../session/siteContext';

const NEW_ALARMS = { state: ['new' as const] };

export function AlarmTabBadge() {
  const { client } = useSite();
  const count = useQuery(alarmCountQuery(client, NEW_ALARMS)).data ?? 0;
  if (count === 0) return null;
  return (
    <span className="tab-badge" data-testid="alarm-badge" data-count={count} aria-label={`${count} new`}>
      {count > 99 ? '99+' : count}
    </span>
  );
}
