/**
 * The frame every page of the Management Client uses: a header with the node's title and its
 * actions, then either one body or the overview/properties split administrators know (the list
 * of items on the left, the selected item's property tabs on the right).
 */
import type { ReactNode } from 'react';
import { Icon } from '@nightjar/ui';
import type { IconName } from '@nightjar/ui';

export interface PageHeaderProps {
  title: string;
  icon: IconName;
  /** One line under the title: what the page is for, or a count. */
  detail?: ReactNode;
  actions?: ReactNode;
}

export function PageHeader({ title, icon, detail, actions }: PageHeaderProps) {
  return (
    <header className="page-head">
      <Icon name={icon} size={18} />
      <div className="page-title">
        <h1>{title}</h1>
        {detail ? <p className="muted">{detail}</p> : null}
      </div>
      {actions ? <div className="page-actions">{actions}</div> : null}
    </header>
  );
}

export interface OverviewLayoutProps {
  /** The list of items (a table or list with one selected). */
  overview: ReactNode;
  /** The selected item's properties, or a hint when nothing is selected. */
  properties: ReactNode;
}

export function OverviewLayout({ overview, properties }: OverviewLayoutProps) {
  return (
    <div className="overview-layout">
      <section className="overview-pane" aria-label="Overview">{overview}</section>
      <section className="properties-pane" aria-label="Properties">{properties}</section>
    </div>
  );
}

/** What a pane shows while it has nothing to show: loading, an error, or a hint. */
export function PaneMessage({ kind = 'hint', children }: { kind?: 'hint' | 'loading' | 'error'; children: ReactNode }) {
  return (
    <div className="pane-message" data-kind={kind} role={kind === 'error' ? 'alert' : undefined}>
      {kind === 'loading' ? <span className="spinner spinner-sm" aria-hidden /> : kind === 'error' ? <Icon name="warning" size={14} /> : null}
      <span>{children}</span>
    </div>
  );
}
