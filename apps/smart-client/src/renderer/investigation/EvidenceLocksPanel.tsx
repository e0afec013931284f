/**
 * Evidence locks the user may see (the site leaves out the others): search by reason or camera,
 * open the locked range in playback, extend, delete. Extending and deleting need their own
 * rights on every camera of the lock; when the site refuses, the action says why and stays off
 * for that lock.
 */
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { camerasQuery, evidenceLocksQuery, queryKeys } from '@nightjar/ui';
import type { EvidenceLockBody } from '@nightjar/ui';
import { formatDateTime, formatDuration, fromDateTimeLocal, toDateTimeLocal } from '../playback/timeFormat';
import { Icon } from '@nightjar/ui';
import { useSite } from '../session/siteContext';
import { ErrorNote } from '@nightjar/ui';
import { extensionProblem, lockStatus } from './lockForm';

export interface EvidenceLocksPanelProps {
  /** Opens the locked range in playback. */
  onOpen: (cameraIds: readonly string[], atMs: number) => void;
  onCreate: () => void;
}

export function EvidenceLocksPanel({ onOpen, onCreate }: EvidenceLocksPanelProps) {
  const { client } = useSite();
  const locks = useQuery(evidenceLocksQuery(client));
  const names = useQuery({ ...camerasQuery(client), select: (cs) => new Map(cs.map((c) => [c.id, c.name])) });
  const [text, setText] = useState('');
  const words = text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const nameOf = (id: string) => names.data?.get(id) ?? id;
  const shown = (locks.data ?? [])
    .filter((l) => words.every((w) => l.reason.toLowerCase().includes(w) || l.createdBy.toLowerCase().includes(w)
      || l.cameraIds.some((c) => nameOf(c).toLowerCase().includes(w))))
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));

  return (
    <div className="inv-panel" data-testid="locks-panel">
      <div className="inv-panel-bar">
        <input className="input inv-grow" placeholder="Search reason, camera or user" value={text} onChange={(e) => setText(e.target.value)} aria-label="Search evidence locks" />
        <button type="button" className="btn btn-primary btn-sm" onClick={onCreate}><Icon name="lock" size={13} /> New lock…</button>
      </div>
      {locks.isError ? <ErrorNote error={locks.error} /> : null}
      <ul className="inv-list">
        {shown.map((lock) => <LockRow key={lock.id} lock={lock} nameOf={nameOf} onOpen={onOpen} />)}
        {locks.isPending ? <li className="muted inv-empty">Loading…</li> : null}
        {!locks.isPending && shown.length === 0 ? <li className="muted inv-empty">{words.length ? 'No lock matches.' : 'No evidence locks.'}</li> : null}
      </ul>
    </div>
  );
}

function LockRow({ lock, nameOf, onOpen }: { lock: EvidenceLockBody; nameOf: (id: string) => string; onOpen: EvidenceLocksPanelProps['onOpen'] }) {
  const { client } = useSite();
  const queryClient = useQueryClient();
  const [extending, setExtending] = useState(false);
  const [until, setUntil] = useState(() => toDateTimeLocal(Math.max(Date.now(), lock.until ? Date.parse(lock.until) : 0) + 30 * 86_400_000));
  const [indefinite, setIndefinite] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.evidenceLocks() });
  const extend = useMutation({
    mutationFn: (untilIso: string | null) => client.extendEvidenceLock(lock.id, untilIso),
    onSuccess: () => {
      setExtending(false);
      void refresh();
    },
  });
  const remove = useMutation({ mutationFn: () => client.deleteEvidenceLock(lock.id), onSuccess: () => void refresh() });
  const now = Date.now();
  const status = lockStatus(lock, now);
  const from = Date.parse(lock.from);
  const to = Date.parse(lock.to);
  const untilMs = indefinite ? null : fromDateTimeLocal(until);
  const problem = extending ? extensionProblem(lock, untilMs, now) : undefined;
  const denied = (e: unknown) => (e as { status?: number } | null)?.status === 403;

  return (
    <li className="inv-row inv-lock" data-status={status} data-testid="lock-row">
      <div className="inv-row-main">
        <div className="inv-row-title">
          <Icon name="lock" size={13} />
          <span>{lock.reason}</span>
          <span className="inv-tag" data-kind={status}>{status === 'indefinite' ? 'Indefinite' : status === 'active' ? `Until ${formatDateTime(Date.parse(lock.until!))}` : 'Expired'}</span>
        </div>
        <div className="inv-row-meta">
          {formatDateTime(from)} · {formatDuration(to - from)} · {lock.cameraIds.map(nameOf).join(', ')}
        </div>
        <div className="inv-row-meta muted">
          by {lock.createdBy} {lock.updatedBy ? `· extended by ${lock.updatedBy}` : ''}
        </div>
        {extending ? (
          <div className="inv-inline-form">
            <input type="datetime-local" step={1} className="input" value={until} disabled={indefinite} onChange={(e) => setUntil(e.target.value)} aria-label="Keep until" />
            <label className="checkbox"><input type="checkbox" checked={indefinite} onChange={(e) => setIndefinite(e.target.checked)} /> Indefinitely</label>
            <button type="button" className="btn btn-sm btn-primary" disabled={!!problem || extend.isPending}
              onClick={() => extend.mutate(untilMs === null ? null : new Date(untilMs).toISOString())}>Extend</button>
            <button type="button" className="btn btn-sm" onClick={() => setExtending(false)}>Cancel</button>
            {problem ? <span className="inv-problem">{problem}</span> : null}
          </div>
        ) : null}
        {confirmDelete ? (
          <div className="inv-inline-form inv-confirm">
            <span>Delete this lock? Retention may then remove the video it protects.</span>
            <button type="button" className="btn btn-sm btn-danger" disabled={remove.isPending} onClick={() => remove.mutate()}>Delete lock</button>
            <button type="button" className="btn btn-sm" onClick={() => setConfirmDelete(false)}>Keep</button>
          </div>
        ) : null}
        <ErrorNote error={extend.error ?? remove.error} />
      </div>
      <div className="inv-row-actions">
        <button type="button" className="btn btn-sm" onClick={() => onOpen(lock.cameraIds, from)} title="Open in playback">Open</button>
        {status !== 'indefinite' ? (
          <button type="button" className="btn btn-sm" disabled={denied(extend.error)} title={denied(extend.error) ? 'You may not extend this lock' : 'Keep longer'}
            onClick={() => setExtending((v) => !v)}>Extend</button>
        ) : null}
        <button type="button" className="btn btn-sm btn-danger" disabled={denied(remove.error)} title={denied(remove.error) ? 'You may not delete this lock' : 'Delete'}
          onClick={() => setConfirmDelete(true)}>Delete</button>
      </div>
    </li>
  );
}
