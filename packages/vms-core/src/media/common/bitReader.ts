import { VmsError } from '../../base/common/errors';

/**
 * Reads bits MSB-first from an RBSP (emulation prevention already removed), with the
 * exp-Golomb codes H.264/H.265 headers use. Reading past the end throws a VmsError rather
 * than returning zeros, so a truncated SPS is reported instead of silently misparsed.
 */
export class BitReader {
  private bytePos = 0;
  private bitPos = 0;

  constructor(private readonly data: Uint8Array) {}

  get bitsLeft(): number {
    return (this.data.length - this.bytePos) * 8 - this.bitPos;
  }

  readBit(): number {
    if (this.bytePos >= this.data.length) throw endOfData();
    const bit = (this.data[this.bytePos]! >> (7 - this.bitPos)) & 1;
    if (++this.bitPos === 8) {
      this.bitPos = 0;
      this.bytePos++;
    }
    return bit;
  }

  /** Up to 32 bits, returned as a non-negative number. */
  readBits(n: number): number {
    if (n > 32) throw new VmsError('VMS_ERR_INTERNAL', `readBits(${n}): at most 32`);
    if (n > this.bitsLeft) throw endOfData();
    let v = 0;
    for (let i = 0; i < n; i++) v = v * 2 + this.readBit();
    return v;
  }

  skipBits(n: number): void {
    if (n > this.bitsLeft) throw endOfData();
    const total = this.bitPos + n;
    this.bytePos += total >> 3;
    this.bitPos = total & 7;
  }

  readFlag(): boolean {
    return this.readBit() === 1;
  }

  /** Unsigned exp-Golomb, ue(v). Codes longer than 32 bits cannot be valid in a header. */
  readUE(): number {
    let zeros = 0;
    while (this.readBit() === 0) {
      if (++zeros > 31) throw new VmsError('VMS_ERR_DATA_CORRUPT', 'exp-Golomb code too long');
    }
    return zeros === 0 ? 0 : 2 ** zeros - 1 + this.readBits(zeros);
  }

  /** Signed exp-Golomb, se(v): 1, -1, 2, -2, ... */
  readSE(): number {
    const k = this.readUE();
    // k = 0 is 0, not -0 (which Object.is and Map keys tell apart).
    return k % 2 === 1 ? (k + 1) / 2 : k === 0 ? 0 : -(k / 2);
  }
}

function endOfData(): VmsError {
  return new VmsError('VMS_ERR_DATA_CORRUPT', 'bitstream ended early');
}

/**
 * Removes emulation-prevention bytes (00 00 03 → 00 00). Copies only when one is present,
 * which for parameter sets is the uncommon case.
 */
export function unescapeRbsp(nal: Uint8Array): Uint8Array {
  let first = -1;
  for (let i = 2; i < nal.length; i++) {
    if (nal[i] === 3 && nal[i - 1] === 0 && nal[i - 2] === 0) {
      first = i;
      break;
    }
  }
  if (first < 0) return nal;
  const out = new Uint8Array(nal.length);
  let o = 0;
  let zeros = 0;
  for (let i = 0; i < nal.length; i++) {
    const b = nal[i]!;
    if (zeros >= 2 && b === 3) {
      zeros = 0;
      continue;
    }
    out[o++] = b;
    zeros = b === 0 ? zeros + 1 : 0;
  }
  return out.subarray(0, o);
}

/** Writes bits MSB-first; used by tests to build headers and by round-trip properties. */
export class BitWriter {
  private bytes: number[] = [];
  private cur = 0;
  private n = 0;

  writeBits(value: number, bits: number): void {
    for (let i = bits - 1; i >= 0; i--) {
      this.cur = (this.cur << 1) | (Math.floor(value / 2 ** i) & 1);
      if (++this.n === 8) {
        this.bytes.push(this.cur);
        this.cur = 0;
        this.n = 0;
      }
    }
  }

  writeUE(v: number): void {
    const x = v + 1;
    const len = Math.floor(Math.log2(x));
    this.writeBits(0, len);
    this.writeBits(x, len + 1);
  }

  writeSE(v: number): void {
    this.writeUE(v > 0 ? 2 * v - 1 : -2 * v);
  }

  /** Appends the rbsp_stop_one_bit and alignment zeros. */
  finish(): Uint8Array {
    this.writeBits(1, 1);
    while (this.n !== 0) this.writeBits(0, 1);
    return Uint8Array.from(this.bytes);
  }
}
