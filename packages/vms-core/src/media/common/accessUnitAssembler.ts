import { errorMessage } from '../../base/common/errors';
import {
  H264Nal,
  h264IsFirstSliceOfPicture,
  h264IsVcl,
  h264NalType,
  h264Rfc6381,
  parseH264Sps,
} from './h264';
import {
  H265Nal,
  h265IsFirstSliceOfPicture,
  h265IsIrap,
  h265IsVcl,
  h265NalType,
  h265Rfc6381,
  parseH265Sps,
} from './h265';
import { FrameBuilder } from './frameBuilder';
import type { FrameBlockSource } from './framePool';
import { bytesEqual } from './types';
import type { Time90k, VideoCodec, VideoFrame, VideoParameters } from './types';

export interface AssemblerStats {
  frames: number;
  /** Frames dropped: broken by loss, before the first key frame, or without parameters. */
  dropped: number;
  badParameterSets: number;
  lastError?: string;
}

/**
 * Groups NAL units into access units (VideoFrame) and tracks parameter sets.
 *
 * Input comes either from RTP depacketizers, which call end() on the marker bit and also
 * split on timestamp changes, or from an Annex B stream, where boundaries are found from the
 * NALs themselves (AUD/parameter sets/SEI after a picture, or a slice starting a new picture).
 * Frames are emitted only from the first key frame on, and after discard() (packet loss)
 * only from the next key frame, so every emitted frame is decodable.
 */
export class AccessUnitAssembler {
  readonly stats: AssemblerStats = { frames: 0, dropped: 0, badParameterSets: 0 };
  /**
   * The access unit being built, as it will sit in an MP4 sample (4-byte length, NAL, ...),
   * where the frame will live. NALs are copied in as they come: callers pass views into
   * buffers they reuse.
   */
  private readonly unit: FrameBuilder;
  private nalCount = 0;
  private time: Time90k = 0;
  private hasVcl = false;
  private isKey = false;
  private waitForKey = true;
  private vps: Uint8Array | undefined;
  private sps: Uint8Array | undefined;
  private pps: Uint8Array | undefined;
  private paramsDirty = false;
  private params: VideoParameters | undefined;

  constructor(
    private readonly codec: VideoCodec,
    private readonly onFrame: (frame: VideoFrame) => void,
    private readonly options: { splitOnTimestamp: boolean; blocks?: FrameBlockSource } = { splitOnTimestamp: true },
  ) {
    this.unit = new FrameBuilder(options.blocks);
  }

  /** Parameters in force (undefined until a valid SPS/PPS has been seen). */
  get parameters(): VideoParameters | undefined {
    return this.params;
  }

  /** Seeds parameter sets known out of band (SDP sprop-parameter-sets). */
  setParameterSets(nals: Uint8Array[]): void {
    for (const nal of nals) this.takeParameterSet(nal);
  }

  push(nal: Uint8Array, time90k: Time90k): void {
    if (nal.length === 0) return;
    const h264 = this.codec === 'h264';
    const type = h264 ? h264NalType(nal[0]!) : h265NalType(nal[0]!);
    const vcl = h264 ? h264IsVcl(type) : h265IsVcl(type);
    if (this.hasVcl) {
      const timestampBoundary = this.options.splitOnTimestamp && time90k !== this.time;
      const startsPicture = vcl
        ? h264
          ? h264IsFirstSliceOfPicture(nal)
          : h265IsFirstSliceOfPicture(nal)
        : h264
          ? type === H264Nal.aud || type === H264Nal.sps || type === H264Nal.pps || type === H264Nal.sei
          : (type >= H265Nal.vps && type <= H265Nal.aud) || type === H265Nal.seiPrefix;
      if (timestampBoundary || startsPicture) this.end();
    }
    if (this.nalCount === 0 && !this.hasVcl) this.time = time90k;
    if (this.isParameterSet(type)) {
      this.takeParameterSet(nal);
      return;
    }
    // Access unit delimiters and filler carry nothing a decoder of an MP4 sample needs.
    if (h264 ? type === H264Nal.aud || type === H264Nal.filler : type === H265Nal.aud || type === H265Nal.filler) {
      return;
    }
    if (vcl) {
      this.hasVcl = true;
      if (h264 ? type === H264Nal.idr : h265IsIrap(type)) this.isKey = true;
    }
    this.unit.appendUint32(nal.length);
    this.unit.append(nal);
    this.nalCount++;
  }

  /** Ends the current access unit (RTP marker bit) and emits it if it is usable. */
  end(): void {
    if (!this.hasVcl) {
      this.reset();
      return;
    }
    if (this.isKey) this.waitForKey = false;
    const params = this.currentParams();
    if (this.waitForKey || !params) {
      this.stats.dropped++;
      this.reset();
      return;
    }
    const memory = this.unit.memory;
    const data = this.unit.take();
    const frame: VideoFrame = memory
      ? { time90k: this.time, isKey: this.isKey, data, params, memory }
      : { time90k: this.time, isKey: this.isKey, data, params };
    this.reset();
    this.stats.frames++;
    if (!memory) return this.onFrame(frame);
    // Our hold while the frame is delivered: listeners that keep it retain it themselves.
    memory.retain();
    try {
      this.onFrame(frame);
    } finally {
      memory.release();
    }
  }

  /** Drops the access unit being built (data was lost) and waits for the next key frame. */
  discard(): void {
    if (this.hasVcl || this.nalCount > 0) this.stats.dropped++;
    this.reset();
    this.waitForKey = true;
  }

  private reset(): void {
    this.unit.discard();
    this.nalCount = 0;
    this.hasVcl = false;
    this.isKey = false;
  }

  private isParameterSet(type: number): boolean {
    return this.codec === 'h264'
      ? type === H264Nal.sps || type === H264Nal.pps
      : type === H265Nal.vps || type === H265Nal.sps || type === H265Nal.pps;
  }

  private takeParameterSet(nal: Uint8Array): void {
    if (nal.length === 0) return;
    const type = this.codec === 'h264' ? h264NalType(nal[0]!) : h265NalType(nal[0]!);
    const slot =
      this.codec === 'h264'
        ? type === H264Nal.sps ? 'sps' : type === H264Nal.pps ? 'pps' : undefined
        : type === H265Nal.vps ? 'vps' : type === H265Nal.sps ? 'sps' : type === H265Nal.pps ? 'pps' : undefined;
    if (!slot) return;
    const cur = this[slot];
    if (cur && bytesEqual(cur, nal)) return;
    // Copied: parameter sets outlive the network buffer they arrived in.
    this[slot] = nal.slice();
    this.paramsDirty = true;
  }

  /** Builds a new parameters object only when the parameter sets changed. */
  private currentParams(): VideoParameters | undefined {
    if (!this.paramsDirty) return this.params;
    const { vps, sps, pps } = this;
    if (!sps || !pps || (this.codec === 'h265' && !vps)) return this.params;
    this.paramsDirty = false;
    try {
      if (this.codec === 'h264') {
        const info = parseH264Sps(sps);
        this.params = { codec: 'h264', width: info.width, height: info.height, rfc6381: h264Rfc6381(sps), sps: [sps], pps: [pps] };
      } else {
        const info = parseH265Sps(sps);
        this.params = {
          codec: 'h265',
          width: info.width,
          height: info.height,
          rfc6381: h265Rfc6381(info),
          vps: [vps!],
          sps: [sps],
          pps: [pps],
        };
      }
    } catch (e) {
      this.stats.badParameterSets++;
      this.stats.lastError = errorMessage(e);
      this.params = undefined;
      this.waitForKey = true;
    }
    return this.params;
  }
}
