import { H265Nal } from '../../../media/common/h265';
import type { Time90k } from '../../../media/common/types';
import { Depacketizer } from './depacketizer';

/**
 * RFC 7798 without DONL (sprop-max-don-diff = 0, what cameras send): single NAL unit packets,
 * aggregation packets (AP) and fragmentation units (FU). PACI is treated as malformed.
 */
export class H265Depacketizer extends Depacketizer {
  protected depacketize(payload: Uint8Array, time90k: Time90k): boolean {
    if (payload.length < 3) return false;
    const b0 = payload[0]!;
    if (b0 & 0x80) return false; // forbidden_zero_bit
    const type = (b0 >> 1) & 0x3f;
    if (type < H265Nal.ap) {
      if (this.inFragment) return false;
      this.assembler.push(payload, time90k);
      return true;
    }
    if (type === H265Nal.ap) return this.aggregate(payload.subarray(2), time90k);
    if (type === H265Nal.fu) {
      const fu = payload[2]!;
      const start = (fu & 0x80) !== 0;
      const end = (fu & 0x40) !== 0;
      if (start && end) return false;
      // The NAL header is the payload header with the FU's type put back.
      const header = start ? Uint8Array.of((b0 & 0x81) | ((fu & 0x3f) << 1), payload[1]!) : EMPTY;
      return this.fragment(header, payload.subarray(3), start, end, time90k);
    }
    return false;
  }
}

const EMPTY = new Uint8Array(0);
