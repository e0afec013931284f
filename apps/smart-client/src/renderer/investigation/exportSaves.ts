/**
 * Where finished exports go. The site keeps an export's files until they are fetched; the client
 * remembers, per job it created, where the operator wanted them (a folder in the desktop app, or
 * a browser download) and what became of that. Kept in sessionStorage so a reload of the window
 * does not forget a running export, and one instance per signed-in session (keyed by its query
 * cache), so the export dialog, the status dialog and the shell see the same list.
 */
import type { QueryClient } from '@tanstack/react-query';

export type SaveDestination = { kind: 'download' } | { kind: 'folder'; path: string };

export type SaveState =
  | { kind: 'waiting'; destination: SaveDestination }
  | { kind: 'saving'; destination: SaveDestination }
  | { kind: 'saved'; destination: SaveDestination; paths: string[] }
  | { kind: 'failed'; destination: SaveDestination; message: string };

const STORAGE_KEY = 'nightjar.exportSaves';
/** Older entries are dropped: the site forgets finished jobs too. */
const MAX_ENTRIES = 50;

export class ExportSaves {
  private entries: Record<string, SaveState>;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly storage: Pick<Storage, 'getItem' | 'setItem'> | undefined) {
    this.entries = read(storage);
  }

  get(jobId: string): SaveState | undefined {
    return this.entries[jobId];
  }

  /** Jobs whose files still have to be saved once they are done. */
  waiting(): string[] {
    return Object.entries(this.entries).filter(([, s]) => s.kind === 'waiting').map(([id]) => id);
  }

  add(jobId: string, destination: SaveDestination): void {
    this.set(jobId, { kind: 'waiting', destination });
  }

  /** Takes a waiting job for saving; false when another part of the window already took it. */
  claim(jobId: string): SaveDestination | undefined {
    const s = this.entries[jobId];
    if (s?.kind !== 'waiting') return undefined;
    this.set(jobId, { kind: 'saving', destination: s.destination });
    return s.destination;
  }

  finish(jobId: string, result: { paths: string[] } | { message: string }): void {
    const s = this.entries[jobId];
    if (!s) return;
    this.set(jobId, 'paths' in result ? { kind: 'saved', destination: s.destination, paths: result.paths }
      : { kind: 'failed', destination: s.destination, message: result.message });
  }

  /** The job ended without files (failed, cancelled): nothing to save. */
  forget(jobId: string): void {
    if (!(jobId in this.entries)) return;
    const { [jobId]: _, ...rest } = this.entries;
    this.entries = rest;
    this.changed();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** A value that changes whenever anything does (for useSyncExternalStore). */
  getSnapshot = (): Record<string, SaveState> => this.entries;

  private set(jobId: string, state: SaveState): void {
    const { [jobId]: _, ...rest } = this.entries;
    const ids = Object.keys(rest);
    const kept = ids.slice(Math.max(0, ids.length - (MAX_ENTRIES - 1)));
    this.entries = { ...Object.fromEntries(kept.map((id) => [id, rest[id]!])), [jobId]: state };
    this.changed();
  }

  private changed(): void {
    try {
      this.storage?.setItem(STORAGE_KEY, JSON.stringify(this.entries));
    } catch {
      // Storage full or denied: the list still works for this page's lifetime.
    }
    for (const l of [...this.listeners]) l();
  }
}

function read(storage: Pick<Storage, 'getItem'> | undefined): Record<string, SaveState> {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(STORAGE_KEY) ?? '{}');
    if (typeof parsed !== 'object' || parsed === null) return {};
    const entries = parsed as Record<string, SaveState>;
    // A save that was running when the page went away never finished: try it again.
    for (const [id, s] of Object.entries(entries)) if (s.kind === 'saving') entries[id] = { kind: 'waiting', destination: s.destination };
    return entries;
  } catch {
    return {};
  }
}

const perSession = new WeakMap<QueryClient, ExportSaves>();

/** The session's list: one per query cache (that is, per signed-in session), made on first use. */
export function exportSavesOf(queryClient: QueryClient): ExportSaves {
  let saves = perSession.get(queryClient);
  if (!saves) {
    saves = new ExportSaves(typeof sessionStorage === 'undefined' ? undefined : sessionStorage);
    perSession.set(queryClient, saves);
  }
  return saves;
}
