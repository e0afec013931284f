import type { StateCreator } from 'zustand';

/** Speeds the playback session offers; negative plays backwards. */
export const PLAYBACK_SPEEDS = [-16, -8, -4, -2, -1, -0.5, 0.25, 0.5, 1, 2, 4, 8, 16] as const;
export type PlaybackSpeed = (typeof PLAYBACK_SPEEDS)[number];

export interface PlaybackSlice {
  mode: 'live' | 'playback';
  /** Wall-clock time shown in playback, ms since the epoch; kept when going live so playback resumes there. */
  playbackTimeMs: number;
  speed: PlaybackSpeed;
  playing: boolean;
  /**
   * The last frame step asked for (keyboard arrows, step buttons). `seq` grows with every
   * request, so the playback view reacts to each press, including repeats in one direction.
   */
  stepRequest: { direction: 1 | -1; seq: number } | null;
  goLive: () => void;
  /** Enters playback at an instant (from the timeline, a bookmark, an event). */
  seek: (timeMs: number) => void;
  play: () => void;
  pause: () => void;
  setSpeed: (speed: PlaybackSpeed) => void;
  /** Pauses and asks the playback view to show the next (+1) or previous (-1) frame; ignored in live mode. */
  stepFrame: (direction: 1 | -1) => void;
  /** One step along PLAYBACK_SPEEDS: +1 faster (or less backwards), -1 slower. */
  stepSpeed: (direction: 1 | -1) => void;
  /**
   * Moves the playback time by elapsed wall time × speed. Time is handed in by the caller (a
   * frame loop, or the player's own clock) rather than read here, so the store stays pure and
   * tests run hours of playback at once.
   */
  advance: (elapsedMs: number, nowMs: number) => void;
}

export function createPlaybackSlice<S extends PlaybackSlice>(initialTimeMs = 0): StateCreator<S, [], [], PlaybackSlice> {
  return (set) => {
    const update = (patch: (s: PlaybackSlice) => Partial<PlaybackSlice>) => set((s) => patch(s) as Partial<S>);
    return {
      mode: 'live',
      playbackTimeMs: initialTimeMs,
      speed: 1,
      playing: true,
      stepRequest: null,
      goLive: () => update(() => ({ mode: 'live', speed: 1, playing: true })),
      seek: (timeMs) => update(() => (Number.isFinite(timeMs) ? { mode: 'playback', playbackTimeMs: timeMs } : {})),
      play: () => update(() => ({ playing: true })),
      pause: () => update(() => ({ playing: false })),
      setSpeed: (speed) => update(() => (PLAYBACK_SPEEDS.includes(speed) ? { speed } : {})),
      stepFrame: (direction) => update((s) => (s.mode === 'playback'
        ? { playing: false, stepRequest: { direction, seq: (s.stepRequest?.seq ?? 0) + 1 } }
        : {})),
      stepSpeed: (direction) => update((s) => {
        const next = PLAYBACK_SPEEDS[PLAYBACK_SPEEDS.indexOf(s.speed) + direction];
        return next === undefined ? {} : { speed: next };
      }),
      advance: (elapsedMs, nowMs) => update((s) => {
        if (s.mode !== 'playback' || !s.playing || !(elapsedMs > 0)) return {};
        const next = s.playbackTimeMs + elapsedMs * s.speed;
        // Playing forward into the present has nothing more to play back: that is live view.
        if (next >= nowMs && s.speed > 0) return { mode: 'live', speed: 1, playbackTimeMs: nowMs };
        return { playbackTimeMs: next };
      }),
    };
  };
}
