/**
 * Server logs → Audit log: who did what to which object, when and from where, and what changed
 * (old → new values). Targets are named from the entry itself or from the lists this user may
 * read; ids otherwise.
 */
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { camerasQuery, currentUserQuery } from '@nightjar/ui';
import type { Column } from '../components/DataTable';
import { PageHeader } from '../components/PageLayout';
import type { PageProps } from '../navigation/pageProps';
import { genericEventSourcesQuery, genericEventsQuery, userDefinedEventsQuery } from '../rules/eventDefinitionsApi';
import { rulesQuery, timeProfilesQuery } from '../rules/rulesApi';
import { rolesQuery, usersQuery } from '../security/securityApi';
import { storagesConfigQuery } from '../servers/serversApi';
import { useAdmin } from '../session/adminContext';
import { AuditEntryDetail } from './AuditEntryDetail';
import { AUDIT_ACTION_GROUPS, actionLabel, auditChanges, formatValue, otherActions, targetName } from './auditDetails';
import type { TargetKind } from './auditDetails';
import { LogTable } from './LogTable';
import { LogToolbar } from './LogToolbar';
import { DEFAULT_RANGE, formatLogTime, rangeProblem } from './logQuery';
import { LOG_REFRESH_MS, auditLogQuery } from './logsApi';
import type { AuditEntryBody, AuditLogFilter } from './logsApi';
import './logs.css';

const idOf = (e: AuditEntryBody) => e.id;
const toneOf = (e: AuditEntryBody) => (e.outcome === 'failed' ? 'error' : undefined);

function ChangeSummary({ entry }: { entry: AuditEntryBody }) {
  const rows = auditChanges(entry);
  if (rows.length === 0) return null;
  const first = rows[0]!;
  return (
    <span className="change-summary">
      <b>{first.field}</b>{' '}
      {first.from !== undefined && first.to !== undefined ? `${formatValue(first.from, 40)} → ${formatValue(first.to, 40)}` : formatValue(first.to ?? first.from, 60)}
      {rows.length > 1 ? ` (+${rows.length - 1} more)` : ''}
    </span>
  );
}

export function AuditLogPage(_: PageProps) {
  const { client } = useAdmin();
  const [filter, setFilter] = useState<AuditLogFilter>({ range: DEFAULT_RANGE, text: '', action: '', userId: '' });
  const [autoRefresh, setAutoRefresh] = useState(true);
  const query = useInfiniteQuery({
    ...auditLogQuery(client, filter),
    enabled: !rangeProblem(filter.range),
    refetchInterval: autoRefresh ? LOG_REFRESH_MS : false,
  });
  const onText = useCallback((text: string) => setFilter((f) => ({ ...f, text })), []);

  // Names of targets: the lists this user may read (the audit log needs manage users; the rest manage configuration).
  const me = useQuery(currentUserQuery(client));
  const config = me.data?.manageConfiguration === true;
  const users = useQuery(usersQuery(client));
  const roles = useQuery(rolesQuery(client));
  const cameras = useQuery({ ...camerasQuery(client), enabled: config });
  const rules = useQuery({ ...rulesQuery(client), enabled: config });
  const profiles = useQuery(timeProfilesQuery(client));
  const userDefined = useQuery({ ...userDefinedEventsQuery(client), enabled: config });
  const generic = useQuery({ ...genericEventsQuery(client), enabled: config });
  const sources = useQuery({ ...genericEventSourcesQuery(client), enabled: config });
  // Names only: the storage pages poll for live use, this page needs no such refresh.
  const storages = useQuery({ ...storagesConfigQuery(client), enabled: config, refetchInterval: false });
  const lookup = useMemo(() => {
    const byKind: Record<TargetKind, readonly { id: string; name?: string; username?: string }[] | undefined> = {
      user: users.data, role: roles.data, camera: cameras.data, rule: rules.data, timeProfile: profiles.data,
      userDefinedEvent: userDefined.data, genericEvent: generic.data, genericEventSource: sources.data, storage: storages.data,
    };
    return (kind: TargetKind, id: string) => {
      const found = byKind[kind]?.find((x) => x.id === id);
      return found?.name ?? found?.username;
    };
  }, [users.data, roles.data, cameras.data, rules.data, profiles.data, userDefined.data, generic.data, sources.data, storages.data]);

  const columns: readonly Column<AuditEntryBody>[] = useMemo(() => [
    { id: 'at', header: 'Time', width: 150, cell: (e) => formatLogTime(e.at) },
    { id: 'user', header: 'User', width: 120, cell: (e) => e.username ?? <span className="muted">site</span> },
    { id: 'action', header: 'Action', width: 170, cell: (e) => actionLabel(e.action) },
    { id: 'target', header: 'Target', width: 170, cell: (e) => targetName(e, lookup) },
    { id: 'outcome', header: 'Outcome', width: 76, cell: (e) => <span className="state-pill" data-tone={e.outcome === 'ok' ? 'ok' : 'error'}>{e.outcome}</span> },
    { id: 'changes', header: 'Changes', cell: (e) => <ChangeSummary entry={e} /> },
    { id: 'address', header: 'Address', width: 110, cell: (e) => e.source ?? '' },
  ], [lookup]);
  const other = otherActions([...(query.data?.pages ?? []).flat().map((e) => e.action), ...(filter.action ? [filter.action] : [])]);

  return (
    <div className="page log-page">
      <PageHeader title="Audit log" icon="list" detail="Sign-ins, and every change to configuration, users and rights, with the old and new values." />
      <LogToolbar range={filter.range} onRange={(range) => setFilter({ ...filter, range })} text={filter.text} onText={onText}
        autoRefresh={autoRefresh} onAutoRefresh={setAutoRefresh} onRefresh={() => void query.refetch()} refreshing={query.isRefetching}>
        <label className="log-filter">
          <span>User</span>
          <select className="input" value={filter.userId} onChange={(e) => setFilter({ ...filter, userId: e.target.value })}>
            <option value="">Anyone</option>
            {(users.data ?? []).map((u) => <option key={u.id} value={u.id}>{u.username}</option>)}
          </select>
        </label>
        <label className="log-filter">
          <span>Action</span>
          <select className="input" value={filter.action} onChange={(e) => setFilter({ ...filter, action: e.target.value })}>
            <option value="">Any action</option>
            {AUDIT_ACTION_GROUPS.map((g) => (
              <optgroup key={g.label} label={g.label}>
                {g.actions.map((a) => <option key={a} value={a}>{actionLabel(a)}</option>)}
              </optgroup>
            ))}
            {other.length > 0 ? <optgroup label="Other">{other.map((a) => <option key={a} value={a}>{actionLabel(a)}</option>)}</optgroup> : null}
          </select>
        </label>
      </LogToolbar>
      <LogTable label="Audit log" query={query} columns={columns} rowKey={idOf} tone={toneOf} empty="Nothing was done in this range."
        detail={(e) => <AuditEntryDetail entry={e} target={targetName(e, lookup)} />} />
    </div>
  );
}
