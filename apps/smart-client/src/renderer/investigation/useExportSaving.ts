/**
 * Saves finished exports where the operator asked: into the chosen folder through the desktop
 * app, or as a browser download. Mounted once, by the shell's ExportSaving, so a job that finishes
 * after its dialog closed is still saved; the session's ExportSaves hands each job to one saver.
 */
import { useEffect, useSyncExternalStore } from 'react';
import { useQuery } from '@tanstack/react-query';
import { exportsQuery } from '@nightjar/ui';
import type { ExportJobBody, SiteClient } from '@nightjar/ui';
import { desktopApi } from '../../common/desktopApi';
import { useSite } from '../session/siteContext';
import { exportSavesOf } from './exportSaves';
import type { SaveDestination } from './exportSaves';

export function useExportSaving(): void {
  const { client, queryClient } = useSite();
  const saves = exportSavesOf(queryClient);
  const entries = useSyncExternalStore(saves.subscribe, saves.getSnapshot);
  const waiting = Object.values(entries).some((s) => s.kind === 'waiting');
  const jobs = useQuery({ ...exportsQuery(client), enabled: waiting });

  useEffect(() => {
    for (const job of jobs.data ?? []) {
      if (saves.get(job.id)?.kind !== 'waiting') continue;
      // Nothing to save: the job failed, was cancelled, or found nothing recorded in its range.
      if (job.state === 'failed' || job.state === 'cancelled' || (job.state === 'done' && job.files.length === 0)) {
        saves.forget(job.id);
        continue;
      }
      if (job.state !== 'done') continue;
      const destination = saves.claim(job.id);
      if (!destination) continue;
      saveJob(client, job, destination).then(
        (paths) => saves.finish(job.id, { paths }),
        (e: unknown) => saves.finish(job.id, { message: e instanceof Error ? e.message : String(e) }),
      );
    }
  }, [jobs.data, saves, client]);
}

/** Saves every file of a finished job; resolves with where each went. */
export async function saveJob(client: SiteClient, job: ExportJobBody, destination: SaveDestination): Promise<string[]> {
  const desktop = desktopApi();
  const paths: string[] = [];
  for (const file of job.files) {
    const url = client.resolveUrl(file.downloadUrl);
    if (destination.kind === 'folder' && desktop) {
      paths.push((await desktop.saveDownload({ url, folder: destination.path, fileName: file.name })).path);
    } else {
      browserDownload(url, file.name);
      paths.push(file.name);
    }
  }
  return paths;
}

/** The browser's own download of a link (the site answers with content-disposition: attachment). */
export function browserDownload(url: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
}
