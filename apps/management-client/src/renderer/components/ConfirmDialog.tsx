/**
 * Asks before something that cannot be undone (deleting a role, a user, a rule). The site's
 * refusal (a role still used, the last administrator) shows in the dialog, which stays open.
 */
import type { ReactNode } from 'react';
import { Dialog, ErrorNote } from '@nightjar/ui';

export interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busy: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
}

export function ConfirmDialog({ title, children, confirmLabel, busy, error, onConfirm, onClose }: ConfirmDialogProps) {
  return (
    <Dialog title={title} icon="warning" width={440} onClose={onClose} footer={(
      <>
        {/* Cancel takes the focus: Enter must not delete by accident. */}
        <button type="button" className="btn" onClick={onClose} data-autofocus>Cancel</button>
        <button type="button" className="btn btn-danger" disabled={busy} onClick={onConfirm}>{busy ? 'Working…' : confirmLabel}</button>
      </>
    )}>
      <div className="confirm-body">{children}</div>
      <ErrorNote error={error} />
    </Dialog>
  );
}
