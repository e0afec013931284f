/**
 * Jobs and server status: the export jobs (progress, cancel, download), whether the site
 * answers, how the cameras are doing and how full the storages are. Everything polls while the
 * dialog is open and stops when it closes.
 */
import { useState } from 'react';
import { useQueries, useQuery } from '@tanstack/react-query';
import { cameraStatusQuery, camerasQuery, healthQuery, storagesQuery } from '@nightjar/ui';
import type { CameraStatusBody } from '@nightjar/ui';
import { formatBytes } from '../playback/timeFormat';
import { Icon } from '@nightjar/ui';
import { useSite } from '../session/siteContext';
import { Dialog, ErrorNote } from '@nightjar/ui';
import { ExportJobsList } from './ExportJobsList';
import { storageUse, summarizeCameras } from './serverStatus';

export interface StatusDialogProps {
  open: boolean;
  onClose(): void;
}

export function StatusDialog({ open, onClose }: StatusDialogProps) {
  if (!open) return null;
  return (
    <Dialog title="Jobs and server status" icon="activity" width={760} onClose={onClose} testId="status-dialog"
      footer={<button type="button" className="btn" onClick={onClose} data-autofocus>Close</button>}>
      <StatusBody />
    </Dialog>
  );
}

const JOBS_SHOWN = 6;

function StatusBody() {
  const [allJobs, setAllJobs] = useState(false);
  return (
    <div className="inv-status">
      <section className="inv-section">
        <h3>Server</h3>
        <ServerStatus />
      </section>
      <section className="inv-section">
        <div className="inv-section-head">
          <h3>Export jobs</h3>
          <button type="button" className="btn btn-sm" onClick={() => setAllJobs(!allJobs)}>{allJobs ? 'Recent only' : 'Show all'}</button>
        </div>
        <ExportJobsList limit={allJobs ? undefined : JOBS_SHOWN} />
      </section>
    </div>
  );
}

function ServerStatus() {
  const { client, user } = useSite();
  const health = useQuery(healthQuery(client));
  const cameras = useQuery(camerasQuery(client));
  const statuses = useQueries({ queries: (cameras.data ?? []).map((c) => cameraStatusQuery(client, c.id)) });
  const storages = useQuery({ ...storagesQuery(client), retry: false });
  const loaded = statuses.flatMap((q) => (q.data ? [q.data] : [])) as CameraStatusBody[];
  const summary = summarizeCameras(loaded);
  const nameOf = (id: string) => cameras.data?.find((c) => c.id === id)?.name ?? id;
  const reachable = health.data?.ok === true;

  return (
    <div className="inv-server">
      <div className="inv-stat-row">
        <div className="inv-stat" data-level={health.isPending ? 'unknown' : reachable ? 'ok' : 'bad'}>
          <Icon name="server" size={14} />
          <span className="inv-stat-label">Site</span>
          <b>{health.isPending ? 'Checking…' : reachable ? 'Online' : 'Not answering'}</b>
          <span className="muted">{client.baseUrl.replace(/^https?:\/\//, '')} · signed in as {user.username}</span>
        </div>
      </div>
      <div className="inv-stat-grid" data-testid="camera-summary">
        <Stat label="Cameras" value={summary.total} />
        <Stat label="Streaming" value={summary.streaming} level="ok" />
        <Stat label="Recording" value={summary.recording} level="rec" />
        <Stat label="Connecting" value={summary.connecting} level={summary.connecting ? 'warn' : undefined} />
        <Stat label="Lost" value={summary.lost} level={summary.lost ? 'bad' : undefined} />
        <Stat label="Disabled" value={summary.disabled} />
      </div>
      {summary.problems.length > 0 ? (
        <ul className="inv-problems">
          {summary.problems.slice(0, 8).map((p) => (
            <li key={p.cameraId}><Icon name="warning" size={13} /><b>{nameOf(p.cameraId)}</b><span>{p.text}</span></li>
          ))}
        </ul>
      ) : null}
      {cameras.isError ? <ErrorNote error={cameras.error} /> : null}
      <h4 className="inv-subhead">Storage</h4>
      {storages.isError ? <ErrorNote error={storages.error} /> : null}
      <ul className="inv-storages">
        {(storages.data ?? []).map((s) => {
          const use = storageUse(s.usedBytes, s.maxBytes);
          return (
            <li key={s.id} className="inv-storage" data-level={use.level}>
              <div className="inv-storage-head">
                <b>{s.name}</b>
                <span className="muted">{s.path}</span>
                <span className="inv-grow" />
                <span>{formatBytes(s.usedBytes)} of {formatBytes(s.maxBytes)}</span>
              </div>
              <div className="inv-progress"><div className="inv-progress-bar" style={{ width: `${Math.max(1, use.fraction * 100)}%` }} /></div>
              <div className="muted inv-storage-meta">
                Keeps {s.retentionHours >= 48 ? `${Math.round(s.retentionHours / 24)} days` : `${s.retentionHours} hours`}
                {s.encrypted ? ' · encrypted' : ''}{s.archive ? ' · archives' : ''}
              </div>
            </li>
          );
        })}
        {storages.isPending ? <li className="muted">Loading…</li> : null}
      </ul>
    </div>
  );
}

function Stat({ label, value, level }: { label: string; value: number; level?: 'ok' | 'rec' | 'warn' | 'bad' | undefined }) {
  return (
    <div className="inv-stat-box" data-level={level}>
      <b>{value}</b>
      <span>{label}</span>
    </div>
  );
}
