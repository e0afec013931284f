import type { Db } from '../../base/node/sqlite';
import type { Time90k } from '../../media/common/types';
import type { Sequence } from '../common/types';

/** Recordings closer together than this are one sequence on the timeline (one frame at 1 fps). */
export const SEQUENCE_TOLERANCE_90K = 90_000;

type SpanKind = 'recording' | 'motion';

/**
 * The timeline's queries. Each reads only the index entries that can overlap the range: the
 * lower bound on start is `from − the longest span of that kind ever stored` (kept in
 * span_limit), and open spans come from partial indexes. Rows come back as arrays (no
 * objects per row) and are merged in one pass; merging in SQL with window functions measured
 * twice as slow (bench/indexQuery.ts).
 */
export class TimelineQueries {
  private readonly longest = new Map<SpanKind, number>();
  private readonly merged: Record<SpanKind, ReturnType<Db['prepare']>>;

  constructor(private readonly db: Db) {
    for (const r of db.prepare('SELECT kind, max_90k AS m FROM span_limit').all() as { kind: SpanKind; m: number }[]) {
      this.longest.set(r.kind, r.m);
    }
    this.merged = { recording: this.prepareMerged('recording'), motion: this.prepareMerged('motion_event') };
  }

  /** Lower bound for a query from `from90k`: no span of this kind started earlier and still overlaps. */
  lowerBound(kind: SpanKind, from90k: Time90k): Time90k {
    return from90k - (this.longest.get(kind) ?? 0);
  }

  /** Records the length of a span that just closed (inside the caller's transaction). */
  noteClosed(kind: SpanKind, length90k: number): void {
    if (length90k <= (this.longest.get(kind) ?? 0)) return;
    this.db.prepare('INSERT OR REPLACE INTO span_limit (kind, max_90k) VALUES (?, ?)').run(kind, length90k);
    this.longest.set(kind, length90k);
  }

  /** Merged spans of one camera overlapping [from, to), clipped to it; open spans end at openEnd. */
  spans(kind: SpanKind, cameraId: string, from90k: Time90k, to90k: Time90k, openEnd90k: Time90k): Sequence[] {
    const rows = this.merged[kind].raw().all({
      cam: cameraId, from: from90k, to: to90k, lower: this.lowerBound(kind, from90k), openEnd: openEnd90k,
    }) as [number, number][];
    const out: Sequence[] = [];
    let last: Sequence | undefined;
    for (const [s, e] of rows) {
      if (last && s <= last.end90k + SEQUENCE_TOLERANCE_90K) {
        if (e > last.end90k) last.end90k = e;
      } else {
        out.push((last = { start90k: s, end90k: e }));
      }
    }
    for (const span of out) {
      span.start90k = Math.max(span.start90k, from90k);
      span.end90k = Math.min(span.end90k, to90k);
    }
    return out;
  }

  private prepareMerged(table: 'recording' | 'motion_event') {
    // The planner would serve the open branch from the span index, reading the camera's whole
    // history; the partial index holds only open rows (bench/indexQuery.ts: 76 ms → 14 ms p95).
    const openIndex = table === 'recording' ? 'recording_open' : 'motion_open';
    return this.db.prepare(`
      SELECT start_90k, end_90k FROM ${table}
        WHERE camera_id = @cam AND start_90k < @to AND start_90k >= @lower AND end_90k > @from
      UNION ALL
      SELECT start_90k, @openEnd FROM ${table} INDEXED BY ${openIndex}
        WHERE camera_id = @cam AND end_90k IS NULL AND start_90k < @to AND @openEnd > @from
      ORDER BY 1`);
  }
}
