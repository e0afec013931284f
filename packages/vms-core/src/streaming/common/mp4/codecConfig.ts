import { VmsError } from '../../../base/common/errors';
import { BitReader, unescapeRbsp } from '../../../media/common/bitReader';
import { H265Nal, parseH265Sps } from '../../../media/common/h265';
import type { VideoParameters } from '../../../media/common/types';
import type { ByteWriter } from './boxes';

/** Profiles whose avcC carries the chroma/bit-depth extension (ISO 14496-15 5.3.3.1.2). */
const AVCC_EXTENDED_PROFILES = new Set([100, 110, 122, 144]);
/** Profiles whose SPS has chroma_format_idc and bit depths (H.264 7.3.2.1.1). */
const H264_HIGH_PROFILES = new Set([100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135]);

interface PictureFormat {
  chromaFormatIdc: number;
  bitDepthLumaMinus8: number;
  bitDepthChromaMinus8: number;
}

/**
 * Writes the visual sample entry (avc1 or hvc1) for one set of parameters. The parameter sets
 * go out of band in avcC/hvcC, matching our samples, which never carry them in band.
 */
export function writeSampleEntry(w: ByteWriter, p: VideoParameters): void {
  w.box(p.codec === 'h264' ? 'avc1' : 'hvc1', () => {
    w.zeros(6).u16(1); // reserved, data_reference_index
    w.u16(0).u16(0).zeros(12); // pre_defined, reserved, pre_defined
    w.u16(p.width).u16(p.height);
    w.u32(0x00480000).u32(0x00480000).u32(0); // 72 dpi, reserved
    w.u16(1).zeros(32); // frame_count, compressorname
    w.u16(0x0018).u16(0xffff); // depth, pre_defined = -1
    if (p.codec === 'h264') writeAvcC(w, p);
    else writeHvcC(w, p);
  });
}

function writeAvcC(w: ByteWriter, p: VideoParameters): void {
  const sps = p.sps[0];
  if (!sps || sps.length < 4) throw bad('H.264 parameters without an SPS');
  w.box('avcC', () => {
    w.u8(1).u8(sps[1]!).u8(sps[2]!).u8(sps[3]!); // version, profile, compatibility, level
    w.u8(0xfc | 3); // 4-byte NAL lengths
    w.u8(0xe0 | p.sps.length);
    for (const s of p.sps) w.u16(s.length).bytes(s);
    w.u8(p.pps.length);
    for (const s of p.pps) w.u16(s.length).bytes(s);
    if (AVCC_EXTENDED_PROFILES.has(sps[1]!)) {
      const f = h264PictureFormat(sps);
      w.u8(0xfc | f.chromaFormatIdc).u8(0xf8 | f.bitDepthLumaMinus8).u8(0xf8 | f.bitDepthChromaMinus8);
      w.u8(0); // no SPS extensions
    }
  });
}

function h264PictureFormat(sps: Uint8Array): PictureFormat {
  const r = new BitReader(unescapeRbsp(sps.subarray(1)));
  const profileIdc = r.readBits(8);
  r.skipBits(16); // constraint flags, level
  r.readUE(); // seq_parameter_set_id
  if (!H264_HIGH_PROFILES.has(profileIdc)) return { chromaFormatIdc: 1, bitDepthLumaMinus8: 0, bitDepthChromaMinus8: 0 };
  const chromaFormatIdc = r.readUE();
  if (chromaFormatIdc === 3) r.readBit(); // separate_colour_plane_flag
  return { chromaFormatIdc, bitDepthLumaMinus8: r.readUE(), bitDepthChromaMinus8: r.readUE() };
}

function writeHvcC(w: ByteWriter, p: VideoParameters): void {
  const sps = p.sps[0];
  if (!sps || sps.length < 15) throw bad('H.265 parameters without an SPS');
  const s = parseH265Sps(sps);
  w.box('hvcC', () => {
    w.u8(1);
    // general_profile_space .. general_level_idc are the SPS's general profile_tier_level, verbatim.
    w.bytes(s.generalProfileTierLevel);
    w.u16(0xf000); // min_spatial_segmentation_idc = 0
    w.u8(0xfc); // parallelismType unknown
    w.u8(0xfc | s.chromaFormatIdc);
    w.u8(0xf8 | s.bitDepthLumaMinus8).u8(0xf8 | s.bitDepthChromaMinus8);
    w.u16(0); // avgFrameRate unknown
    // constantFrameRate 0, numTemporalLayers, temporalIdNested, lengthSizeMinusOne 3
    w.u8(((s.maxSubLayersMinus1 + 1) << 3) | (s.temporalIdNesting << 2) | 3);
    const arrays: [number, Uint8Array[]][] = [[H265Nal.vps, p.vps ?? []], [H265Nal.sps, p.sps], [H265Nal.pps, p.pps]];
    w.u8(arrays.filter(([, nals]) => nals.length > 0).length);
    for (const [type, nals] of arrays) {
      if (nals.length === 0) continue;
      w.u8(0x80 | type).u16(nals.length); // array_completeness = 1: no parameter sets in band
      for (const n of nals) w.u16(n.length).bytes(n);
    }
  });
}

function bad(message: string): VmsError {
  return new VmsError('VMS_ERR_UNSUPPORTED_CODEC', message);
}
