/**
 * System dashboard → Current tasks: the site's long-running jobs with their progress (export
 * jobs of every user: administrators see all of them). The list follows the site by itself:
 * exportsQuery polls while a job is active and the updates socket pushes each job's progress.
 * A queued or running export can be cancelled, after a confirmation (it is someone's work).
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Dialog, ErrorNote, Icon, camerasQuery, exportsQuery, queryKeys, useNow } from '@nightjar/ui';
import type { Column } from '../components/DataTable';
import { DataTable } from '../components/DataTable';
import { PageHeader, PaneMessage } from '../components/PageLayout';
import type { PageProps } from '../navigation/pageProps';
import { useAdmin } from '../session/adminContext';
import { StatePill } from './StatePill';
import { taskRows } from './tasksModel';
import type { TaskRow } from './tasksModel';
import { UsageBar } from './UsageBar';
import './dashboard.css';

export function CurrentTasksPage(_: PageProps) {
  const { client, queryClient, notify } = useAdmin();
  const jobs = useQuery(exportsQuery(client));
  const cameras = useQuery(camerasQuery(client));
  const [activeOnly, setActiveOnly] = useState(false);
  const [confirming, setConfirming] = useState<TaskRow | null>(null);
  const anyActive = jobs.data?.some((j) => j.state === 'queued' || j.state === 'running') ?? false;
  const now = useNow(1000, anyActive);
  const cancel = useMutation({
    mutationFn: (jobId: string) => client.cancelExport(jobId),
    onSuccess: () => {
      setConfirming(null);
      notify('Export cancelled.', 'success');
      void queryClient.invalidateQueries({ queryKey: queryKeys.exports() });
    },
  });

  const names = new Map((cameras.data ?? []).map((c) => [c.id, c.name]));
  const rows = jobs.data ? taskRows(jobs.data, (id) => names.get(id) ?? 'Camera not available', now, activeOnly) : [];
  const running = rows.filter((r) => r.active).length;

  const columns: Column<TaskRow>[] = [
    { id: 'task', header: 'Task', cell: (r) => <span title={r.detail}><b>{r.title}</b> <span className="muted">{r.detail}</span></span> },
    { id: 'state', header: 'State', cell: (r) => <StatePill state={r.state} /> },
    { id: 'progress', header: 'Progress', width: 200, cell: (r) => <span className="task-progress"><UsageBar kind="progress" percent={r.percent} label={`${r.title} progress`} /></span> },
    { id: 'started', header: 'Started', cell: (r) => new Date(r.startedAt).toLocaleString() },
    { id: 'duration', header: 'Duration', numeric: true, cell: (r) => r.duration },
    { id: 'result', header: 'Result', cell: (r) => <span title={r.result}>{r.result}</span> },
    {
      id: 'actions', header: '', width: 90,
      cell: (r) => (r.active ? <button type="button" className="btn btn-sm" onClick={() => { cancel.reset(); setConfirming(r); }} aria-label={`Cancel ${r.title}`}>Cancel</button> : null),
    },
  ];

  return (
    <div className="page tasks-page">
      <PageHeader title="Current tasks" icon="list"
        detail={jobs.data ? (running === 0 ? 'Nothing running' : `${running} running or queued`) : 'Jobs the site is working on'}
        actions={<label className="checkbox"><input type="checkbox" checked={activeOnly} onChange={(e) => setActiveOnly(e.target.checked)} /> Running only</label>} />
      {jobs.isPending ? <PaneMessage kind="loading">Reading the jobs…</PaneMessage>
        : jobs.isError ? <PaneMessage kind="error">{jobs.error.message}</PaneMessage>
          : <DataTable label="Tasks" columns={columns} rows={rows} rowKey={(r) => r.id}
              empty={activeOnly ? 'Nothing is running.' : 'No jobs yet. Exports started in the Smart Client appear here with their progress.'} />}
      {confirming ? (
        <Dialog title="Cancel export" icon="warning" width={420} onClose={() => setConfirming(null)}
          footer={(
            <>
              <button type="button" className="btn" data-autofocus onClick={() => setConfirming(null)}>Keep running</button>
              <button type="button" className="btn btn-danger" disabled={cancel.isPending} onClick={() => cancel.mutate(confirming.id)}>
                <Icon name="stop" size={12} /> {cancel.isPending ? 'Cancelling…' : 'Cancel export'}
              </button>
            </>
          )}>
          <p>Cancel <b>{confirming.title}</b> of {confirming.detail}? What it has written so far is removed; whoever started it has to start it again.</p>
          <ErrorNote error={cancel.error} />
        </Dialog>
      ) : null}
    </div>
  );
}
