/**
 * Who has the alarm. Anyone shown an alarm may take it ("Assign to me") or give it back; an
 * operator who may manage users picks from the site's users (the site refuses one not shown the
 * alarm, and says so). A closed alarm keeps its assignee.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AlarmDetailsBody } from '@nightjar/ui';
import { ErrorNote, currentUserQuery, queryKeys } from '@nightjar/ui';
import type { SiteClient } from '@nightjar/ui';
import { useSite } from '../session/siteContext';
import { useAlarmUpdate } from './useAlarmActions';

interface UserName {
  id: string;
  username: string;
}

/** listUsers answers only users who may manage users; under the users resource, so user changes refetch it. */
function usersQuery(client: SiteClient) {
  return queryOptions({
    queryKey: [...queryKeys.configuration('users'), 'names'],
    queryFn: async ({ signal }): Promise<UserName[]> =>
      (await client.request<UserName[]>('/api/users', { signal })).map(({ id, username }) => ({ id, username })),
    staleTime: 60_000,
  });
}

export function AlarmAssignee({ alarm }: { alarm: AlarmDetailsBody }) {
  const { client, user } = useSite();
  const me = useQuery(currentUserQuery(client));
  const users = useQuery({ ...usersQuery(client), enabled: me.data?.manageUsers === true });
  const update = useAlarmUpdate(alarm.id);
  const closed = alarm.state === 'closed';
  const others = (users.data ?? []).filter((u) => u.id !== user.id).sort((a, b) => a.username.localeCompare(b.username));
  const listed = alarm.assigneeId === undefined || alarm.assigneeId === user.id || others.some((u) => u.id === alarm.assigneeId);

  return (
    <div className="al-assignee">
      <select className="input al-select" aria-label="Assignee" value={alarm.assigneeId ?? ''} disabled={closed || update.isPending}
        onChange={(e) => update.mutate({ assigneeId: e.target.value || null })}>
        <option value="">Unassigned</option>
        <option value={user.id}>Me ({user.username})</option>
        {listed ? null : <option value={alarm.assigneeId}>{alarm.assigneeName ?? alarm.assigneeId}</option>}
        {others.map((u) => <option key={u.id} value={u.id}>{u.username}</option>)}
      </select>
      {!closed && alarm.assigneeId !== user.id ? (
        <button type="button" className="btn btn-sm" disabled={update.isPending} onClick={() => update.mutate({ assigneeId: user.id })}>Assign to me</button>
      ) : null}
      <ErrorNote error={update.error} />
    </div>
  );
}
