/**
 * The range chosen on the timeline and what can be done with it: export, evidence lock,
 * bookmark. Without a range, how to make one (shift-drag, or mark start and end at the playhead).
 */
import { useStore } from 'zustand';
import type { ClientStore } from '@nightjar/ui';
import { Icon } from '@nightjar/ui';
import { markSelection } from './rangeActions';
import { formatDuration, formatInstant } from './timeFormat';

export interface SelectionBarProps {
  store: ClientStore;
  /** Absent when the client profile does not offer export. */
  onExport?: (() => void) | undefined;
  onLock: () => void;
  onBookmark: () => void;
  /** Bookmark the shown instant (of the selected camera); absent when the view has no camera. */
  onBookmarkHere?: (() => void) | undefined;
}

export function SelectionBar({ store, onExport, onLock, onBookmark, onBookmarkHere }: SelectionBarProps) {
  const selection = useStore(store, (s) => s.selection);
  const mark = (end: 'start' | 'end') => {
    const s = store.getState();
    const r = markSelection(s.selection, s.playbackTimeMs, end);
    s.selectRange(r.startMs, r.endMs);
  };
  const now = Date.now();
  return (
    <div className="pb-selection" data-active={selection ? 'true' : 'false'} data-testid="playback-selection">
      <button type="button" className="btn btn-sm" onClick={() => mark('start')} title="Start the range at the playhead">Mark start</button>
      <button type="button" className="btn btn-sm" onClick={() => mark('end')} title="End the range at the playhead">Mark end</button>
      {selection ? (
        <>
          <span className="pb-selection-range">
            {formatInstant(selection.startMs, now)} – {formatInstant(selection.endMs, now)}
            <span className="muted"> · {formatDuration(selection.endMs - selection.startMs)}</span>
          </span>
          {onExport ? <button type="button" className="btn btn-sm btn-primary" onClick={onExport} data-testid="selection-export"><Icon name="download" size={13} /> Export…</button> : null}
          <button type="button" className="btn btn-sm" onClick={onLock} data-testid="selection-lock"><Icon name="lock" size={13} /> Lock…</button>
          <button type="button" className="btn btn-sm" onClick={onBookmark} data-testid="selection-bookmark"><Icon name="edit" size={13} /> Bookmark…</button>
          <button type="button" className="icon-btn" onClick={() => store.getState().clearSelection()} aria-label="Clear the range" title="Clear the range">
            <Icon name="close" size={13} />
          </button>
        </>
      ) : (
        <span className="muted pb-selection-hint">Shift-drag on the timeline to choose a range</span>
      )}
      <span className="pb-spacer" />
      {onBookmarkHere ? (
        <button type="button" className="btn btn-sm" onClick={onBookmarkHere} title="Bookmark the shown instant of the selected camera" data-testid="bookmark-here">
          <Icon name="plus" size={13} /> Bookmark here
        </button>
      ) : null}
    </div>
  );
}
