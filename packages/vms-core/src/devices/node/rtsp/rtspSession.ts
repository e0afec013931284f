import { VmsError } from '../../../base/common/errors';
import type { Event } from '../../../base/common/event';
import { AccessUnitAssembler } from '../../../media/common/accessUnitAssembler';
import { msTo90k } from '../../../media/common/types';
import type { VideoFrame } from '../../../media/common/types';
import type { Depacketizer } from '../../common/rtsp/depacketizer';
import { H264Depacketizer } from '../../common/rtsp/h264Depacketizer';
import { H265Depacketizer } from '../../common/rtsp/h265Depacketizer';
import { TimestampUnwrapper, findRtcpSenderReport, parseRtpPacket } from '../../common/rtsp/rtp';
import type { VideoTrack } from '../../common/rtsp/sdp';
import type { StreamSession } from '../frameSource';
import type { RtspConnection } from './rtspConnection';
import type { UdpPair } from './udpPair';
import { EarlyFrameEmitter } from '../earlyFrameEmitter';
import { uninitializedBytes } from '../../../base/node/uninitializedBytes';
import { unpooledBlocks } from '../../../media/common/framePool';
import type { FrameBlockSource } from '../../../media/common/framePool';

export interface RtspSessionTimings {
  /** No media for this long closes the session with an error. */
  dataTimeoutMs: number;
  /** Used when the camera's Session header names no timeout. */
  defaultSessionTimeoutS: number;
}

export const DEFAULT_TIMINGS: RtspSessionTimings = { dataTimeoutMs: 5000, defaultSessionTimeoutS: 60 };

/** What the handshake in openRtspStream.ts hands over once PLAY has succeeded. */
export interface PlayingStream {
  connection: RtspConnection;
  track: VideoTrack;
  /** URL for keepalives and TEARDOWN (aggregate control or the stream URL). */
  controlUrl: string;
  udp?: UdpPair;
  interleaved?: { rtp: number; rtcp: number };
  sessionTimeoutS: number;
  /** Whether the camera lists GET_PARAMETER in OPTIONS' Public header. */
  supportsGetParameter: boolean;
}

/**
 * A playing RTSP stream: RTP in (interleaved or UDP), VideoFrames out, keepalives and the
 * data timeout while it runs. Ends exactly once; dispose() releases sockets and timers.
 */
export class RtspSession implements StreamSession {
  readonly closed: Promise<Error | undefined>;
  readonly stats = { rtpPackets: 0, badRtpPackets: 0 };
  readonly assembler: AccessUnitAssembler;
  /** Holds frames that arrive before anyone listens (PLAY's answer and the first RTP can share a read). */
  private readonly emitter = new EarlyFrameEmitter();
  private readonly depacketizer: Depacketizer;
  private readonly unwrapper = new TimestampUnwrapper();
  private anchor: { ts: number; time90k: number } | undefined;
  private srMapping: { rtpTs: number; unixMs: number } | undefined;
  private readonly timers: NodeJS.Timeout[] = [];
  private resolveClosed!: (e: Error | undefined) => void;
  private isClosed = false;

  readonly onFrame: Event<VideoFrame> = this.emitter.event;

  constructor(
    private readonly stream: PlayingStream,
    frameBlocks: FrameBlockSource = unpooledBlocks(uninitializedBytes),
    timings: RtspSessionTimings = DEFAULT_TIMINGS,
  ) {
    this.closed = new Promise((resolve) => (this.resolveClosed = resolve));
    const { track, connection } = stream;
    this.assembler = new AccessUnitAssembler(track.codec, (frame) => this.emitter.fire(frame), { splitOnTimestamp: true, blocks: frameBlocks });
    this.assembler.setParameterSets(track.parameterSets);
    this.depacketizer = track.codec === 'h264' ? new H264Depacketizer(this.assembler) : new H265Depacketizer(this.assembler);

    connection.onClose = (error) => this.close(error ?? new VmsError('VMS_ERR_DEVICE_UNREACHABLE', 'RTSP connection closed'));
    if (stream.udp) {
      stream.udp.listen(connection.remoteAddress ?? '', (p) => this.onRtp(p), (p) => this.onRtcp(p));
    } else if (stream.interleaved) {
      const { rtp, rtcp } = stream.interleaved;
      connection.onData = (channel, payload) => {
        if (channel === rtp) this.onRtp(payload);
        else if (channel === rtcp) this.onRtcp(payload);
      };
    }
    this.startTimers(timings);
  }

  private startTimers(timings: RtspSessionTimings): void {
    // A counter checked once a second costs nothing per packet, unlike resetting a timer.
    let lastCount = -1;
    let lastChange = performance.now();
    this.timers.push(
      setInterval(() => {
        if (this.stats.rtpPackets !== lastCount) {
          lastCount = this.stats.rtpPackets;
          lastChange = performance.now();
        } else if (performance.now() - lastChange >= timings.dataTimeoutMs) {
          this.close(new VmsError('VMS_ERR_DEVICE_UNREACHABLE', `no media from camera for ${timings.dataTimeoutMs / 1000} s`));
        }
      }, Math.min(1000, timings.dataTimeoutMs / 4)),
    );
    const keepaliveMs = (this.stream.sessionTimeoutS || timings.defaultSessionTimeoutS) * 500;
    this.timers.push(
      setInterval(() => {
        const method = this.stream.supportsGetParameter ? 'GET_PARAMETER' : 'OPTIONS';
        this.stream.connection.request(method, this.stream.controlUrl).then(
          (res) => {
            if (res.status === 454) this.close(new VmsError('VMS_ERR_DEVICE_PROTOCOL', 'camera forgot the RTSP session'));
          },
          () => {}, // a lost connection is reported through onClose
        );
      }, keepaliveMs),
    );
  }

  private onRtp(buf: Uint8Array): void {
    if (this.isClosed) return;
    this.stats.rtpPackets++;
    let packet;
    try {
      packet = parseRtpPacket(buf);
    } catch {
      this.stats.badRtpPackets++;
      return;
    }
    if (packet.payloadType !== this.stream.track.payloadType) return;
    const ts = this.unwrapper.unwrap(packet.timestamp);
    this.depacketizer.push(packet, this.toTime90k(ts));
  }

  /**
   * Wall time of an RTP timestamp: anchored to the clock at the first packet, or to the first
   * RTCP sender report once one arrives before media (then the camera's clock is used).
   */
  private toTime90k(ts: number): number {
    const scale = 90000 / this.stream.track.clockRate;
    if (!this.anchor) {
      const sr = this.srMapping;
      const time90k = sr
        ? msTo90k(sr.unixMs) + Math.round(wrapDelta(ts - sr.rtpTs) * scale)
        : msTo90k(Date.now());
      this.anchor = { ts, time90k };
    }
    return this.anchor.time90k + Math.round((ts - this.anchor.ts) * scale);
  }

  private onRtcp(buf: Uint8Array): void {
    if (this.anchor || this.srMapping) return;
    const sr = findRtcpSenderReport(buf);
    // Only a camera clock within a minute of ours is trusted; many cameras never set theirs.
    if (sr && Math.abs(sr.ntpUnixMs - Date.now()) < 60_000) this.srMapping = { rtpTs: sr.rtpTimestamp, unixMs: sr.ntpUnixMs };
  }

  private close(error: Error | undefined): void {
    if (this.isClosed) return;
    this.isClosed = true;
    for (const t of this.timers) clearInterval(t);
    this.timers.length = 0;
    this.stream.connection.onData = () => {};
    this.stream.connection.onClose = () => {};
    if (error) this.stream.connection.dispose();
    else this.stream.connection.teardownAndDispose(this.stream.controlUrl);
    this.stream.udp?.dispose();
    this.emitter.dispose();
    this.resolveClosed(error);
  }

  dispose(): void {
    this.close(undefined);
  }
}

/** A difference of 32-bit timestamps, brought into [-2^31, 2^31). */
function wrapDelta(d: number): number {
  const m = ((d % 2 ** 32) + 2 ** 32) % 2 ** 32;
  return m >= 2 ** 31 ? m - 2 ** 32 : m;
}
