import type { AccessUnitAssembler } from '../../../media/common/accessUnitAssembler';
import { GrowableBytes } from '../../../media/common/growableBytes';
import type { Time90k } from '../../../media/common/types';
import type { RtpPacket } from './rtp';
import { sequenceDelta } from './rtp';

export interface DepacketizerStats {
  packets: number;
  /** Packets missing from the sequence. */
  lost: number;
  /** Late or duplicate packets, ignored. */
  outOfOrder: number;
  /** Packets whose payload made no sense; their access unit is dropped. */
  malformed: number;
}

/**
 * What H.264 and H.265 depacketization share: sequence checking and fragment reassembly.
 * Malformed input never throws: a depacketizer runs per packet on untrusted data, so the
 * damaged access unit is dropped and the assembler waits for the next key frame.
 */
export abstract class Depacketizer {
  readonly stats: DepacketizerStats = { packets: 0, lost: 0, outOfOrder: 0, malformed: 0 };
  private expectedSeq: number | undefined;
  /** The fragmented NAL being rebuilt, header first: copied, since packets are views into a reused read buffer. */
  private readonly fragmentNal = new GrowableBytes();
  private fragmenting = false;
  /** A single NAL larger than this is taken as an attack or a bug, not video. */
  protected static readonly MAX_NAL_BYTES = 16 << 20;

  constructor(protected readonly assembler: AccessUnitAssembler) {}

  push(packet: RtpPacket, time90k: Time90k): void {
    this.stats.packets++;
    if (this.expectedSeq !== undefined && packet.sequence !== this.expectedSeq) {
      const delta = sequenceDelta(this.expectedSeq, packet.sequence);
      if (delta < 0) {
        this.stats.outOfOrder++;
        return;
      }
      this.stats.lost += delta;
      this.loss();
    }
    this.expectedSeq = (packet.sequence + 1) & 0xffff;
    if (!this.depacketize(packet.payload, time90k)) {
      this.stats.malformed++;
      this.loss();
    }
    if (packet.marker) {
      if (this.fragmenting) {
        // The picture ended inside a fragmented NAL: the end fragment never came.
        this.stats.malformed++;
        this.loss();
      } else {
        this.assembler.end();
      }
    }
  }

  /** Handles one payload; returns false when it is malformed. */
  protected abstract depacketize(payload: Uint8Array, time90k: Time90k): boolean;

  protected loss(): void {
    this.dropFragments();
    this.assembler.discard();
  }

  /** Splits an aggregation packet body of (16-bit size, NAL) entries. */
  protected aggregate(body: Uint8Array, time90k: Time90k): boolean {
    if (this.fragmenting) return false;
    let off = 0;
    let count = 0;
    while (off + 2 <= body.length) {
      const size = (body[off]! << 8) | body[off + 1]!;
      off += 2;
      if (size === 0 || off + size > body.length) return false;
      this.assembler.push(body.subarray(off, off + size), time90k);
      off += size;
      count++;
    }
    return count > 0 && off === body.length;
  }

  /** Adds a fragment; on the last one, hands the rebuilt NAL (header and fragments) to the assembler. */
  protected fragment(header: Uint8Array, body: Uint8Array, start: boolean, end: boolean, time90k: Time90k): boolean {
    if (start) {
      if (this.fragmenting) return false;
      this.fragmenting = true;
      this.fragmentNal.append(header);
    } else if (!this.fragmenting) {
      return false;
    }
    if (this.fragmentNal.length + body.length > Depacketizer.MAX_NAL_BYTES) return false;
    this.fragmentNal.append(body);
    if (!end) return true;
    this.assembler.push(this.fragmentNal.bytes(), time90k);
    this.dropFragments();
    return true;
  }

  protected get inFragment(): boolean {
    return this.fragmenting;
  }

  private dropFragments(): void {
    this.fragmentNal.reset();
    this.fragmenting = false;
  }
}
