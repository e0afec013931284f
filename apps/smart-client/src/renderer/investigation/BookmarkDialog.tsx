/**
 * Add a bookmark: an instant (the shown one, to the millisecond, unless the operator types
 * another), the cameras it concerns, how much video before and after matters, a header and a
 * description. The site's refusal (no bookmarkCreate right, bad input) is shown in the dialog.
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { camerasQuery, queryKeys } from '@nightjar/ui';
import { viewCameras } from '../playback/rangeActions';
import { fromDateTimeLocal, toDateTimeLocal } from '../playback/timeFormat';
import { useShellNotify } from './useShellNotify';
import { useClientState, useSite } from '../session/siteContext';
import { CameraPicker } from './CameraPicker';
import { Dialog, ErrorNote } from '@nightjar/ui';
import { DEFAULT_POST_SECONDS, DEFAULT_PRE_SECONDS, bookmarkProblems, bookmarkRequest } from './bookmarkForm';

export interface BookmarkDialogProps {
  open: boolean;
  onClose(): void;
  cameraId: string;
  atMs: number;
  /** A bookmark for a selected range: the video after `atMs` that matters (defaults to 30 s). */
  postSeconds?: number;
}

export function BookmarkDialog({ open, ...rest }: BookmarkDialogProps) {
  return open ? <BookmarkDialogBody {...rest} /> : null;
}

function BookmarkDialogBody({ onClose, cameraId, atMs, postSeconds }: Omit<BookmarkDialogProps, 'open'>) {
  const { client } = useSite();
  const queryClient = useQueryClient();
  const notify = useShellNotify();
  const cameras = useQuery(camerasQuery(client));
  const tileCameras = useClientState((s) => s.tileCameras);
  const initialTime = toDateTimeLocal(atMs);
  const [time, setTime] = useState(initialTime);
  const [cameraIds, setCameraIds] = useState<string[]>([cameraId]);
  const [pre, setPre] = useState(String(DEFAULT_PRE_SECONDS));
  const [post, setPost] = useState(String(postSeconds ?? DEFAULT_POST_SECONDS));
  const [header, setHeader] = useState('');
  const [description, setDescription] = useState('');
  const [tried, setTried] = useState(false);

  // The exact shown instant stays exact; a typed time is whole seconds.
  const form = {
    cameraIds, atMs: time === initialTime ? atMs : fromDateTimeLocal(time), preSeconds: pre, postSeconds: post, header, description,
  };
  const problems = bookmarkProblems(form);
  const shown = tried ? problems : {};
  const create = useMutation({
    mutationFn: () => client.createBookmark(bookmarkRequest(form)),
    onSuccess: (b) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.bookmarks() });
      notify(`Bookmark “${b.header}” added`, 'success');
      onClose();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (Object.keys(problems).length === 0) create.mutate();
  };

  return (
    <Dialog title="Add bookmark" icon="edit" width={520} onClose={onClose} testId="bookmark-dialog"
      footer={<>
        <button type="button" className="btn" onClick={onClose}>Cancel</button>
        <button type="submit" form="bookmark-form" className="btn btn-primary" disabled={create.isPending} data-testid="bookmark-submit">Add bookmark</button>
      </>}>
      <form id="bookmark-form" className="inv-form" onSubmit={submit} noValidate>
        <label className="field">
          <span>Header</span>
          <input data-autofocus value={header} maxLength={200} aria-invalid={!!shown.header} placeholder="What happened"
            onChange={(e) => setHeader(e.target.value)} data-testid="bookmark-header" />
        </label>
        {shown.header ? <div className="inv-problem">{shown.header}</div> : null}
        <div className="inv-range-row">
          <label className="field inv-grow">
            <span>Time</span>
            <input type="datetime-local" step={1} value={time} aria-invalid={!!shown.time} onChange={(e) => setTime(e.target.value)} />
          </label>
          <label className="field inv-seconds">
            <span>Before (s)</span>
            <input inputMode="decimal" value={pre} aria-invalid={!!shown.pre} onChange={(e) => setPre(e.target.value)} />
          </label>
          <label className="field inv-seconds">
            <span>After (s)</span>
            <input inputMode="decimal" value={post} aria-invalid={!!shown.post} onChange={(e) => setPost(e.target.value)} />
          </label>
        </div>
        {shown.time ?? shown.pre ?? shown.post ? <div className="inv-problem">{shown.time ?? `Before and after: ${shown.pre ?? shown.post}`}</div> : null}
        <label className="field">
          <span>Description</span>
          <textarea className="input inv-textarea" rows={3} value={description} aria-invalid={!!shown.description}
            onChange={(e) => setDescription(e.target.value)} placeholder="Optional details" />
        </label>
        {shown.description ? <div className="inv-problem">{shown.description}</div> : null}
        <div className="field">
          <span>Cameras</span>
          <CameraPicker cameras={cameras.data ?? []} selected={cameraIds} onChange={setCameraIds} viewCameraIds={viewCameras(tileCameras)}
            invalid={!!shown.cameras} maxHeight={120} />
        </div>
        {shown.cameras ? <div className="inv-problem">{shown.cameras}</div> : null}
        <ErrorNote error={create.error} />
      </form>
    </Dialog>
  );
}
