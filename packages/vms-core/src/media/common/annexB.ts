/**
 * Annex B byte streams (NAL units separated by 00 00 01 / 00 00 00 01 start codes), as ffmpeg
 * writes with `-f h264`. The splitter is incremental because a pipe delivers arbitrary chunks:
 * a NAL is complete only once the next start code has been seen.
 */

/** Index of the next 00 00 01 at or after `from`, or -1. */
function findStartCode(buf: Uint8Array, from: number): number {
  const end = buf.length - 2;
  for (let i = from; i < end; i++) {
    // Skip ahead quickly: a start code needs buf[i+2] === 1 and two zeros before it.
    const b2 = buf[i + 2]!;
    if (b2 > 1) {
      i += 2;
      continue;
    }
    if (b2 === 1 && buf[i] === 0 && buf[i + 1] === 0) return i;
  }
  return -1;
}

/** Drops trailing_zero_8bits (and the leading zero of a 4-byte start code that follows). */
function trimTrailingZeros(nal: Uint8Array): Uint8Array {
  let end = nal.length;
  while (end > 0 && nal[end - 1] === 0) end--;
  return end === nal.length ? nal : nal.subarray(0, end);
}

/** Splits a complete Annex B buffer into NAL units (views into `buf`, no copies). */
export function splitAnnexB(buf: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  let sc = findStartCode(buf, 0);
  while (sc >= 0) {
    const start = sc + 3;
    const next = findStartCode(buf, start);
    const nal = trimTrailingZeros(buf.subarray(start, next < 0 ? buf.length : next));
    if (nal.length > 0) out.push(nal);
    sc = next;
  }
  return out;
}

/** Incremental splitter: push chunks, receive complete NAL units. */
export class AnnexBSplitter {
  private pending: Uint8Array = new Uint8Array(0);
  /** Where scanning resumes in `pending`, so each byte is scanned once. */
  private scanFrom = 0;
  /** Offset of the current NAL's first byte in `pending`, or -1 before the first start code. */
  private nalStart = -1;

  /** Adds bytes; returns NAL units that are now known to be complete. */
  push(chunk: Uint8Array): Uint8Array[] {
    if (this.pending.length === 0) {
      this.pending = chunk;
    } else {
      const joined = new Uint8Array(this.pending.length + chunk.length);
      joined.set(this.pending);
      joined.set(chunk, this.pending.length);
      this.pending = joined;
    }
    const out: Uint8Array[] = [];
    for (;;) {
      const sc = findStartCode(this.pending, this.scanFrom);
      if (sc < 0) break;
      if (this.nalStart >= 0) {
        const nal = trimTrailingZeros(this.pending.subarray(this.nalStart, sc));
        if (nal.length > 0) out.push(nal);
      }
      this.nalStart = sc + 3;
      this.scanFrom = sc + 3;
    }
    // Keep only the unfinished NAL (plus 2 bytes that may begin a split start code).
    const keepFrom = this.nalStart >= 0 ? this.nalStart : Math.max(0, this.pending.length - 2);
    const rescan = Math.max(keepFrom, this.pending.length - 2);
    // `pending` is never written in place, so a view suffices; push() copies when joining.
    this.pending = this.pending.subarray(keepFrom);
    this.scanFrom = rescan - keepFrom;
    if (this.nalStart >= 0) this.nalStart = 0;
    return out;
  }

  /** Returns the last NAL at end of stream. */
  flush(): Uint8Array[] {
    const out: Uint8Array[] = [];
    if (this.nalStart >= 0) {
      const nal = trimTrailingZeros(this.pending.subarray(this.nalStart));
      if (nal.length > 0) out.push(nal);
    }
    this.pending = new Uint8Array(0);
    this.scanFrom = 0;
    this.nalStart = -1;
    return out;
  }
}

/** Builds an Annex B stream (4-byte start codes); used by tests and fuzzers. */
export function joinAnnexB(nals: Uint8Array[]): Uint8Array {
  const total = nals.reduce((n, nal) => n + 4 + nal.length, 0);
  const out = new Uint8Array(total);
  let o = 0;
  for (const nal of nals) {
    out.set([0, 0, 0, 1], o);
    out.set(nal, o + 4);
    o += 4 + nal.length;
  }
  return out;
}
