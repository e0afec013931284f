/**
 * The transport bar above the timeline: sequence and frame steps, play/pause, speed, the shown
 * instant, go to a date, timeline zoom and the way back to live. Everything is client-store
 * state (frame steps are step requests there), so the keyboard and this bar never disagree.
 */
import { useStore } from 'zustand';
import { PLAYBACK_SPEEDS } from '@nightjar/ui';
import type { ClientStore, PlaybackSpeed, TimeSpan } from '@nightjar/ui';
import { Icon } from '@nightjar/ui';
import { GoToTime } from './GoToTime';
import { nextSequenceStart, previousSequenceStart } from './sequenceNavigation';
import { speedLabel } from './speedLabel';
import { formatDate, formatTime } from './timeFormat';
import { ZOOM_PRESETS } from './timelineWindow';
import { TransportIcon } from './TransportIcon';

export interface PlaybackControlsProps {
  store: ClientStore;
  /** Recordings of all cameras of the view, merged (for previous / next sequence). */
  sequences: readonly TimeSpan[];
  spanMs: number;
  /** Timeline zoom presets; absent in the compact bar. */
  onZoom?: ((spanMs: number) => void) | undefined;
  onLive: () => void;
  /** Compact: the independent tile's bar (no zoom presets, no go-to). */
  compact?: boolean;
}

export function PlaybackControls({ store, sequences, spanMs, onZoom, onLive, compact = false }: PlaybackControlsProps) {
  const playing = useStore(store, (s) => s.playing);
  const speed = useStore(store, (s) => s.speed);
  // Re-render per shown millisecond only where it is printed (the readout below).
  const seconds = useStore(store, (s) => Math.floor(s.playbackTimeMs / 1000));
  const s = () => store.getState();
  const previous = previousSequenceStart(sequences, seconds * 1000 + 999);
  const next = nextSequenceStart(sequences, seconds * 1000 + 999);

  return (
    <div className="pb-controls" data-compact={compact ? 'true' : 'false'} role="toolbar" aria-label="Playback">
      <div className="pb-transport">
        <button type="button" className="icon-btn" title="Previous sequence" disabled={previous === undefined}
          onClick={() => previous !== undefined && s().seek(previous)}>
          <TransportIcon name="previousSequence" />
        </button>
        <button type="button" className="icon-btn" title="Previous frame (←)" onClick={() => s().stepFrame(-1)}>
          <TransportIcon name="stepBack" />
        </button>
        <button
          type="button"
          className="icon-btn pb-play"
          title={playing ? 'Pause (Space)' : 'Play (Space)'}
          aria-label={playing ? 'Pause' : 'Play'}
          data-testid="playback-play"
          onClick={() => (playing ? s().pause() : s().play())}
        >
          <TransportIcon name={playing ? 'pause' : speed < 0 ? 'reverse' : 'play'} size={16} />
        </button>
        <button type="button" className="icon-btn" title="Next frame (→)" onClick={() => s().stepFrame(1)}>
          <TransportIcon name="stepForward" />
        </button>
        <button type="button" className="icon-btn" title="Next sequence" disabled={next === undefined}
          onClick={() => next !== undefined && s().seek(next)}>
          <TransportIcon name="nextSequence" />
        </button>
        <select
          className="input pb-speed"
          aria-label="Speed"
          title="Speed (↑ faster, ↓ slower)"
          value={speed}
          onChange={(e) => s().setSpeed(Number(e.target.value) as PlaybackSpeed)}
        >
          {[...PLAYBACK_SPEEDS].reverse().map((v) => <option key={v} value={v}>{speedLabel(v)}</option>)}
        </select>
      </div>
      <TimeReadout store={store} />
      {compact ? null : <GoToTime currentMs={seconds * 1000} onGo={(t) => s().seek(t)} />}
      <div className="pb-spacer" />
      {compact || !onZoom ? null : (
        <div className="pb-zoom" role="group" aria-label="Timeline zoom">
          {ZOOM_PRESETS.map((z) => (
            <button key={z.label} type="button" className="pb-seg" aria-pressed={Math.abs(z.spanMs - spanMs) < 1000} onClick={() => onZoom(z.spanMs)}>
              {z.label}
            </button>
          ))}
        </div>
      )}
      <button type="button" className="btn btn-sm pb-live" onClick={onLive} title="Back to live view (L)" data-testid="playback-live">
        <Icon name="live" size={14} /> Live
      </button>
    </div>
  );
}

/** The shown instant, to the millisecond while paused (frame steps differ by tens of ms). */
function TimeReadout({ store }: { store: ClientStore }) {
  const t = useStore(store, (s) => s.playbackTimeMs);
  const playing = useStore(store, (s) => s.playing);
  const speed = useStore(store, (s) => s.speed);
  return (
    <div className="pb-readout" data-testid="playback-time">
      <span className="pb-readout-date">{formatDate(t)}</span>
      <span className="pb-readout-time">{formatTime(t, !playing)}</span>
      <span className="pb-readout-speed" data-state={playing ? 'playing' : 'paused'}>{playing ? speedLabel(speed) : 'Paused'}</span>
    </div>
  );
}
