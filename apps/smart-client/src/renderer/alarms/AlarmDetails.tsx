/**
 * One alarm opened: what it is and how urgent, the state buttons the site allows from here,
 * its cameras played back from just before it, what to do, who has it, and the comments and
 * history. Drawn from the list's row at once, then from getAlarm (which the updates socket
 * keeps current when anyone changes it).
 */
import { useQuery } from '@tanstack/react-query';
import type { AlarmBody } from '@nightjar/ui';
import { ErrorNote, alarmQuery, useNow } from '@nightjar/ui';
import { formatDateTime } from '../playback/timeFormat';
import { useSite } from '../session/siteContext';
import { AlarmAssignee } from './AlarmAssignee';
import { AlarmComments } from './AlarmComments';
import { AlarmHistory } from './AlarmHistory';
import { AlarmAge } from './AlarmAge';
import { STATE_LABEL, priorityLabel, repeatsLabel, sourceLabel } from './alarmLabels';
import { stateActions } from './alarmStates';
import { AlarmVideo } from './AlarmVideo';
import { useAlarmUpdate } from './useAlarmActions';

export interface AlarmDetailsProps {
  alarmId: number;
  /** The list's row, shown until the details arrive. */
  summary: AlarmBody | undefined;
}

export function AlarmDetails({ alarmId, summary }: AlarmDetailsProps) {
  const { client } = useSite();
  const details = useQuery(alarmQuery(client, alarmId));
  const update = useAlarmUpdate(alarmId);
  // History prints times of day: the date appears once a day has passed.
  const now = useNow(60_000);
  const alarm = details.data ?? summary;
  if (!alarm) {
    return details.error ? <div className="al-placeholder"><ErrorNote error={details.error} /></div> : <div className="al-placeholder"><span className="spinner" aria-hidden /></div>;
  }
  const raised = Date.parse(alarm.raisedAt);
  const repeats = repeatsLabel(alarm.repeats);

  return (
    <article className="al-details" data-testid="alarm-details" data-alarm-id={alarm.id} data-state={alarm.state} aria-label={`Alarm ${alarm.definitionName}`}>
      <header className="al-details-head">
        <span className="al-priority al-priority-lg" data-priority={alarm.priority} title={`Priority ${priorityLabel(alarm.priority)}`}>{alarm.priority}</span>
        <div className="al-details-title">
          <h2>{alarm.definitionName}</h2>
          <div className="al-details-sub">#{alarm.id} · {formatDateTime(raised)} · <AlarmAge raisedAtMs={raised} />{repeats ? ` · ${repeats}` : ''}</div>
        </div>
        <span className="al-state al-state-lg" data-state={alarm.state} data-testid="alarm-state">{STATE_LABEL[alarm.state]}</span>
      </header>
      <div className="al-actions" role="group" aria-label="Set the alarm's state">
        {stateActions(alarm.state).map((a) => (
          <button key={a.to} type="button" className={`btn btn-sm${a.to === 'closed' ? ' al-close-btn' : ''}`} data-to={a.to}
            disabled={!a.enabled || update.isPending} onClick={() => update.mutate({ state: a.to })}>
            {a.label}
          </button>
        ))}
      </div>
      <ErrorNote error={update.error} />
      <AlarmVideo alarm={alarm} />
      <dl className="al-facts">
        <dt>Source</dt><dd>{sourceLabel(alarm.source)}</dd>
        <dt>Priority</dt><dd>{priorityLabel(alarm.priority)}</dd>
        <dt>Category</dt><dd>{alarm.category || '—'}</dd>
        <dt>Event</dt><dd>{alarm.event.message || alarm.event.type}</dd>
        <dt>Assignee</dt><dd>{details.data ? <AlarmAssignee alarm={details.data} /> : (alarm.assigneeName ?? '—')}</dd>
        {alarm.closedAt ? <><dt>Closed</dt><dd>{formatDateTime(Date.parse(alarm.closedAt))}</dd></> : null}
      </dl>
      <section className="al-section">
        <h3>Instructions</h3>
        {alarm.instructions ? <p className="al-instructions" data-testid="alarm-instructions">{alarm.instructions}</p> : <p className="muted">None given.</p>}
      </section>
      {details.data ? (
        <div className="al-columns">
          <AlarmComments alarm={details.data} />
          <AlarmHistory history={details.data.history} nowMs={now} />
        </div>
      ) : <ErrorNote error={details.error} />}
    </article>
  );
}
