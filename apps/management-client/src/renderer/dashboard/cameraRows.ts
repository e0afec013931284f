/**
 * The system monitor's camera table: every camera of every server, with its storage's name,
 * filtered by words and to the ones with a problem, problems first then by name, so an
 * installer with hundreds of cameras sees what is wrong without scrolling.
 */
import type { SystemStatusBody } from '@nightjar/vms-core';

type ServerStatus = SystemStatusBody['servers'][number];
export type CameraStatusRow = ServerStatus['cameras'][number] & { serverName: string; storageName: string; problem: boolean };

export interface CameraFilter {
  text: string;
  problemsOnly: boolean;
}

/** An enabled camera that is not delivering video. A camera not recording is not a problem: its mode decides that. */
export function hasProblem(c: { enabled: boolean; connection: string | null }): boolean {
  return c.enabled && c.connection !== 'streaming';
}

export function cameraRows(status: SystemStatusBody, filter: CameraFilter): CameraStatusRow[] {
  const words = filter.text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const rows: CameraStatusRow[] = [];
  for (const server of status.servers) {
    const storages = new Map(server.storages.map((s) => [s.id, s.name]));
    for (const c of server.cameras) {
      const row = { ...c, serverName: server.name, storageName: storages.get(c.storageId) ?? c.storageId, problem: hasProblem(c) };
      if (filter.problemsOnly && !row.problem) continue;
      const haystack = `${row.name} ${row.serverName} ${row.storageName}`.toLowerCase();
      if (words.every((w) => haystack.includes(w))) rows.push(row);
    }
  }
  return rows.sort((a, b) => Number(b.problem) - Number(a.problem) || a.name.localeCompare(b.name, undefined, { numeric: true }) || a.cameraId.localeCompare(b.cameraId));
}
