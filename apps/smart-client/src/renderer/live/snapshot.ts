/**
 * Saving a camera's current picture. In Electron the file goes to a folder the operator chose
 * (remembered for the next one); in a browser it is a download. The file name says which camera
 * and when, so a folder of snapshots sorts by time.
 */
import type { DesktopApi } from '../../common/desktopApi';

const FOLDER_KEY = 'nightjar.smartClient.snapshotFolder';

/** "Lobby 2026-03-01 10-04-05.jpg": no characters file systems refuse, local time as shown on the tile. */
export function snapshotFileName(cameraName: string, at: Date): string {
  const printable = [...cameraName].map((ch) => (ch.charCodeAt(0) < 32 ? ' ' : ch)).join('');
  const safe = printable.replace(/[\\/:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80) || 'camera';
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${pad(at.getHours())}-${pad(at.getMinutes())}-${pad(at.getSeconds())}`;
  return `${safe} ${stamp}.jpg`;
}

/** Resolves with where it went (a path in Electron, the file name in a browser), or null when cancelled. */
export async function saveSnapshot(o: { url: string; fileName: string; desktop: DesktopApi | null }): Promise<string | null> {
  if (o.desktop) {
    let folder = localStorage.getItem(FOLDER_KEY);
    if (!folder) {
      folder = (await o.desktop.chooseExportFolder({})).path;
      if (!folder) return null;
      localStorage.setItem(FOLDER_KEY, folder);
    }
    return (await o.desktop.saveDownload({ url: o.url, folder, fileName: o.fileName })).path;
  }
  const response = await fetch(o.url, { cache: 'no-store' });
  if (!response.ok) throw new Error(`the site answered ${response.status} for the snapshot`);
  const href = URL.createObjectURL(await response.blob());
  try {
    const a = document.createElement('a');
    a.href = href;
    a.download = o.fileName;
    a.click();
  } finally {
    // Revoked after the click has started the download.
    setTimeout(() => URL.revokeObjectURL(href), 10_000);
  }
  return o.fileName;
}
