/**
 * Export video: a range, cameras and a format (MP4, MKV, or the signed native bundle with an
 * optional password), and where the result goes (a folder in the desktop app, a download in the
 * browser). Creating it queues a job on the site; the dialog then follows that job, and the
 * session saves its files when it is done even if the dialog is closed.
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { camerasQuery, queryKeys } from '@nightjar/ui';
import { desktopApi } from '../../common/desktopApi';
import { viewCameras } from '../playback/rangeActions';
import { fromDateTimeLocal } from '../playback/timeFormat';
import { useClientState, useSite } from '../session/siteContext';
import { CameraPicker } from './CameraPicker';
import { Dialog, ErrorNote } from '@nightjar/ui';
import { ExportJobsList } from './ExportJobsList';
import { FORMAT_CHOICES, exportProblems, exportRequest, exportWarning } from './exportForm';
import type { ExportForm, ExportFormat } from './exportForm';
import { exportSavesOf } from './exportSaves';
import { useClientProfile } from '../profile/useClientProfile';
import { RangeFields, rangeValue } from './RangeFields';
import type { RangeValue } from './RangeFields';

export interface ExportDialogProps {
  open: boolean;
  onClose(): void;
  initial?: { cameraIds: string[]; from: number; to: number };
}

export function ExportDialog({ open, onClose, initial }: ExportDialogProps) {
  if (!open) return null;
  return <ExportDialogBody onClose={onClose} initial={initial} />;
}

const DEFAULT_LENGTH_MS = 5 * 60_000;

function ExportDialogBody({ onClose, initial }: Omit<ExportDialogProps, 'open'>) {
  const { client, queryClient } = useSite();
  const cache = useQueryClient();
  const tileCameras = useClientState((s) => s.tileCameras);
  const playbackTimeMs = useClientState((s) => s.playbackTimeMs);
  const mode = useClientState((s) => s.mode);
  const cameras = useQuery(camerasQuery(client));
  const desktop = desktopApi();
  const viewIds = viewCameras(tileCameras);

  const [range, setRange] = useState<RangeValue>(() => {
    if (initial) return rangeValue(initial.from, initial.to);
    // From playback, the five minutes around the shown instant; from live, the last five minutes.
    const end = mode === 'playback' ? playbackTimeMs + DEFAULT_LENGTH_MS / 2 : Date.now();
    return rangeValue(end - DEFAULT_LENGTH_MS, end);
  });
  const [cameraIds, setCameraIds] = useState<string[]>(() => initial?.cameraIds ?? viewIds);
  // The client profile's default format; the operator may still pick another.
  const profile = useClientProfile();
  const [format, setFormat] = useState<ExportFormat>(profile.defaultExportFormat);
  const [encrypt, setEncrypt] = useState(false);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [folder, setFolder] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);

  const form: ExportForm = {
    cameraIds, fromMs: fromDateTimeLocal(range.from), toMs: fromDateTimeLocal(range.to), format, encrypt, password, confirm,
    destination: desktop ? { kind: 'folder', path: folder } : { kind: 'download' },
  };
  const now = Date.now();
  const problems = exportProblems(form, now);
  const shown = tried ? problems : {};

  const create = useMutation({
    mutationFn: () => client.createExport(exportRequest(form)),
    onSuccess: (job) => {
      exportSavesOf(queryClient).add(job.id, form.destination.kind === 'folder' && form.destination.path
        ? { kind: 'folder', path: form.destination.path } : { kind: 'download' });
      cache.setQueryData(queryKeys.exportJob(job.id), job);
      void cache.invalidateQueries({ queryKey: queryKeys.exports() });
      setJobId(job.id);
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (Object.keys(problems).length === 0) create.mutate();
  };

  if (jobId) {
    return (
      <Dialog title="Export video" icon="download" width={640} onClose={onClose} testId="export-dialog"
        footer={<>
          <button type="button" className="btn" onClick={() => { setJobId(null); setTried(false); create.reset(); }}>New export</button>
          <button type="button" className="btn btn-primary" onClick={onClose} data-autofocus>Close</button>
        </>}>
        <p className="inv-lead">The export runs on the site; you can close this window, its files are saved when it is done.</p>
        <ExportJobsList highlight={jobId} limit={6} />
      </Dialog>
    );
  }

  return (
    <Dialog title="Export video" icon="download" width={640} onClose={onClose} testId="export-dialog"
      footer={<>
        <button type="button" className="btn" onClick={onClose}>Cancel</button>
        <button type="submit" form="export-form" className="btn btn-primary" disabled={create.isPending} data-testid="export-submit">
          {create.isPending ? 'Starting…' : 'Export'}
        </button>
      </>}>
      <form id="export-form" className="inv-form" onSubmit={submit} noValidate>
        <section className="inv-section">
          <h3>Time range</h3>
          <RangeFields value={range} onChange={setRange} problem={shown.range} warning={exportWarning(form, now)} />
        </section>
        <section className="inv-section">
          <h3>Cameras</h3>
          <CameraPicker cameras={cameras.data ?? []} selected={cameraIds} onChange={setCameraIds} viewCameraIds={viewIds} invalid={!!shown.cameras} />
          {shown.cameras ? <div className="inv-problem">{shown.cameras}</div> : null}
        </section>
        <section className="inv-section">
          <h3>Format</h3>
          <div className="inv-choices" role="radiogroup" aria-label="Format">
            {FORMAT_CHOICES.map((c) => (
              <label key={c.format} className="inv-choice" data-checked={format === c.format}>
                <input type="radio" name="format" value={c.format} checked={format === c.format} onChange={() => setFormat(c.format)} />
                <span className="inv-choice-label">{c.label}</span>
                <span className="inv-choice-detail">{c.detail}</span>
              </label>
            ))}
          </div>
          {format === 'native' ? (
            <div className="inv-password">
              <label className="checkbox">
                <input type="checkbox" checked={encrypt} onChange={(e) => setEncrypt(e.target.checked)} />
                Protect with a password (AES-256)
              </label>
              {encrypt ? (
                <div className="inv-range-row">
                  <label className="field">
                    <span>Password</span>
                    <input type="password" autoComplete="new-password" value={password} aria-invalid={!!shown.password} onChange={(e) => setPassword(e.target.value)} />
                  </label>
                  <label className="field">
                    <span>Repeat password</span>
                    <input type="password" autoComplete="new-password" value={confirm} aria-invalid={!!shown.confirm} onChange={(e) => setConfirm(e.target.value)} />
                  </label>
                </div>
              ) : null}
              {shown.password || shown.confirm ? <div className="inv-problem">{shown.password ?? shown.confirm}</div> : null}
            </div>
          ) : null}
        </section>
        <section className="inv-section">
          <h3>Destination</h3>
          {desktop ? (
            <div className="inv-destination">
              <input className="input" readOnly value={folder ?? ''} placeholder="No folder chosen" aria-invalid={!!shown.destination} aria-label="Export folder" />
              <button type="button" className="btn" onClick={() => void desktop.chooseExportFolder(folder ? { defaultPath: folder } : {}).then((r) => r.path && setFolder(r.path))}>
                Choose folder…
              </button>
            </div>
          ) : (
            <p className="muted">Your browser downloads the files when the export is done.</p>
          )}
          {shown.destination ? <div className="inv-problem">{shown.destination}</div> : null}
        </section>
        <ErrorNote error={create.error} />
      </form>
    </Dialog>
  );
}
