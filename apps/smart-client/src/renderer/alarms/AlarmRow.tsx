/** One alarm in the list: its priority and state as colour and word, age, name, source, assignee. */
import { useEffect, useRef } from 'react';
import type { MouseEvent } from 'react';
import type { AlarmBody } from '@nightjar/ui';
import { formatInstant } from '../playback/timeFormat';
import { STATE_LABEL, ageLabel, priorityLabel, repeatsLabel, sourceLabel } from './alarmLabels';
import type { ClickModifiers } from './alarmSelection';

export interface AlarmRowProps {
  alarm: AlarmBody;
  nowMs: number;
  selected: boolean;
  opened: boolean;
  /** Arrived while the list was on screen, not opened yet. */
  arrived: boolean;
  onClick: (mods: ClickModifiers) => void;
}

const modifiers = (e: MouseEvent): ClickModifiers => ({ range: e.shiftKey, toggle: e.ctrlKey || e.metaKey });

export function AlarmRow({ alarm, nowMs, selected, opened, arrived, onClick }: AlarmRowProps) {
  const raised = Date.parse(alarm.raisedAt);
  const repeats = repeatsLabel(alarm.repeats);
  const row = useRef<HTMLTableRowElement>(null);
  useEffect(() => {
    // ↑/↓ open the next row: the focus follows it, so the keys keep working from there.
    if (opened && row.current?.parentElement?.contains(document.activeElement)) row.current.focus();
  }, [opened]);
  return (
    <tr
      ref={row}
      className="al-row"
      data-testid="alarm-row"
      data-alarm-id={alarm.id}
      data-state={alarm.state}
      data-priority={alarm.priority}
      data-arrived={arrived ? 'true' : 'false'}
      aria-selected={selected}
      data-opened={opened ? 'true' : 'false'}
      tabIndex={opened ? 0 : -1}
      onClick={(e) => {
        // Shift-click would also select the page's text.
        if (e.shiftKey) window.getSelection()?.removeAllRanges();
        onClick(modifiers(e));
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onClick({});
        }
      }}
    >
      <td className="al-col-check" onClick={(e) => e.stopPropagation()}>
        <input type="checkbox" aria-label={`Select alarm ${alarm.definitionName} ${alarm.id}`} checked={selected}
          onChange={() => onClick({ toggle: true })} />
      </td>
      <td className="al-col-priority">
        <span className="al-priority" data-priority={alarm.priority} title={`Priority ${priorityLabel(alarm.priority)}`}>{alarm.priority}</span>
      </td>
      <td className="al-col-state"><span className="al-state" data-state={alarm.state}>{STATE_LABEL[alarm.state]}</span></td>
      <td className="al-col-time" title={ageLabel(raised, nowMs)}>{formatInstant(raised, nowMs)}</td>
      <td className="al-col-name">
        <span className="al-name">{alarm.definitionName}</span>
        {alarm.category ? <span className="al-category">{alarm.category}</span> : null}
        {repeats ? <span className="al-repeats">{repeats}</span> : null}
      </td>
      <td className="al-col-source">{sourceLabel(alarm.source)}</td>
      <td className="al-col-assignee">{alarm.assigneeName ?? (alarm.assigneeId ? '—' : '')}</td>
    </tr>
  );
}
