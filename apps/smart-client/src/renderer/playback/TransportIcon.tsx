/**
 * Transport symbols (play, pause, frame and sequence steps, reverse) drawn like the shell's
 * icons: 16-unit grid, filled where they must read solid at 12–14 px.
 */

const PATHS = {
  play: 'M4.5 2.8v10.4L13 8z',
  reverse: 'M11.5 2.8v10.4L3 8z',
  pause: 'M4 2.8h3v10.4H4z M9 2.8h3v10.4H9z',
  stepForward: 'M3 3v10l7-5z M11 3h2v10h-2z',
  stepBack: 'M13 3v10L6 8z M3 3h2v10H3z',
  nextSequence: 'M2 3v10l5.5-5z M7.5 3v10l5.5-5z M13 3h1.5v10H13z',
  previousSequence: 'M14 3v10L8.5 8z M8.5 3v10L3 8z M1.5 3H3v10H1.5z',
} as const;

export type TransportIconName = keyof typeof PATHS;

export function TransportIcon({ name, size = 14 }: { name: TransportIconName; size?: number }) {
  return (
    <svg className="icon" width={size} height={size} viewBox="0 0 16 16" aria-hidden="true">
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  );
}
