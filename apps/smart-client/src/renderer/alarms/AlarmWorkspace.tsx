/**
 * The Alarm Manager: the live list of the alarms shown to this operator (new ones arrive through
 * the updates socket without a reload), filtered and sorted by the site, with multi-select for
 * bulk acknowledge and close; and the opened alarm's details, video, comments and history.
 */
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { alarmsQuery, useNow } from '@nightjar/ui';
import { useSite } from '../session/siteContext';
import { AlarmBulkBar } from './AlarmBulkBar';
import { AlarmDetails } from './AlarmDetails';
import { alarmFilter, DEFAULT_LIST_VIEW, isDefaultView } from './alarmFilterModel';
import type { AlarmListView } from './alarmFilterModel';
import { AlarmList } from './AlarmList';
import { alarmRows, withArrival, withoutArrival } from './alarmListModel';
import { NO_SELECTION, clickSelect, pruneSelection, toggleAll } from './alarmSelection';
import type { AlarmSelection, ClickModifiers } from './alarmSelection';
import { AlarmToolbar } from './AlarmToolbar';

export function AlarmWorkspace() {
  const { client, updates } = useSite();
  const [view, setView] = useState<AlarmListView>(DEFAULT_LIST_VIEW);
  const minute = useNow(60_000);
  const filter = useMemo(() => alarmFilter(view, minute), [view, minute]);
  const list = useInfiniteQuery({ ...alarmsQuery(client, filter), placeholderData: keepPreviousData });
  const rows = useMemo(() => alarmRows(list.data?.pages), [list.data]);
  const order = useMemo(() => rows.map((a) => a.id), [rows]);
  const [selection, setSelection] = useState<AlarmSelection>(NO_SELECTION);
  const [opened, setOpened] = useState<number | null>(null);

  // Alarms raised while the list is on screen stay marked until opened.
  const [arrived, setArrived] = useState<ReadonlySet<number>>(() => new Set());
  useEffect(() => {
    const subscription = updates.onDidReceive((u) => setArrived((a) => withArrival(a, u)));
    return () => subscription.dispose();
  }, [updates]);

  useEffect(() => setSelection((s) => pruneSelection(s, order)), [order]);

  const open = (id: number) => {
    setOpened(id);
    setArrived((a) => withoutArrival(a, id));
  };
  const onRowClick = (id: number, mods: ClickModifiers) => {
    setSelection((s) => clickSelect(s, id, order, mods));
    if (!mods.range && !mods.toggle) open(id);
  };
  const selected = rows.filter((a) => selection.ids.includes(a.id));
  const total = list.data?.pages[0]?.total;

  return (
    <div className="al-workspace" data-testid="alarm-workspace">
      <section className="al-list-pane" aria-label="Alarm list">
        <AlarmToolbar view={view} onChange={setView} total={total} loading={list.isFetching} />
        <AlarmBulkBar selected={selected} onClear={() => setSelection(NO_SELECTION)} />
        <AlarmList
          rows={rows}
          selection={selection}
          opened={opened}
          arrived={arrived}
          narrowed={!isDefaultView(view)}
          loading={list.isPending}
          error={list.error}
          hasMore={list.hasNextPage}
          loadingMore={list.isFetchingNextPage}
          onMore={() => void list.fetchNextPage()}
          onRowClick={onRowClick}
          onToggleAll={() => setSelection((s) => toggleAll(s, order))}
          onOpenAdjacent={(step) => {
            const at = opened === null ? -1 : order.indexOf(opened);
            const id = order[Math.max(0, Math.min(order.length - 1, at + step))];
            if (id !== undefined) onRowClick(id, {});
          }}
        />
      </section>
      <section className="al-details-pane" aria-label="Alarm details">
        {opened !== null ? (
          <AlarmDetails key={opened} alarmId={opened} summary={rows.find((a) => a.id === opened)} />
        ) : (
          <div className="al-placeholder">
            <p>Open an alarm to see what to do, its cameras from just before it was raised, and its history.</p>
          </div>
        )}
      </section>
    </div>
  );
}
