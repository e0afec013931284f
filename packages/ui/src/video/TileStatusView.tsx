/**
 * The centre of a tile when there is no live picture: a spinner while connecting or waiting,
 * a plain message (no access, sign in again, disconnected) when the stream is closed.
 */
import type { TileStatus } from './tileStatus';

export function TileStatusView({ status }: { status: TileStatus }) {
  if (status.kind === 'live') return null;
  return (
    <div className="nj-status" data-kind={status.kind} data-testid="tile-status" role="status">
      {status.kind === 'busy' ? <div className="nj-spinner" aria-hidden="true" /> : null}
      <div className="nj-status-text">{status.text}</div>
      {status.kind === 'error' && status.detail ? <div className="nj-status-detail">{status.detail}</div> : null}
    </div>
  );
}
