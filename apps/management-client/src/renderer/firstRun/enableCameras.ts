/**
 * The Enable step: each camera's name and whether it runs, edited in a table and saved as one
 * updateCamera per camera that changed (each camera's change is whole on the site; a refused one
 * keeps its row's error and edits for another try).
 */
import type { CameraBody } from '@nightjar/ui';

/** The site's limit on camera names (UpdateCameraRequest). */
export const CAMERA_NAME_MAX = 200;

export interface CameraEdit {
  name: string;
  enabled: boolean;
}

export interface CameraChange {
  cameraId: string;
  body: { name?: string; enabled?: boolean };
}

export function editsOf(cameras: readonly CameraBody[]): Record<string, CameraEdit> {
  return Object.fromEntries(cameras.map((c) => [c.id, { name: c.name, enabled: c.enabled }]));
}

export function cameraNameProblem(name: string): string | undefined {
  if (name.trim() === '') return 'The camera needs a name.';
  if (name.trim().length > CAMERA_NAME_MAX) return `At most ${CAMERA_NAME_MAX} characters.`;
  return undefined;
}

export function cameraChanges(cameras: readonly CameraBody[], edits: Readonly<Record<string, CameraEdit>>): CameraChange[] {
  const out: CameraChange[] = [];
  for (const c of cameras) {
    const e = edits[c.id];
    if (!e) continue;
    const body = {
      ...(e.name.trim() !== c.name ? { name: e.name.trim() } : {}),
      ...(e.enabled !== c.enabled ? { enabled: e.enabled } : {}),
    };
    if (Object.keys(body).length > 0) out.push({ cameraId: c.id, body });
  }
  return out;
}

/** New cameras first (in the order added), then the others by name: the ones just found are what the step is about. */
export function enableOrder(cameras: readonly CameraBody[], addedIds: readonly string[]): CameraBody[] {
  const rank = (c: CameraBody) => { const i = addedIds.indexOf(c.id); return i < 0 ? Number.MAX_SAFE_INTEGER : i; };
  return [...cameras].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, undefined, { numeric: true }));
}
