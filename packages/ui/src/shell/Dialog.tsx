/**
 * The clients' dialog frame, in the shell's dialog style: a modal panel with a title,
 * a scrolling body and a footer for the actions. Escape and a click on the backdrop close it;
 * the first field takes the focus so the keyboard works at once.
 */
import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { Icon } from './Icon';
import type { IconName } from './Icon';

export interface DialogProps {
  title: string;
  icon?: IconName;
  /** CSS width; the shell's default is 560 px. */
  width?: number;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  testId?: string;
}

export function Dialog({ title, icon, width, onClose, children, footer, testId }: DialogProps) {
  const panel = useRef<HTMLDivElement>(null);
  const titleId = `dlg-${title.replace(/\W+/g, '-').toLowerCase()}`;
  useEffect(() => {
    const first = panel.current?.querySelector<HTMLElement>('[data-autofocus], .dialog-body input, .dialog-body select, .dialog-body textarea');
    (first ?? panel.current)?.focus();
  }, []);
  return (
    <div className="dialog-backdrop" onPointerDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={panel}
        className="dialog dialog-stacked"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        style={width ? { width: `min(${width}px, calc(100vw - 32px))` } : undefined}
        data-testid={testId}
        onKeyDown={(e) => {
          if (e.key !== 'Escape') return;
          // Handled here, so the window's Escape shortcut does not also act behind the dialog.
          e.preventDefault();
          onClose();
        }}
      >
        <div className="dialog-head">
          {icon ? <Icon name={icon} size={15} /> : null}
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="icon-btn" onClick={onClose} aria-label="Close"><Icon name="close" size={14} /></button>
        </div>
        <div className="dialog-body">{children}</div>
        {footer ? <div className="dialog-foot">{footer}</div> : null}
      </div>
    </div>
  );
}

/** A message from the site (403, 400) shown where the action failed. */
export function ErrorNote({ error }: { error: unknown }) {
  if (!error) return null;
  const e = error as { message?: unknown; code?: unknown; status?: unknown };
  const message = typeof e.message === 'string' ? e.message : String(error);
  const title = e.status === 403 ? 'Not allowed' : e.status === 0 ? 'Site not reachable' : 'The site refused';
  return (
    <div className="error-note" role="alert">
      <Icon name="warning" size={14} />
      <div><b>{title}:</b> {message}</div>
    </div>
  );
}
