/**
 * The export dialog's form as data: what the operator filled in, what is wrong with it (each
 * problem next to its field), and the request it becomes. The site checks everything again;
 * this catches what can be caught before a round trip, in the operator's words.
 */
import type { CreateExportBody } from '@nightjar/ui';

export type ExportFormat = 'mp4' | 'mkv' | 'native';

export interface ExportForm {
  cameraIds: readonly string[];
  fromMs: number;
  toMs: number;
  format: ExportFormat;
  /** Native only: encrypt the bundle. */
  encrypt: boolean;
  password: string;
  confirm: string;
  /** Electron: a folder to save into (null until chosen); the browser downloads instead. */
  destination: { kind: 'download' } | { kind: 'folder'; path: string | null };
}

export type ExportField = 'cameras' | 'range' | 'password' | 'confirm' | 'destination';
export type ExportProblems = Partial<Record<ExportField, string>>;

/** vms-core CreateExportRequest limits. */
export const MAX_EXPORT_CAMERAS = 64;
export const MIN_PASSWORD_LENGTH = 8;
/** Longer exports are allowed, but a day of many cameras is hours of work and many gigabytes. */
export const LONG_EXPORT_MS = 24 * 3600_000;

export function exportProblems(form: ExportForm, nowMs: number): ExportProblems {
  const p: ExportProblems = {};
  if (form.cameraIds.length === 0) p.cameras = 'Choose at least one camera.';
  else if (form.cameraIds.length > MAX_EXPORT_CAMERAS) p.cameras = `At most ${MAX_EXPORT_CAMERAS} cameras per export.`;
  if (!Number.isFinite(form.fromMs) || !Number.isFinite(form.toMs)) p.range = 'Enter a start and an end.';
  else if (form.toMs <= form.fromMs) p.range = 'The end must be after the start.';
  else if (form.fromMs >= nowMs) p.range = 'The range starts in the future: nothing is recorded there yet.';
  if (form.format === 'native' && form.encrypt) {
    if (form.password.length < MIN_PASSWORD_LENGTH) p.password = `At least ${MIN_PASSWORD_LENGTH} characters.`;
    else if (form.confirm !== form.password) p.confirm = 'The passwords differ.';
  }
  if (form.destination.kind === 'folder' && !form.destination.path) p.destination = 'Choose a folder to save the export in.';
  return p;
}

/** A warning that does not block (shown under the range). */
export function exportWarning(form: ExportForm, nowMs: number): string | undefined {
  if (!(form.toMs > form.fromMs)) return undefined;
  if (form.toMs - form.fromMs > LONG_EXPORT_MS) return 'More than a day of video: this export may take a long time and much space.';
  if (form.toMs > nowMs) return 'The range reaches into the future; the export ends at what is recorded when it runs.';
  return undefined;
}

export function exportRequest(form: ExportForm): CreateExportBody {
  return {
    cameraIds: [...new Set(form.cameraIds)],
    from: new Date(form.fromMs).toISOString(),
    to: new Date(form.toMs).toISOString(),
    format: form.format,
    ...(form.format === 'native' && form.encrypt ? { password: form.password } : {}),
  };
}

export const FORMAT_CHOICES: readonly { format: ExportFormat; label: string; detail: string }[] = [
  { format: 'mp4', label: 'MP4', detail: 'Plays in any player; one file per camera.' },
  { format: 'mkv', label: 'MKV', detail: 'Matroska; one file per camera.' },
  { format: 'native', label: 'Native (signed)', detail: 'Tamper-evident bundle that can be verified offline; optional password.' },
];
