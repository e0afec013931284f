import { VmsError } from '../../base/common/errors';
import { BitReader, unescapeRbsp } from './bitReader';

/** H.265 NAL unit types we act on (ITU-T H.265 table 7-1). */
export const H265Nal = {
  /** IRAP pictures (BLA, IDR, CRA and reserved IRAP) span 16..23. */
  irapFirst: 16,
  irapLast: 23,
  vps: 32,
  sps: 33,
  pps: 34,
  aud: 35,
  endOfSequence: 36,
  endOfBitstream: 37,
  filler: 38,
  seiPrefix: 39,
  seiSuffix: 40,
  /** RTP aggregation packet and fragmentation unit (RFC 7798). */
  ap: 48,
  fu: 49,
} as const;

export const h265NalType = (firstByte: number): number => (firstByte >> 1) & 0x3f;
export const h265IsVcl = (type: number): boolean => type < 32;
export const h265IsIrap = (type: number): boolean =>
  type >= H265Nal.irapFirst && type <= H265Nal.irapLast;

/** first_slice_segment_in_pic_flag is the first bit after the 2-byte NAL header. */
export function h265IsFirstSliceOfPicture(nal: Uint8Array): boolean {
  return nal.length > 2 && (nal[2]! & 0x80) !== 0;
}

export interface H265SpsInfo {
  width: number;
  height: number;
  profileSpace: number;
  tierFlag: number;
  profileIdc: number;
  compatibilityFlags: number;
  /** general_progressive_source_flag .. 48 bits, as 6 bytes. */
  constraintBytes: Uint8Array;
  levelIdc: number;
  /** What an hvcC record repeats from the SPS (ISO 14496-15). */
  maxSubLayersMinus1: number;
  temporalIdNesting: number;
  /** general_profile_tier_level: the 12 bytes after the first byte of the SPS RBSP. */
  generalProfileTierLevel: Uint8Array;
  chromaFormatIdc: number;
  bitDepthLumaMinus8: number;
  bitDepthChromaMinus8: number;
}

/** Parses an SPS NAL (with its 2-byte header) far enough to know the picture size and profile. */
export function parseH265Sps(nal: Uint8Array): H265SpsInfo {
  if (nal.length < 15 || h265NalType(nal[0]!) !== H265Nal.sps) {
    throw new VmsError('VMS_ERR_DATA_CORRUPT', 'not an H.265 SPS');
  }
  const rbsp = unescapeRbsp(nal.subarray(2));
  const r = new BitReader(rbsp);
  r.readBits(4); // sps_video_parameter_set_id
  const maxSubLayersMinus1 = r.readBits(3);
  const temporalIdNesting = r.readBit();
  // profile_tier_level(1, maxSubLayersMinus1)
  const profileSpace = r.readBits(2);
  const tierFlag = r.readBit();
  const profileIdc = r.readBits(5);
  const compatibilityFlags = r.readBits(32);
  const constraintBytes = new Uint8Array(6);
  for (let i = 0; i < 6; i++) constraintBytes[i] = r.readBits(8);
  const levelIdc = r.readBits(8);
  const subProfile: boolean[] = [];
  const subLevel: boolean[] = [];
  for (let i = 0; i < maxSubLayersMinus1; i++) {
    subProfile.push(r.readFlag());
    subLevel.push(r.readFlag());
  }
  if (maxSubLayersMinus1 > 0) r.skipBits(2 * (8 - maxSubLayersMinus1));
  for (let i = 0; i < maxSubLayersMinus1; i++) {
    if (subProfile[i]) r.skipBits(88);
    if (subLevel[i]) r.skipBits(8);
  }
  r.readUE(); // sps_seq_parameter_set_id
  const chromaFormatIdc = r.readUE();
  if (chromaFormatIdc > 3) throw corrupt('chroma_format_idc');
  let separateColourPlane = false;
  if (chromaFormatIdc === 3) separateColourPlane = r.readFlag();
  let width = r.readUE();
  let height = r.readUE();
  if (r.readFlag()) {
    const chroma = separateColourPlane ? 0 : chromaFormatIdc;
    const subWidthC = chroma === 1 || chroma === 2 ? 2 : 1;
    const subHeightC = chroma === 1 ? 2 : 1;
    const left = r.readUE();
    const right = r.readUE();
    const top = r.readUE();
    const bottom = r.readUE();
    width -= subWidthC * (left + right);
    height -= subHeightC * (top + bottom);
  }
  if (width <= 0 || height <= 0 || width > 16384 || height > 16384) throw corrupt('picture size');
  const bitDepthLumaMinus8 = r.readUE();
  const bitDepthChromaMinus8 = r.readUE();
  return {
    width,
    height,
    profileSpace,
    tierFlag,
    profileIdc,
    compatibilityFlags,
    constraintBytes,
    levelIdc,
    maxSubLayersMinus1,
    temporalIdNesting,
    generalProfileTierLevel: rbsp.slice(1, 13),
    chromaFormatIdc,
    bitDepthLumaMinus8,
    bitDepthChromaMinus8,
  };
}

/** RFC 6381 / ISO 14496-15 annex E codec string, e.g. hvc1.1.6.L93.B0. */
export function h265Rfc6381(info: H265SpsInfo): string {
  const space = ['', 'A', 'B', 'C'][info.profileSpace] ?? '';
  // The compatibility flags are written in reverse bit order, in hex without leading zeros.
  let reversed = 0;
  for (let i = 0; i < 32; i++) {
    if ((info.compatibilityFlags >>> i) & 1) reversed = (reversed | (1 << (31 - i))) >>> 0;
  }
  const bytes = [...info.constraintBytes];
  while (bytes.length > 0 && bytes[bytes.length - 1] === 0) bytes.pop();
  const constraints = bytes.map((b) => '.' + b.toString(16).toUpperCase()).join('');
  const tier = info.tierFlag ? 'H' : 'L';
  return `hvc1.${space}${info.profileIdc}.${reversed.toString(16).toUpperCase()}.${tier}${info.levelIdc}${constraints}`;
}

function corrupt(what: string): VmsError {
  return new VmsError('VMS_ERR_DATA_CORRUPT', `H.265 SPS: bad ${what}`);
}
