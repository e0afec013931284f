/**
 * The Alarm Manager's changes to alarms: one alarm's state, assignee and comments, and the bulk
 * acknowledge and close. Each answer goes straight into the cache (the details the site sent
 * back, the lists refetched), so the operator's own change shows at once even when the updates
 * socket is away; other operators see it through the site's push.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '@nightjar/ui';
import type { AlarmDetailsBody, BulkAlarmAction, UpdateAlarmBody } from '@nightjar/ui';
import { useSite } from '../session/siteContext';
import { useShellNotify } from '../investigation/useShellNotify';
import { bulkDoneText } from './alarmStates';

function useRefreshLists() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.alarmLists() });
    void queryClient.invalidateQueries({ queryKey: queryKeys.alarmCounts() });
  };
}

/** Changes one alarm; `error` is the site's refusal (a state someone else changed first, an assignee not shown it). */
export function useAlarmUpdate(alarmId: number) {
  const { client } = useSite();
  const queryClient = useQueryClient();
  const refreshLists = useRefreshLists();
  return useMutation({
    mutationFn: (change: UpdateAlarmBody) => client.updateAlarm(alarmId, change),
    onSuccess: (details: AlarmDetailsBody) => {
      queryClient.setQueryData(queryKeys.alarm(alarmId), details);
      refreshLists();
    },
  });
}

/** Acknowledges (In progress) or closes the selected alarms, all or none. */
export function useBulkAlarmUpdate(onDone: () => void) {
  const { client } = useSite();
  const queryClient = useQueryClient();
  const notify = useShellNotify();
  const refreshLists = useRefreshLists();
  return useMutation({
    mutationFn: ({ alarmIds, action }: { alarmIds: readonly number[]; action: BulkAlarmAction; changing: number }) => client.bulkUpdateAlarms(alarmIds, action),
    onSuccess: (alarms, { action, changing }) => {
      for (const a of alarms) void queryClient.invalidateQueries({ queryKey: queryKeys.alarm(a.id), exact: true });
      refreshLists();
      notify(bulkDoneText(action, changing), 'success');
      onDone();
    },
    onError: (e) => notify(`The site refused: ${e instanceof Error ? e.message : String(e)}`, 'error'),
  });
}
