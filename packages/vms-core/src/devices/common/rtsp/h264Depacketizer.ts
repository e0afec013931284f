import { H264Nal } from '../../../media/common/h264';
import type { Time90k } from '../../../media/common/types';
import { Depacketizer } from './depacketizer';

/**
 * RFC 6184 packetization mode 0/1: single NAL unit packets, STAP-A and FU-A. Interleaved mode
 * (STAP-B, MTAP, FU-B) is not used by cameras and is treated as malformed.
 */
export class H264Depacketizer extends Depacketizer {
  protected depacketize(payload: Uint8Array, time90k: Time90k): boolean {
    if (payload.length < 1) return false;
    const b0 = payload[0]!;
    if (b0 & 0x80) return false; // forbidden_zero_bit
    const type = b0 & 0x1f;
    if (type >= 1 && type <= 23) {
      if (this.inFragment) return false;
      this.assembler.push(payload, time90k);
      return true;
    }
    if (type === H264Nal.stapA) return this.aggregate(payload.subarray(1), time90k);
    if (type === H264Nal.fuA) {
      if (payload.length < 3) return false;
      const fu = payload[1]!;
      const start = (fu & 0x80) !== 0;
      const end = (fu & 0x40) !== 0;
      if (start && end) return false; // RFC 6184 §5.8: both bits set is invalid
      const header = start ? Uint8Array.of((b0 & 0xe0) | (fu & 0x1f)) : EMPTY;
      return this.fragment(header, payload.subarray(2), start, end, time90k);
    }
    return false;
  }
}

const EMPTY = new Uint8Array(0);
