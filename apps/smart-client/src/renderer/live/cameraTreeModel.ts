/**
 * The camera tree as data: folders from each camera's `group` path ("Building A/Lobby"), the
 * search filter, and the one status a row shows. Pure, so grouping, sorting and filtering are
 * tested without rendering. Only cameras the site listed appear: it already leaves out those
 * the user has no right on.
 */
import type { CameraBody, CameraStatusBody } from '@nightjar/ui';

export interface CameraFolder {
  /** '' for the root; otherwise the segments joined by '/'. */
  path: string;
  name: string;
  folders: CameraFolder[];
  cameras: CameraBody[];
  /** Cameras in this folder and below. */
  count: number;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function segmentsOf(group: string | undefined): string[] {
  return (group ?? '').split('/').map((s) => s.trim()).filter(Boolean);
}

export function buildCameraTree(cameras: readonly CameraBody[]): CameraFolder {
  const root: CameraFolder = { path: '', name: '', folders: [], cameras: [], count: 0 };
  for (const camera of cameras) {
    let folder = root;
    folder.count++;
    for (const segment of segmentsOf(camera.group)) {
      const path = folder.path ? `${folder.path}/${segment}` : segment;
      let child = folder.folders.find((f) => f.path === path);
      if (!child) {
        child = { path, name: segment, folders: [], cameras: [], count: 0 };
        folder.folders.push(child);
      }
      child.count++;
      folder = child;
    }
    folder.cameras.push(camera);
  }
  sortFolder(root);
  return root;
}

/** Natural order ("Cam 2" before "Cam 10"); folders before cameras, as file managers do. */
function sortFolder(folder: CameraFolder): void {
  folder.folders.sort((a, b) => collator.compare(a.name, b.name));
  folder.cameras.sort((a, b) => collator.compare(a.name, b.name) || a.id.localeCompare(b.id));
  folder.folders.forEach(sortFolder);
}

/**
 * The tree with only what matches every word of the query (case- and accent-insensitive) in
 * the camera's name or its folder path, so "lobby north" finds "North door" in "Lobby". Null
 * when nothing matches.
 */
export function filterCameraTree(root: CameraFolder, query: string): CameraFolder | null {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return root;
  const visit = (folder: CameraFolder): CameraFolder | null => {
    const cameras = folder.cameras.filter((c) => {
      const text = fold(`${folder.path} ${c.name}`);
      return words.every((w) => text.includes(w));
    });
    const folders = folder.folders.map(visit).filter((f): f is CameraFolder => f !== null);
    const count = cameras.length + folders.reduce((n, f) => n + f.count, 0);
    return count === 0 ? null : { ...folder, folders, cameras, count };
  };
  return visit(root);
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** Every folder path in a tree, e.g. to expand all while a search is active. */
export function folderPaths(root: CameraFolder): string[] {
  return root.folders.flatMap((f) => [f.path, ...folderPaths(f)]);
}

export type CameraCondition = 'disabled' | 'disconnected' | 'connecting' | 'live' | 'unknown';

export interface CameraIndicators {
  condition: CameraCondition;
  recording: boolean;
  motion: boolean;
  /** Why it is disconnected, for the row's tooltip. */
  detail?: string;
}

/**
 * What a row or tile shows for a camera. A disabled camera says only that; a lost connection
 * outranks recording (the recorder may still be flushing its pre-buffer) but motion and
 * recording keep their marks while connected.
 */
export function cameraIndicators(camera: Pick<CameraBody, 'enabled'>, status: CameraStatusBody | undefined): CameraIndicators {
  if (!camera.enabled || status?.enabled === false) return { condition: 'disabled', recording: false, motion: false };
  if (!status) return { condition: 'unknown', recording: false, motion: false };
  const state = status.connection?.state;
  const detail = status.connection?.error?.message ?? status.lastError?.message;
  if (state === 'lost' || state === 'stopped' || status.connection === null) {
    return { condition: 'disconnected', recording: false, motion: false, ...(detail ? { detail } : {}) };
  }
  if (state === 'connecting') return { condition: 'connecting', recording: status.recording, motion: false };
  return { condition: 'live', recording: status.recording, motion: status.motion };
}
