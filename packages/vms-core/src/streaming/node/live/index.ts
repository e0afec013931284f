// Live video for the API routes: one camera connection per stream shared by the recorder and
// every viewer (LiveHub), fMP4 over WebSocket into MSE, LL-HLS, jsmpeg transcoding, snapshots.
export { LiveHub } from './liveHub';
export type { LiveHubDeps, LiveSource, LiveSourceResolver, LiveSubscribeOptions, LiveSubscription } from './liveHub';
export { configSourceResolver } from './liveSources';
export { LiveFmp4Viewer } from './liveFmp4Viewer';
export type { LiveSink, LiveViewerOptions, LiveViewerStats } from './liveFmp4Viewer';
export { LiveHls } from './liveHls';
export type { HlsFile, LiveHlsOptions } from './liveHls';
export { TranscodeHub, transcodeArgs } from './transcodeHub';
export type { TranscodeHubOptions, TranscodeSize } from './transcodeHub';
export { Snapshots, snapshotArgs } from './snapshots';
export type { SnapshotOptions } from './snapshots';
export { chooseStream, PERFORMANCE_SCALE } from '../../common/live/chooseStream';
export type { StreamChoiceMode, ViewSize } from '../../common/live/chooseStream';
export { liveMimeType } from '../../common/live/liveFmp4Muxer';
export { hlsNames } from '../../common/live/hlsPlaylist';
