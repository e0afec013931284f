/** How long ago an alarm was raised, ticking by itself so the pane around it does not re-render each second. */
import { useNow } from '@nightjar/ui';
import { ageLabel } from './alarmLabels';

export function AlarmAge({ raisedAtMs }: { raisedAtMs: number }) {
  const now = useNow(1000);
  return <span className="al-age">{ageLabel(raisedAtMs, now)}</span>;
}
