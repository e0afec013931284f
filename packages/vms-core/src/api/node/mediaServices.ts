import type { HlsVod } from '../../streaming/node/playback/hlsVod';
import type { ExportJobs } from '../../streaming/node/export/exportJobs';
import type { RecordingReader } from '../../streaming/node/recordingReader';
import type { ThumbnailService } from '../../streaming/node/thumbnails';
import type { MediaTokens } from './mediaTokens';
import type { LiveHls, LiveHub, Snapshots, TranscodeHub } from '../../streaming/node/live';

/** The media side of the API: what the playback, export and (later) live routes call. */
export interface MediaServices {
  reader: RecordingReader;
  hls: HlsVod;
  thumbnails: ThumbnailService;
  exports: ExportJobs;
  tokens: MediaTokens;
  live: { hub: LiveHub; hls: LiveHls; transcodes: TranscodeHub; snapshots: Snapshots };
}
