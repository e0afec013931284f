import type { Disposable, Event } from '../../base/common/event';
import type { FrameBlockSource } from '../../media/common/framePool';
import type { VideoFrame } from '../../media/common/types';
import type { Credentials, RtspTransport } from '../common/types';

/**
 * One open connection to one camera stream. It delivers frames until it ends, and ends exactly
 * once: `closed` resolves with the reason (undefined when closed by dispose()).
 * Reconnecting is not its job: StreamConnection in recording/ supervises sessions.
 */
export interface StreamSession extends Disposable {
  readonly onFrame: Event<VideoFrame>;
  readonly closed: Promise<Error | undefined>;
}

export interface OpenStreamOptions {
  url: string;
  credentials: Credentials;
  transport: RtspTransport;
  /** Abort while connecting. */
  signal: AbortSignal;
  /**
   * Recycled memory for the frames (FramePool). Only for a caller whose listeners retain what
   * they keep (LiveHub); otherwise frames are plain garbage-collected memory.
   */
  frameBlocks?: FrameBlockSource;
}

/** Opens sessions to stream URLs of one scheme (rtsp:, sim:). Resolves once frames can flow. */
export type StreamOpener = (options: OpenStreamOptions) => Promise<StreamSession>;
