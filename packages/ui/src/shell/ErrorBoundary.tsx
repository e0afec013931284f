/**
 * Keeps a failure where it happened: a workspace, a panel or one tile shows what went wrong
 * and a way to try again, and the rest of the window keeps working. Never a blank screen.
 */
import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import { Icon } from './Icon';

export interface ErrorBoundaryProps {
  /** What failed, in the operator's words: "Live", "Camera tree", a camera name. */
  label: string;
  /** Small places (tiles) get a one-line message instead of a panel. */
  compact?: boolean;
  /** A change of this value clears the error (e.g. another camera dropped on the tile). */
  resetKey?: unknown;
  /** For dialogs: the fault shows as a dialog whose Close calls this. */
  onDismiss?: () => void;
  children: ReactNode;
}

interface State {
  error: Error | null;
  resetKey: unknown;
}

export class ErrorBoundary extends Component<ErrorBoundaryProps, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: ErrorBoundaryProps, state: State): Partial<State> | null {
    return props.resetKey !== state.resetKey ? { resetKey: props.resetKey, error: null } : null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Kept in the console for support; the operator sees the short message.
    console.error(`[${this.props.label}]`, error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const retry = () => this.setState({ error: null });
    if (this.props.compact) {
      return (
        <div className="fault fault-compact" role="alert">
          <Icon name="warning" size={14} />
          <span title={error.message}>{this.props.label}: display error</span>
          <button type="button" className="btn btn-sm" onClick={retry}>Retry</button>
        </div>
      );
    }
    if (this.props.onDismiss) {
      const dismiss = this.props.onDismiss;
      return (
        <div className="dialog-backdrop">
          <div className="dialog" role="alertdialog" aria-label={`${this.props.label} stopped working`}>
            <div className="fault">
              <Icon name="warning" size={22} />
              <h2>{this.props.label} stopped working</h2>
              <p className="muted">{error.message}</p>
              <button type="button" className="btn" onClick={dismiss}>Close</button>
            </div>
          </div>
        </div>
      );
    }
    return (
      <div className="fault" role="alert">
        <Icon name="warning" size={22} />
        <h2>{this.props.label} stopped working</h2>
        <p className="muted">{error.message}</p>
        <button type="button" className="btn" onClick={retry}>Try again</button>
      </div>
    );
  }
}
