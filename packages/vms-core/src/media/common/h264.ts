import { VmsError } from '../../base/common/errors';
import { BitReader, unescapeRbsp } from './bitReader';

/** H.264 NAL unit types we act on (ITU-T H.264 table 7-1). */
export const H264Nal = {
  slice: 1,
  idr: 5,
  sei: 6,
  sps: 7,
  pps: 8,
  aud: 9,
  endOfSequence: 10,
  endOfStream: 11,
  filler: 12,
  /** RTP aggregation / fragmentation types (RFC 6184). */
  stapA: 24,
  fuA: 28,
} as const;

export const h264NalType = (firstByte: number): number => firstByte & 0x1f;

export interface H264SpsInfo {
  profileIdc: number;
  constraintFlags: number;
  levelIdc: number;
  width: number;
  height: number;
}

/** Profiles whose SPS carries chroma format, bit depth and scaling lists (7.3.2.1.1). */
const HIGH_PROFILES = new Set([100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135]);

/** Parses an SPS NAL (with its 1-byte header) far enough to know the picture size. */
export function parseH264Sps(nal: Uint8Array): H264SpsInfo {
  if (nal.length < 4 || h264NalType(nal[0]!) !== H264Nal.sps) {
    throw new VmsError('VMS_ERR_DATA_CORRUPT', 'not an H.264 SPS');
  }
  const r = new BitReader(unescapeRbsp(nal.subarray(1)));
  const profileIdc = r.readBits(8);
  const constraintFlags = r.readBits(8);
  const levelIdc = r.readBits(8);
  r.readUE(); // seq_parameter_set_id
  let chromaFormatIdc = 1;
  let separateColourPlane = false;
  if (HIGH_PROFILES.has(profileIdc)) {
    chromaFormatIdc = r.readUE();
    if (chromaFormatIdc > 3) throw corrupt('chroma_format_idc');
    if (chromaFormatIdc === 3) separateColourPlane = r.readFlag();
    r.readUE(); // bit_depth_luma_minus8
    r.readUE(); // bit_depth_chroma_minus8
    r.readBit(); // qpprime_y_zero_transform_bypass_flag
    if (r.readFlag()) {
      const lists = chromaFormatIdc !== 3 ? 8 : 12;
      for (let i = 0; i < lists; i++) {
        if (r.readFlag()) skipScalingList(r, i < 6 ? 16 : 64);
      }
    }
  }
  r.readUE(); // log2_max_frame_num_minus4
  const pocType = r.readUE();
  if (pocType === 0) {
    r.readUE(); // log2_max_pic_order_cnt_lsb_minus4
  } else if (pocType === 1) {
    r.readBit(); // delta_pic_order_always_zero_flag
    r.readSE(); // offset_for_non_ref_pic
    r.readSE(); // offset_for_top_to_bottom_field
    const cycle = r.readUE();
    if (cycle > 255) throw corrupt('num_ref_frames_in_pic_order_cnt_cycle');
    for (let i = 0; i < cycle; i++) r.readSE();
  } else if (pocType !== 2) {
    throw corrupt('pic_order_cnt_type');
  }
  r.readUE(); // max_num_ref_frames
  r.readBit(); // gaps_in_frame_num_value_allowed_flag
  const widthMbs = r.readUE() + 1;
  const heightMapUnits = r.readUE() + 1;
  const frameMbsOnly = r.readFlag();
  if (!frameMbsOnly) r.readBit(); // mb_adaptive_frame_field_flag
  r.readBit(); // direct_8x8_inference_flag
  let crop = [0, 0, 0, 0];
  if (r.readFlag()) crop = [r.readUE(), r.readUE(), r.readUE(), r.readUE()];
  const [left, right, top, bottom] = crop as [number, number, number, number];

  const chroma = separateColourPlane ? 0 : chromaFormatIdc;
  const subWidthC = chroma === 1 || chroma === 2 ? 2 : 1;
  const subHeightC = chroma === 1 ? 2 : 1;
  const fieldFactor = frameMbsOnly ? 1 : 2;
  const cropUnitX = chroma === 0 ? 1 : subWidthC;
  const cropUnitY = (chroma === 0 ? 1 : subHeightC) * fieldFactor;
  const width = widthMbs * 16 - cropUnitX * (left + right);
  const height = fieldFactor * heightMapUnits * 16 - cropUnitY * (top + bottom);
  if (width <= 0 || height <= 0 || width > 16384 || height > 16384) throw corrupt('picture size');
  return { profileIdc, constraintFlags, levelIdc, width, height };
}

function skipScalingList(r: BitReader, size: number): void {
  let last = 8;
  let next = 8;
  for (let j = 0; j < size; j++) {
    if (next !== 0) next = (last + r.readSE() + 256) % 256;
    last = next === 0 ? last : next;
  }
}

/** RFC 6381 codec string from the three bytes after the SPS NAL header: avc1.PPCCLL. */
export function h264Rfc6381(sps: Uint8Array): string {
  if (sps.length < 4) throw corrupt('SPS too short');
  const hex = (b: number) => b.toString(16).toUpperCase().padStart(2, '0');
  return `avc1.${hex(sps[1]!)}${hex(sps[2]!)}${hex(sps[3]!)}`;
}

/** True when a slice NAL starts a new picture (first_mb_in_slice == 0, i.e. ue(v) bit '1'). */
export function h264IsFirstSliceOfPicture(nal: Uint8Array): boolean {
  return nal.length > 1 && (nal[1]! & 0x80) !== 0;
}

export const h264IsVcl = (type: number): boolean => type >= 1 && type <= 5;

function corrupt(what: string): VmsError {
  return new VmsError('VMS_ERR_DATA_CORRUPT', `H.264 SPS: bad ${what}`);
}
