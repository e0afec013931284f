/**
 * Export jobs with their progress: cancel while queued or running; when done, download (browser)
 * or save to a folder and show it there (desktop app). The list polls while any job is active
 * (exportsQuery); what became of each save comes from the session's ExportSaves.
 */
import { useState, useSyncExternalStore } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { camerasQuery, exportsQuery, isExportJobActive, queryKeys } from '@nightjar/ui';
import type { ExportJobBody } from '@nightjar/ui';
import { desktopApi } from '../../common/desktopApi';
import { formatBytes, formatDuration, formatInstant } from '../playback/timeFormat';
import { Icon } from '@nightjar/ui';
import { useSite } from '../session/siteContext';
import { ErrorNote } from '@nightjar/ui';
import { exportSavesOf } from './exportSaves';
import type { SaveState } from './exportSaves';
import { saveJob } from './useExportSaving';

const STATE_LABEL: Record<string, string> = { queued: 'Queued', running: 'Exporting', done: 'Done', failed: 'Failed', cancelled: 'Cancelled' };

export function ExportJobsList({ highlight, limit }: { highlight?: string | undefined; limit?: number | undefined }) {
  const { client, queryClient } = useSite();
  const jobs = useQuery(exportsQuery(client));
  const names = useQuery({ ...camerasQuery(client), select: (cs) => new Map(cs.map((c) => [c.id, c.name])) });
  const saves = exportSavesOf(queryClient);
  const entries = useSyncExternalStore(saves.subscribe, saves.getSnapshot);
  if (jobs.isPending) return <div className="muted inv-empty">Loading jobs…</div>;
  if (jobs.isError) return <ErrorNote error={jobs.error} />;
  const list = [...jobs.data].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt)).slice(0, limit);
  if (list.length === 0) return <div className="muted inv-empty">No exports yet.</div>;
  return (
    <ul className="inv-jobs" data-testid="export-jobs">
      {list.map((job) => (
        <ExportJobRow key={job.id} job={job} names={names.data} save={entries[job.id]} highlighted={job.id === highlight} />
      ))}
    </ul>
  );
}

function ExportJobRow({ job, names, save, highlighted }: { job: ExportJobBody; names: Map<string, string> | undefined; save: SaveState | undefined; highlighted: boolean }) {
  const { client } = useSite();
  const queryClient = useQueryClient();
  const desktop = desktopApi();
  const [saved, setSaved] = useState<string[] | null>(null);
  const active = isExportJobActive(job);
  const cancel = useMutation({
    mutationFn: () => client.cancelExport(job.id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.exports() }),
  });
  // Download links carry a short-lived media token: fetch the job again for fresh ones.
  const fetchSave = useMutation({
    mutationFn: async () => {
      const fresh = await client.getExportJob(job.id);
      if (desktop) {
        const folder = (await desktop.chooseExportFolder({})).path;
        if (!folder) return null;
        return saveJob(client, fresh, { kind: 'folder', path: folder });
      }
      return saveJob(client, fresh, { kind: 'download' });
    },
    onSuccess: (paths) => paths && setSaved(paths),
  });
  const cameraNames = job.cameraIds.map((id) => names?.get(id) ?? id);
  const from = Date.parse(job.from);
  const to = Date.parse(job.to);
  const savedPaths = saved ?? (save?.kind === 'saved' ? save.paths : null);
  const folderPath = savedPaths && desktop && (saved !== null || save?.destination.kind === 'folder') ? savedPaths[0] : undefined;

  return (
    <li className="inv-job" data-state={job.state} data-highlight={highlighted ? 'true' : 'false'} data-testid="export-job">
      <div className="inv-job-main">
        <div className="inv-job-title">
          <span className="inv-badge">{job.format.toUpperCase()}</span>
          <span className="inv-job-cameras" title={cameraNames.join(', ')}>
            {cameraNames.length <= 2 ? cameraNames.join(', ') : `${cameraNames[0]} and ${cameraNames.length - 1} more`}
          </span>
        </div>
        <div className="inv-job-meta">
          {formatInstant(from, Date.now())} · {formatDuration(to - from)}
          {job.files.length > 0 ? ` · ${formatBytes(job.files.reduce((n, f) => n + f.bytes, 0))}` : ''}
        </div>
        {active ? (
          <div className="inv-progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(job.progress * 100)}>
            <div className="inv-progress-bar" style={{ width: `${Math.max(2, Math.min(100, job.progress * 100))}%` }} />
          </div>
        ) : null}
        {job.error ? <div className="inv-problem">{job.error.message}</div> : null}
        {save?.kind === 'failed' ? <div className="inv-problem">Saving failed: {save.message}</div> : null}
        {save?.kind === 'waiting' && active ? (
          <div className="inv-job-note">{save.destination.kind === 'folder' ? `Saves to ${save.destination.path} when done` : 'Downloads when done'}</div>
        ) : null}
        {job.state === 'done' && job.files.length === 0 ? <div className="inv-job-note">Nothing was recorded in this range: no files.</div> : null}
        {savedPaths && savedPaths.length > 0 ? <div className="inv-job-note">{desktop ? `Saved: ${savedPaths.join(', ')}` : `Downloaded: ${savedPaths.join(', ')}`}</div> : null}
        <ErrorNote error={cancel.error ?? fetchSave.error} />
      </div>
      <div className="inv-job-side">
        <span className="inv-job-state">{STATE_LABEL[job.state] ?? job.state}{active ? ` ${Math.round(job.progress * 100)}%` : ''}</span>
        <div className="inv-job-actions">
          {active ? (
            <button type="button" className="btn btn-sm" disabled={cancel.isPending} onClick={() => cancel.mutate()}>Cancel</button>
          ) : null}
          {job.state === 'done' && job.files.length > 0 ? (
            <button type="button" className="btn btn-sm" disabled={fetchSave.isPending} onClick={() => fetchSave.mutate()} data-testid="export-download">
              <Icon name="download" size={13} /> {desktop ? 'Save to…' : 'Download'}
            </button>
          ) : null}
          {folderPath && desktop ? (
            <button type="button" className="btn btn-sm" onClick={() => void desktop.showItemInFolder({ path: folderPath })}>Show in folder</button>
          ) : null}
        </div>
      </div>
    </li>
  );
}
