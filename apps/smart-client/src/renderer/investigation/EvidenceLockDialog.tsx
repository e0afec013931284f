/**
 * Protect a time range of cameras from retention: cameras, range, until when (a date or
 * indefinitely) and why. Needs evidenceLockCreate on every camera; the site's refusal is shown
 * here, in its words.
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { camerasQuery, queryKeys } from '@nightjar/ui';
import { viewCameras } from '../playback/rangeActions';
import { fromDateTimeLocal, toDateTimeLocal } from '../playback/timeFormat';
import { useClientState, useSite } from '../session/siteContext';
import { CameraPicker } from './CameraPicker';
import { Dialog, ErrorNote } from '@nightjar/ui';
import { lockProblems, lockRequest } from './lockForm';
import { RangeFields, rangeValue } from './RangeFields';
import { useShellNotify } from './useShellNotify';

export interface EvidenceLockDialogProps {
  open: boolean;
  onClose(): void;
  initial?: { cameraIds: string[]; from: number; to: number };
}

const DAY = 86_400_000;

export function EvidenceLockDialog({ open, ...rest }: EvidenceLockDialogProps) {
  return open ? <EvidenceLockDialogBody {...rest} /> : null;
}

function EvidenceLockDialogBody({ onClose, initial }: Omit<EvidenceLockDialogProps, 'open'>) {
  const { client } = useSite();
  const queryClient = useQueryClient();
  const notify = useShellNotify();
  const cameras = useQuery(camerasQuery(client));
  const tileCameras = useClientState((s) => s.tileCameras);
  const viewIds = viewCameras(tileCameras);
  const [range, setRange] = useState(() => (initial ? rangeValue(initial.from, initial.to) : rangeValue(Date.now() - 3_600_000, Date.now())));
  const [cameraIds, setCameraIds] = useState<string[]>(initial?.cameraIds ?? viewIds);
  const [indefinite, setIndefinite] = useState(false);
  const [until, setUntil] = useState(() => toDateTimeLocal(Date.now() + 90 * DAY));
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);

  const form = {
    cameraIds, fromMs: fromDateTimeLocal(range.from), toMs: fromDateTimeLocal(range.to),
    untilMs: indefinite ? null : fromDateTimeLocal(until), reason,
  };
  const problems = lockProblems(form, Date.now());
  const shown = tried ? problems : {};
  const create = useMutation({
    mutationFn: () => client.createEvidenceLock(lockRequest(form)),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.evidenceLocks() });
      notify('Evidence lock created', 'success');
      onClose();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (Object.keys(problems).length === 0) create.mutate();
  };

  return (
    <Dialog title="Evidence lock" icon="lock" width={600} onClose={onClose} testId="lock-dialog"
      footer={<>
        <button type="button" className="btn" onClick={onClose}>Cancel</button>
        <button type="submit" form="lock-form" className="btn btn-primary" disabled={create.isPending} data-testid="lock-submit">Lock video</button>
      </>}>
      <form id="lock-form" className="inv-form" onSubmit={submit} noValidate>
        <p className="inv-lead">Locked video is kept past its storage's retention until the lock ends or is deleted.</p>
        <label className="field">
          <span>Reason</span>
          <input data-autofocus value={reason} maxLength={2000} aria-invalid={!!shown.reason} placeholder="Case number, incident"
            onChange={(e) => setReason(e.target.value)} data-testid="lock-reason" />
        </label>
        {shown.reason ? <div className="inv-problem">{shown.reason}</div> : null}
        <section className="inv-section">
          <h3>Time range</h3>
          <RangeFields value={range} onChange={setRange} problem={shown.range} presets={false} />
        </section>
        <section className="inv-section">
          <h3>Keep until</h3>
          <div className="inv-range-row">
            <label className="field inv-grow">
              <span>End of protection</span>
              <input type="datetime-local" step={1} value={until} disabled={indefinite} aria-invalid={!!shown.until} onChange={(e) => setUntil(e.target.value)} />
            </label>
            <label className="checkbox inv-indefinite">
              <input type="checkbox" checked={indefinite} onChange={(e) => setIndefinite(e.target.checked)} />
              Indefinitely
            </label>
          </div>
          {shown.until ? <div className="inv-problem">{shown.until}</div> : null}
        </section>
        <section className="inv-section">
          <h3>Cameras</h3>
          <CameraPicker cameras={cameras.data ?? []} selected={cameraIds} onChange={setCameraIds} viewCameraIds={viewIds} invalid={!!shown.cameras} maxHeight={132} />
          {shown.cameras ? <div className="inv-problem">{shown.cameras}</div> : null}
        </section>
        <ErrorNote error={create.error} />
      </form>
    </Dialog>
  );
}
