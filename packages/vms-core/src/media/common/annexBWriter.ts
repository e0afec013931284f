/**
 * The opposite of annexB.ts: turns a stored VideoFrame (4-byte length-prefixed NALs, parameter
 * sets kept apart in VideoParameters) back into an Annex B byte stream, the form a decoder such
 * as `ffmpeg -f h264` / `-f hevc` reads from a pipe.
 */
import { VmsError } from '../../base/common/errors';
import type { VideoCodec, VideoFrame, VideoParameters } from './types';

const START_CODE = Uint8Array.of(0, 0, 0, 1);

/**
 * Access unit delimiters. ffmpeg's Annex B parser only knows a picture is complete once it sees
 * the start of the next one; writing an AUD right after each frame tells it at once, so the
 * decoder emits the picture without waiting for the next (possibly seconds away) key frame.
 */
const H264_AUD = Uint8Array.of(0x09, 0xf0); // nal_unit_type 9, primary_pic_type 7 (any)
const H265_AUD = Uint8Array.of(0x46, 0x01, 0x50); // nal_unit_type 35, layer 0, tid 1, pic_type 2

export function accessUnitDelimiter(codec: VideoCodec): Uint8Array {
  return codec === 'h264' ? H264_AUD : H265_AUD;
}

/** VPS, SPS, PPS in decoding order. */
export function parameterSetNals(params: VideoParameters): Uint8Array[] {
  return [...(params.vps ?? []), ...params.sps, ...params.pps];
}

/**
 * Splits a length-prefixed sample into NAL units (views, no copies). A length that runs past
 * the end means the sample is damaged; feeding it to a decoder would only produce garbage.
 */
export function splitLengthPrefixed(data: Uint8Array): Uint8Array[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const out: Uint8Array[] = [];
  let o = 0;
  while (o < data.length) {
    if (o + 4 > data.length) throw corrupt(`truncated NAL length at offset ${o}`);
    const len = view.getUint32(o);
    const start = o + 4;
    if (len === 0 || start + len > data.length) {
      throw corrupt(`NAL length ${len} at offset ${o} exceeds sample of ${data.length} bytes`);
    }
    out.push(data.subarray(start, start + len));
    o = start + len;
  }
  return out;
}

export interface AnnexBOptions {
  /** Put the parameter sets in front, so a decoder can start at this (key) frame. */
  withParameterSets?: boolean;
  /** Follow the frame with an access unit delimiter (see accessUnitDelimiter). */
  trailingDelimiter?: boolean;
}

/** One frame as Annex B with 4-byte start codes, in a single allocation. */
export function frameToAnnexB(frame: VideoFrame, options: AnnexBOptions = {}): Uint8Array {
  const nals: Uint8Array[] = [];
  if (options.withParameterSets) nals.push(...parameterSetNals(frame.params));
  nals.push(...splitLengthPrefixed(frame.data));
  if (options.trailingDelimiter) nals.push(accessUnitDelimiter(frame.params.codec));
  const total = nals.reduce((n, nal) => n + START_CODE.length + nal.length, 0);
  const out = new Uint8Array(total);
  let o = 0;
  for (const nal of nals) {
    out.set(START_CODE, o);
    out.set(nal, o + START_CODE.length);
    o += START_CODE.length + nal.length;
  }
  return out;
}

function corrupt(message: string): VmsError {
  return new VmsError('VMS_ERR_DATA_CORRUPT', `Length-prefixed frame: ${message}`);
}
