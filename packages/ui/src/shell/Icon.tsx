/**
 * The client's icons: stroked paths on a 16-unit grid in the text colour, drawn here so the
 * renderer needs no icon font or image requests (the CSP allows only our own scripts), and so
 * every icon has the same weight at the 12–16 px sizes a dense desktop UI uses.
 */

const STROKES = {
  camera: 'M1.5 4.5h8.5v7H1.5z M10 7l4.5-2.5v7L10 9',
  folder: 'M1.5 3.5h4.5l1.5 1.5h7v8h-13z',
  chevronRight: 'M6 3.5l4.5 4.5-4.5 4.5',
  chevronDown: 'M3.5 6l4.5 4.5 4.5-4.5',
  search: 'M11 11l3.5 3.5 M7 2.5a4.5 4.5 0 1 0 0 9a4.5 4.5 0 1 0 0-9z',
  maximize: 'M2 6V2h4 M10 2h4v4 M14 10v4h-4 M6 14H2v-4',
  restore: 'M6 2v4H2 M10 2v4h4 M14 10h-4v4 M2 10h4v4',
  snapshot: 'M1.5 4.5h3l1.2-2h4.6l1.2 2h3v9h-13z M8 6.5a2.5 2.5 0 1 0 0 5a2.5 2.5 0 1 0 0-5z',
  ptz: 'M8 1.5v13 M1.5 8h13 M6 3.5l2-2 2 2 M6 12.5l2 2 2-2 M3.5 6l-2 2 2 2 M12.5 6l2 2-2 2',
  history: 'M2.6 9.5A5.5 5.5 0 1 0 3.4 4.8 M2.5 2v3.2h3.2 M8 5v3.2l2.2 1.4',
  grid: 'M2 2h5v5H2z M9 2h5v5H9z M2 9h5v5H2z M9 9h5v5H9z',
  plus: 'M8 3v10 M3 8h10',
  save: 'M2.5 2.5h9l2 2v9h-11z M5 2.5v3h5v-3 M4.5 13.5v-4h7v4',
  trash: 'M2.5 4.5h11 M6 4.5V2.5h4v2 M4 4.5l.8 9.5h6.4l.8-9.5',
  edit: 'M10.5 2.5l3 3-8 8h-3v-3z M9 4l3 3',
  shared: 'M6 3.2a2.3 2.3 0 1 0 0 4.6a2.3 2.3 0 1 0 0-4.6z M1.8 13.5c.3-2.4 2-4 4.2-4s3.9 1.6 4.2 4 M11 3.8a2 2 0 0 1 0 3.8 M12 9.6c1.3.4 2.1 1.9 2.2 3.9',
  lock: 'M3.5 7.5h9v6.5h-9z M5.5 7.5V5.2a2.5 2.5 0 0 1 5 0v2.3',
  user: 'M8 2.5a2.8 2.8 0 1 0 0 5.6a2.8 2.8 0 1 0 0-5.6z M2.5 14c.6-2.9 2.8-4.4 5.5-4.4s4.9 1.5 5.5 4.4',
  help: 'M8 1.5a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13z M6.2 6.3a1.9 1.9 0 1 1 2.7 1.7c-.6.3-.9.7-.9 1.3v.4 M8 11.3v.2',
  signOut: 'M6.5 2.5h-4v11h4 M10 5l3 3-3 3 M13 8H6',
  download: 'M8 2v8.5 M4.5 7L8 10.5 11.5 7 M2.5 13.5h11',
  activity: 'M1.5 8h3l2-5 3 10 2-5h3',
  eyeOff: 'M1.5 8s2.4-4.5 6.5-4.5 6.5 4.5 6.5 4.5-2.4 4.5-6.5 4.5S1.5 8 1.5 8z M2.5 2.5l11 11',
  unplugged: 'M6.5 9.5l-2 2a2 2 0 0 1-2.8-2.8l2-2 M9.5 6.5l2-2a2 2 0 0 1 2.8 2.8l-2 2 M4.5 1.5l1 2 M1.5 4.5l2 1 M11.5 14.5l-1-2 M14.5 11.5l-2-1',
  motion: 'M5.2 4.7a4.7 4.7 0 0 0 0 6.6 M10.8 4.7a4.7 4.7 0 0 1 0 6.6 M3 2.5a7.8 7.8 0 0 0 0 11 M13 2.5a7.8 7.8 0 0 1 0 11 M8 7.3v1.4',
  warning: 'M8 1.8l6.7 12H1.3z M8 6.3v3.6 M8 11.8v.2',
  server: 'M2 2.5h12v4.5H2z M2 9h12v4.5H2z M4.5 4.75h.2 M4.5 11.25h.2',
  close: 'M4 4l8 8 M12 4l-8 8',
  check: 'M3 8.5l3.2 3.2L13 5',
  disabled: 'M8 1.5a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13z M3.4 3.4l9.2 9.2',
  zoomIn: 'M7 2.5a4.5 4.5 0 1 0 0 9a4.5 4.5 0 1 0 0-9z M11 11l3.5 3.5 M5 7h4 M7 5v4',
  zoomOut: 'M7 2.5a4.5 4.5 0 1 0 0 9a4.5 4.5 0 1 0 0-9z M11 11l3.5 3.5 M5 7h4',
  arrowUp: 'M8 13V3 M4 7l4-4 4 4',
  arrowDown: 'M8 3v10 M4 9l4 4 4-4',
  arrowLeft: 'M13 8H3 M7 4L3 8l4 4',
  arrowRight: 'M3 8h10 M9 4l4 4-4 4',
  home: 'M2 7.5L8 2.5l6 5 M3.5 6.5v7h9v-7',
  live: 'M4.2 4.2a5.4 5.4 0 0 0 0 7.6 M11.8 4.2a5.4 5.4 0 0 1 0 7.6 M8 6.6a1.4 1.4 0 1 0 0 2.8a1.4 1.4 0 1 0 0-2.8z',
  clear: 'M8 1.5a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13z M5.7 5.7l4.6 4.6 M10.3 5.7l-4.6 4.6',
  more: 'M3.5 8h.1 M8 8h.1 M12.5 8h.1',
  sidebar: 'M2 2.5h12v11H2z M6 2.5v11',
  info: 'M8 1.5a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13z M8 7v4.5 M8 4.6v.2',
  storage: 'M2.5 3.5c0-1 2.5-1.8 5.5-1.8s5.5.8 5.5 1.8v9c0 1-2.5 1.8-5.5 1.8s-5.5-.8-5.5-1.8z M2.5 3.5c0 1 2.5 1.8 5.5 1.8s5.5-.8 5.5-1.8 M2.5 8c0 1 2.5 1.8 5.5 1.8s5.5-.8 5.5-1.8',
  plug: 'M5.5 1.5v3 M10.5 1.5v3 M3.5 4.5h9v3a4.5 4.5 0 0 1-9 0z M8 12v2.5',
  clock: 'M8 1.5a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13z M8 4.5V8l2.5 1.5',
  rule: 'M2.5 3.5h4 M2.5 8h7 M2.5 12.5h4 M9.5 3.5l2 2 2.5-3 M9.5 12.5l2 2 2.5-3',
  bolt: 'M9 1.5L3.5 9H8l-1 5.5L12.5 7H8z',
  shield: 'M8 1.5l5.5 2v4c0 3.4-2.3 5.9-5.5 7-3.2-1.1-5.5-3.6-5.5-7v-4z',
  pulse: 'M1.5 9h2.5l1.5-3 2 6 2-8 1.5 5h3.5',
  list: 'M5.5 3.5h9 M5.5 8h9 M5.5 12.5h9 M2 3.5h.2 M2 8h.2 M2 12.5h.2',
  refresh: 'M13.5 8A5.5 5.5 0 1 1 11.9 4.1 M12.5 1.5v3h-3',
  bell: 'M4 11.5V7a4 4 0 0 1 8 0v4.5l1.5 1.5h-11z M6.5 13.5a1.5 1.5 0 0 0 3 0',
  mail: 'M1.5 3.5h13v9h-13z M1.5 3.5L8 8.5l6.5-5',
  sound: 'M2 6h2.5L8 3v10L4.5 10H2z M10.5 5.5a3.5 3.5 0 0 1 0 5 M12.5 3.5a6.3 6.3 0 0 1 0 9',
  soundOff: 'M2 6h2.5L8 3v10L4.5 10H2z M10.5 6l4 4 M14.5 6l-4 4',
  microphone: 'M6 3.5a2 2 0 0 1 4 0v4a2 2 0 0 1-4 0z M3.5 7.5a4.5 4.5 0 0 0 9 0 M8 12v2.5 M5.5 14.5h5',
  metadata: 'M3.5 1.5h6l3 3v10h-9z M9.5 1.5v3h3 M5.5 8h5 M5.5 10.5h5',
  input: 'M1.5 8h8 M6.5 5l3 3-3 3 M9.5 2.5h5v11h-5',
  output: 'M5 4.5h6a3.5 3.5 0 0 1 0 7H5a3.5 3.5 0 0 1 0-7z M11 6.2a1.8 1.8 0 1 0 0 3.6a1.8 1.8 0 1 0 0-3.6z',
} as const;

/** Filled shapes, for marks that must read as solid at 8–10 px (record dot, stop square). */
const FILLS = {
  record: 'M8 3.5a4.5 4.5 0 1 0 0 9a4.5 4.5 0 1 0 0-9z',
  stop: 'M4 4h8v8H4z',
  dot: 'M8 5a3 3 0 1 0 0 6a3 3 0 1 0 0-6z',
  logo: 'M1 8c2-3.6 4.5-5.4 7-5.4s5 1.8 7 5.4c-2 3.6-4.5 5.4-7 5.4S3 11.6 1 8z',
} as const;

export type IconName = keyof typeof STROKES | keyof typeof FILLS;

export interface IconProps {
  name: IconName;
  size?: number;
  className?: string;
  /** A label for icons that carry meaning on their own; decorative icons stay hidden from readers. */
  title?: string;
}

export function Icon({ name, size = 16, className, title }: IconProps) {
  const a11y = title ? { role: 'img', 'aria-label': title } : { 'aria-hidden': true };
  const cls = `icon${className ? ` ${className}` : ''}`;
  if (name === 'logo') {
    return (
      <svg className={cls} width={size} height={size} viewBox="0 0 16 16" {...a11y}>
        <path d={FILLS.logo} fill="var(--accent)" />
        <circle cx="8" cy="8" r="2.6" fill="var(--bg-app)" />
        <circle cx="8.7" cy="7.4" r="0.9" fill="#fff" />
      </svg>
    );
  }
  if (name in FILLS) {
    return (
      <svg className={cls} width={size} height={size} viewBox="0 0 16 16" {...a11y}>
        <path d={FILLS[name as keyof typeof FILLS]} fill="currentColor" />
      </svg>
    );
  }
  return (
    <svg className={cls} width={size} height={size} viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth={1.4}
      strokeLinecap="round" strokeLinejoin="round" {...a11y}>
      <path d={STROKES[name as keyof typeof STROKES]} />
    </svg>
  );
}
