import type { Clock } from '../../../base/common/clock';
import { DisposableStore, Emitter } from '../../../base/common/event';
import type { Disposable, Event } from '../../../base/common/event';
import { VmsError, errorMessage } from '../../../base/common/errors';
import type { Credentials, RtspTransport } from '../../../devices/common/types';
import type { StreamOpener } from '../../../devices/node/frameSource';
import type { VideoFrame } from '../../../media/common/types';
import { StreamConnection } from '../../../recording/node/streamConnection';
import type { ConnectionStatus } from '../../../recording/node/streamConnection';
import { GopCache } from '../../common/live/gopCache';
import { escapeFrame } from '../../../media/common/framePool';
import type { FramePool } from '../../../media/common/framePool';
import { createLiveFramePool } from './liveFramePool';
import type { GopCacheLimits } from '../../common/live/gopCache';

/** Where a camera stream is fetched from: what StreamConnection needs. */
export interface LiveSource {
  url: string;
  credentials: Credentials;
  transport: RtspTransport;
}

/** Finds the source of a camera stream; throws a VmsError (not found, conflict) when there is none. */
export type LiveSourceResolver = (cameraId: string, streamKey: string) => LiveSource;

export interface LiveHubDeps {
  /** Stream openers by URL scheme, e.g. { 'rtsp:': ..., 'sim:': ... }. */
  openers: Record<string, StreamOpener>;
  clock: Clock;
  resolve: LiveSourceResolver;
  gopLimits?: GopCacheLimits;
  /** Where frames are built: recycled memory (see FramePool); by default createLiveFramePool(). */
  framePool?: FramePool;
}

export interface LiveSubscribeOptions {
  /** Deliver the cached GOP first, inside subscribe(), so the consumer starts at the latest key frame at once. */
  fromLatestKeyFrame?: boolean;
  /** The stream was taken away: camera disabled or changed to a source that fails, listener threw, or the hub closed. */
  onEnd?: (reason: VmsError) => void;
  /**
   * The listener retains (retainFrame) every frame it keeps past its call and releases it when
   * done, so the stream's memory can be recycled. Otherwise every frame it gets is escaped: its
   * memory is left to the garbage collector and never reused under it.
   */
  retainsFrames?: boolean;
}

/** One consumer's hold on a shared camera stream. */
export interface LiveSubscription extends Disposable {
  readonly cameraId: string;
  readonly streamKey: string;
  /** The shared connection's status. */
  readonly status: ConnectionStatus;
  readonly onDidLoseConnection: Event<ConnectionStatus>;
  readonly onDidRestoreConnection: Event<ConnectionStatus>;
  /** Unsubscribes; resolves when the connection is closed if this was its last subscriber. */
  close(): Promise<void>;
}

interface Subscriber {
  listener: (frame: VideoFrame) => void;
  onEnd: ((reason: VmsError) => void) | undefined;
  retainsFrames: boolean;
}

/** One shared camera stream: its connection, consumers and GOP cache. */
class SharedStream {
  readonly subscribers = new Set<Subscriber>();
  readonly gop: GopCache;
  connection!: StreamConnection;
  sourceKey = '';
  private wiring = new DisposableStore();
  /** Outlive connection replacement, so consumers' subscriptions stay valid. */
  readonly onDidLose = new Emitter<ConnectionStatus>();
  readonly onDidRestore = new Emitter<ConnectionStatus>();

  constructor(private readonly deps: LiveHubDeps & { framePool: FramePool }, source: LiveSource) {
    this.gop = new GopCache(deps.gopLimits);
    this.connect(source);
  }

  /** Starts a connection to `source`; returns the one it replaces (to close), if any. */
  connect(source: LiveSource): StreamConnection | undefined {
    const opener = this.deps.openers[new URL(source.url).protocol];
    if (!opener) throw new VmsError('VMS_ERR_BAD_INPUT', `no driver for ${new URL(source.url).protocol} streams`);
    const old = this.sourceKey ? this.connection : undefined;
    this.wiring.dispose();
    this.gop.clear();
    this.sourceKey = sourceKey(source);
    this.connection = new StreamConnection(opener, { ...source, frameBlocks: this.deps.framePool }, this.deps.clock);
    this.wiring.add(this.connection.onFrame((f) => this.deliver(f)));
    this.wiring.add(this.connection.onDidLoseConnection((s) => {
      this.gop.clear(); // the next session starts over at a key frame, seconds later
      this.onDidLose.fire(s);
    }));
    this.wiring.add(this.connection.onDidRestoreConnection((s) => this.onDidRestore.fire(s)));
    return old;
  }

  private deliver(frame: VideoFrame): void {
    this.gop.push(frame);
    for (const s of [...this.subscribers]) {
      if (!this.subscribers.has(s)) continue; // removed by an earlier listener
      if (!s.retainsFrames) escapeFrame(frame);
      try {
        s.listener(frame);
      } catch (e) {
        // A failing consumer is cut off rather than breaking the recorder and the other viewers.
        this.subscribers.delete(s);
        s.onEnd?.(new VmsError('VMS_ERR_INTERNAL', `live consumer failed: ${errorMessage(e)}`, { cause: e }));
      }
    }
  }

  close(): Promise<void> {
    this.wiring.dispose();
    this.onDidLose.dispose();
    this.onDidRestore.dispose();
    return this.connection.close();
  }
}

const keyOf = (cameraId: string, streamKey: string) => `${cameraId}\u0000${streamKey}`;
const sourceKey = (s: LiveSource) => JSON.stringify([s.url, s.transport, s.credentials.username ?? '', s.credentials.password ?? '']);

/**
 * One connection per camera stream, shared by every consumer in this process: the recorder,
 * motion detection, live viewers (fMP4, HLS, jsmpeg) and snapshots. A stream opens with its
 * first subscriber and closes with its last, so a live viewer of a recorded stream adds no
 * connection to the camera (cameras allow few sessions). It keeps the current GOP so a new
 * viewer starts at the latest key frame instead of waiting for the next one.
 */
export class LiveHub {
  private readonly streams = new Map<string, SharedStream>();
  private readonly closing = new Set<Promise<void>>();
  private closed = false;

  private readonly deps: LiveHubDeps & { framePool: FramePool };

  constructor(deps: LiveHubDeps) {
    this.deps = { ...deps, framePool: deps.framePool ?? createLiveFramePool() };
  }

  /** The recycled frame memory of this hub's streams. */
  get framePool(): FramePool {
    return this.deps.framePool;
  }

  subscribe(cameraId: string, streamKey: string, listener: (frame: VideoFrame) => void, options: LiveSubscribeOptions = {}): LiveSubscription {
    if (this.closed) throw new VmsError('VMS_ERR_CONFLICT', 'live hub is closed');
    const key = keyOf(cameraId, streamKey);
    const source = this.deps.resolve(cameraId, streamKey);
    let stream = this.streams.get(key);
    if (!stream) {
      stream = new SharedStream(this.deps, source);
      this.streams.set(key, stream);
    } else if (stream.sourceKey !== sourceKey(source)) {
      this.retire(stream.connect(source));
    }
    const retainsFrames = options.retainsFrames ?? false;
    const sub: Subscriber = { listener, onEnd: options.onEnd, retainsFrames };
    if (options.fromLatestKeyFrame) {
      for (const f of stream.gop.snapshot()) {
        if (!retainsFrames) escapeFrame(f);
        listener(f);
      }
    }
    stream.subscribers.add(sub);
    const s = stream;
    let done: Promise<void> | undefined;
    const close = (): Promise<void> => (done ??= this.unsubscribe(key, s, sub));
    return {
      cameraId,
      streamKey,
      get status() {
        return s.connection.currentStatus;
      },
      onDidLoseConnection: s.onDidLose.event,
      onDidRestoreConnection: s.onDidRestore.event,
      close,
      dispose: () => void close(),
    };
  }

  /** The cached frames from the latest key frame of an open stream (empty when none); the caller may keep them. */
  gop(cameraId: string, streamKey: string): VideoFrame[] {
    const frames = this.streams.get(keyOf(cameraId, streamKey))?.gop.snapshot() ?? [];
    frames.forEach(escapeFrame);
    return frames;
  }

  /** Open streams and their consumer counts (status pages, tests). */
  openStreams(): { cameraId: string; streamKey: string; subscribers: number; status: ConnectionStatus }[] {
    return [...this.streams].map(([k, s]) => {
      const [cameraId = '', streamKey = ''] = k.split('\u0000');
      return { cameraId, streamKey, subscribers: s.subscribers.size, status: s.connection.currentStatus };
    });
  }

  /**
   * Re-reads the sources of a camera's open streams after its configuration changed: a changed
   * URL or credentials reconnects (consumers stay), a stream that no longer resolves (camera
   * disabled or removed, stream gone) ends for all its consumers.
   */
  refresh(cameraId: string): void {
    for (const [key, stream] of this.streams) {
      if (!key.startsWith(keyOf(cameraId, ''))) continue;
      const streamKey = key.slice(keyOf(cameraId, '').length);
      let source: LiveSource;
      try {
        source = this.deps.resolve(cameraId, streamKey);
        if (stream.sourceKey !== sourceKey(source)) this.retire(stream.connect(source));
      } catch (e) {
        this.end(key, stream, e instanceof VmsError ? e : new VmsError('VMS_ERR_INTERNAL', errorMessage(e)));
      }
    }
  }

  private end(key: string, stream: SharedStream, reason: VmsError): void {
    this.streams.delete(key);
    const subs = [...stream.subscribers];
    stream.subscribers.clear();
    this.retire(stream);
    for (const s of subs) s.onEnd?.(reason);
  }

  private unsubscribe(key: string, stream: SharedStream, sub: Subscriber): Promise<void> {
    stream.subscribers.delete(sub);
    if (stream.subscribers.size > 0 || this.streams.get(key) !== stream) return Promise.resolve();
    this.streams.delete(key);
    return this.retire(stream);
  }

  private retire(c: { close(): Promise<void> } | undefined): Promise<void> {
    if (!c) return Promise.resolve();
    const p = c.close().finally(() => this.closing.delete(p));
    this.closing.add(p);
    return p;
  }

  /** Ends every stream (consumers get onEnd) and waits until all connections are closed. */
  async close(): Promise<void> {
    this.closed = true;
    for (const [key, stream] of [...this.streams]) this.end(key, stream, new VmsError('VMS_ERR_CONFLICT', 'live hub closed'));
    await Promise.all([...this.closing]);
  }
}
