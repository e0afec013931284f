/** What the selected alarms can do together: acknowledge (In progress) or close, all or none. */
import type { AlarmBody } from '@nightjar/ui';
import { Icon } from '@nightjar/ui';
import { bulkAvailability } from './alarmStates';
import { useBulkAlarmUpdate } from './useAlarmActions';

export interface AlarmBulkBarProps {
  selected: readonly AlarmBody[];
  onClear: () => void;
}

export function AlarmBulkBar({ selected, onClear }: AlarmBulkBarProps) {
  const bulk = useBulkAlarmUpdate(onClear);
  if (selected.length === 0) return null;
  const can = bulkAvailability(selected);
  const ids = selected.map((a) => a.id);
  return (
    <div className="al-bulk" role="toolbar" aria-label="Selected alarms" data-testid="alarm-bulk-bar">
      <span className="al-bulk-count">{selected.length} selected</span>
      <button type="button" className="btn btn-sm" disabled={can.acknowledge === 0 || bulk.isPending}
        title={can.acknowledgeBlockedBy ? `Cannot acknowledge: ${can.acknowledgeBlockedBy}` : 'Set the selected alarms In progress'}
        onClick={() => bulk.mutate({ alarmIds: ids, action: 'acknowledge', changing: can.acknowledge })}>
        <Icon name="check" size={13} /> Acknowledge{can.acknowledge > 0 ? ` (${can.acknowledge})` : ''}
      </button>
      <button type="button" className="btn btn-sm" disabled={can.close === 0 || bulk.isPending}
        onClick={() => bulk.mutate({ alarmIds: ids, action: 'close', changing: can.close })}>
        <Icon name="close" size={13} /> Close{can.close > 0 ? ` (${can.close})` : ''}
      </button>
      <button type="button" className="icon-btn" aria-label="Clear the selection" title="Clear the selection" onClick={onClear}>
        <Icon name="clear" size={14} />
      </button>
    </div>
  );
}
