/** Every change to the alarm, oldest first: when, who (or the site itself), what. */
import type { AlarmDetailsBody } from '@nightjar/ui';
import { formatInstant } from '../playback/timeFormat';
import { historyText } from './alarmLabels';

export function AlarmHistory({ history, nowMs }: { history: AlarmDetailsBody['history']; nowMs: number }) {
  return (
    <section className="al-section" aria-label="History" data-testid="alarm-history">
      <h3>History</h3>
      <ol className="al-history">
        {history.map((h) => (
          <li key={h.id} className="al-history-row" data-action={h.action}>
            <span className="al-history-time">{formatInstant(Date.parse(h.at), nowMs)}</span>
            <span className="al-history-who">{h.username ?? 'Site'}</span>
            <span className="al-history-text">{historyText(h)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
