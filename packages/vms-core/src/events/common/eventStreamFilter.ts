/**
 * What a client of the live event stream asks for: some event types, from some sources. Both
 * optional; an absent list means any. Parsed from the client's JSON by hand so a problem names
 * its field ("filter.types[2]"), as the REST routes' 400s do.
 */
import type { EventType, VmsEvent } from './vmsEvent';
import { EVENT_TYPES } from './vmsEvent';

export interface EventStreamFilter {
  types?: EventType[];
  /** Source ids: cameras, inputs, outputs, hardware, storages, recording servers, user-defined and generic events, analytics sources. */
  sourceIds?: string[];
}

export const EVENT_STREAM_LIMITS = { maxSourceIds: 500, maxIdLength: 200 } as const;

export type FilterParse = { ok: true; filter: EventStreamFilter } | { ok: false; field: string; message: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseEventStreamFilter(raw: unknown, field = 'filter'): FilterParse {
  if (raw === undefined) return { ok: true, filter: {} };
  if (!isRecord(raw)) return { ok: false, field, message: 'an object with "types" and/or "sourceIds"' };
  const extra = Object.keys(raw).find((k) => k !== 'types' && k !== 'sourceIds');
  if (extra) return { ok: false, field: `${field}.${extra}`, message: 'not a filter field: use "types" or "sourceIds"' };
  const filter: EventStreamFilter = {};
  if (raw.types !== undefined) {
    if (!Array.isArray(raw.types) || raw.types.length === 0) return { ok: false, field: `${field}.types`, message: 'a non-empty list of event types, or leave it out for any' };
    const bad = raw.types.findIndex((t) => !(EVENT_TYPES as readonly unknown[]).includes(t));
    if (bad >= 0) return { ok: false, field: `${field}.types[${bad}]`, message: `unknown event type ${JSON.stringify(raw.types[bad])}; one of ${EVENT_TYPES.join(', ')}` };
    filter.types = [...new Set(raw.types as EventType[])];
  }
  if (raw.sourceIds !== undefined) {
    const ids = raw.sourceIds;
    if (!Array.isArray(ids) || ids.length === 0 || ids.length > EVENT_STREAM_LIMITS.maxSourceIds) {
      return { ok: false, field: `${field}.sourceIds`, message: `a list of 1 to ${EVENT_STREAM_LIMITS.maxSourceIds} source ids, or leave it out for any` };
    }
    const bad = ids.findIndex((id) => typeof id !== 'string' || id === '' || id.length > EVENT_STREAM_LIMITS.maxIdLength);
    if (bad >= 0) return { ok: false, field: `${field}.sourceIds[${bad}]`, message: `a source id of 1 to ${EVENT_STREAM_LIMITS.maxIdLength} characters` };
    filter.sourceIds = [...new Set(ids as string[])];
  }
  return { ok: true, filter };
}

/** A filter compiled for the hot path: the stream checks every event against every client's. */
export function compileEventStreamFilter(f: EventStreamFilter): (e: Pick<VmsEvent, 'type' | 'source'>) => boolean {
  const types = f.types ? new Set<string>(f.types) : undefined;
  const sources = f.sourceIds ? new Set(f.sourceIds) : undefined;
  return (e) => (types === undefined || types.has(e.type)) && (sources === undefined || sources.has(e.source.id));
}
