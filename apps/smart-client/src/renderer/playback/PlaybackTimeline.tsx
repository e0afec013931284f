/**
 * The playback strip: the canvas Timeline of packages/ui over the view's cameras, with a
 * picture of the instant under the pointer (of the lane it is over) when it rests there. The
 * owner keeps the visible window; the playhead, seeks and the range selection go through the
 * client store, like every other part of the client.
 */
import { useState } from 'react';
import type { PointerEvent as ReactPointerEvent } from 'react';
import { AXIS_HEIGHT_PX, Timeline, intlTimeZone, pxToTime, rowBand } from '@nightjar/ui';
import type { ClientStore, TimeWindow, TimelineLock, TimelineMarker, TimelineRow } from '@nightjar/ui';
import { useStore } from 'zustand';
import type { ThumbnailCache } from '../investigation/thumbnailCache';
import { useThumbnail } from '../investigation/useThumbnail';
import { formatDateTime } from './timeFormat';

export interface PlaybackTimelineProps {
  store: ClientStore;
  window: TimeWindow;
  onWindowChange: (window: TimeWindow) => void;
  rows: readonly TimelineRow[];
  bookmarks: readonly TimelineMarker[];
  locks: readonly TimelineLock[];
  thumbnails: ThumbnailCache;
  height: number;
}

interface Hover {
  x: number;
  timeMs: number;
  row: TimelineRow | undefined;
}

const PREVIEW_WIDTH = 192;
/** The pointer rests this long before a picture is asked for. */
const HOVER_DELAY_MS = 120;
const localZone = intlTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone);

export function PlaybackTimeline({ store, window: visible, onWindowChange, rows, bookmarks, locks, thumbnails, height }: PlaybackTimelineProps) {
  const playheadMs = useStore(store, (s) => s.playbackTimeMs);
  const selection = useStore(store, (s) => s.selection);
  const [hover, setHover] = useState<Hover | null>(null);

  const onPointerMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    // No preview during a drag: then the main picture follows the pointer itself.
    if (e.buttons !== 0) return setHover(null);
    const box = e.currentTarget.getBoundingClientRect();
    const x = e.clientX - box.left;
    const y = e.clientY - box.top;
    const timeMs = pxToTime({ ...visible, widthPx: Math.max(1, box.width) }, x);
    const lane = rows.findIndex((_, i) => {
      const band = rowBand(height, rows.length, i);
      return y >= band.top && y < band.top + band.height;
    });
    setHover({ x, timeMs, row: rows[lane >= 0 ? lane : 0] ?? (y < AXIS_HEIGHT_PX ? rows[0] : undefined) });
  };

  return (
    <div className="pb-timeline" onPointerMove={onPointerMove} onPointerLeave={() => setHover(null)} data-testid="playback-timeline">
      <Timeline
        window={visible}
        rows={rows}
        bookmarks={bookmarks}
        locks={locks}
        playheadMs={playheadMs}
        selection={selection}
        zone={localZone}
        height={height}
        onSeek={(t) => store.getState().seek(t)}
        onZoom={onWindowChange}
        onPan={onWindowChange}
        onSelectRange={(r) => store.getState().selectRange(r.startMs, r.endMs)}
      />
      {hover ? <HoverPreview hover={hover} window={visible} thumbnails={thumbnails} /> : null}
    </div>
  );
}

function HoverPreview({ hover, window: visible, thumbnails }: { hover: Hover; window: TimeWindow; thumbnails: ThumbnailCache }) {
  const recorded = hover.row?.recordings.some((r) => hover.timeMs >= r.startMs && hover.timeMs < r.endMs) ?? false;
  // Instants closer than a few pixels look the same on the strip: one picture serves them all.
  const quantum = Math.max(1000, ((visible.endMs - visible.startMs) / 1000) * 4);
  const atMs = Math.round(hover.timeMs / quantum) * quantum;
  const state = useThumbnail(thumbnails, recorded && hover.row ? hover.row.cameraId : null, recorded ? atMs : null, PREVIEW_WIDTH, HOVER_DELAY_MS);
  return (
    <div className="pb-hover" style={{ left: hover.x }} data-testid="timeline-hover">
      {recorded ? (
        <div className="pb-hover-picture" style={{ width: PREVIEW_WIDTH, height: (PREVIEW_WIDTH * 9) / 16 }}>
          {state.kind === 'ready' ? <img src={state.url} alt="" draggable={false} /> : null}
          {state.kind === 'failed' ? <span>No picture</span> : null}
          {state.kind === 'loading' || state.kind === 'idle' ? <div className="nj-spinner" aria-hidden="true" /> : null}
        </div>
      ) : null}
      <div className="pb-hover-label">
        {hover.row ? <b>{hover.row.label}</b> : null} {formatDateTime(hover.timeMs)}
        {!recorded && hover.row ? <span className="pb-hover-none"> · no recording</span> : null}
      </div>
    </div>
  );
}
