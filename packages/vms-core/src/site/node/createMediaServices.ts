import { mkdirSync } from 'node:fs';
import type { Clock } from '../../base/common/clock';
import type { MediaServices } from '../../api/node/mediaServices';
import { MediaTokens } from '../../api/node/mediaTokens';
import type { MediaDb } from '../../media-db/node/mediaDb';
import type { RecordingServer } from '../../recording/node/recordingServer';
import type { SiteKeys } from '../../security/node/siteKeys';
import { ExportJobs } from '../../streaming/node/export/exportJobs';
import { HlsVod } from '../../streaming/node/playback/hlsVod';
import { RecordingReader } from '../../streaming/node/recordingReader';
import { ThumbnailService } from '../../streaming/node/thumbnails';
import { LiveHls, Snapshots, TranscodeHub } from '../../streaming/node/live';

export interface ExportSettings {
  folder: string;
  maxBytes: number;
  retentionHours: number;
}

/** The playback and export services of a site, and how to release them. */
export function createMediaServices(o: {
  media: MediaDb; recording: RecordingServer; keys: SiteKeys; clock: Clock; exports: ExportSettings;
}): MediaServices & { close(): Promise<void> } {
  mkdirSync(o.exports.folder, { recursive: true });
  // A function, so storages added or given a key at run time are read with their current handle.
  const reader = new RecordingReader({ db: o.media, storages: () => o.recording.storageHandles() });
  const thumbnails = new ThumbnailService({ reader });
  const exports = new ExportJobs({ reader, db: o.media, keys: o.keys, clock: o.clock, settings: o.exports });
  // The recording server's hub: viewers of a recorded stream share the recorder's connection.
  const hub = o.recording.liveHub;
  const live = { hub, hls: new LiveHls({ hub, clock: o.clock }), transcodes: new TranscodeHub(hub), snapshots: new Snapshots({ hub, clock: o.clock }) };
  return {
    live,
    reader,
    hls: new HlsVod({ db: o.media, reader }),
    thumbnails,
    exports,
    tokens: new MediaTokens(o.keys.deriveSecret('media tokens')),
    async close() {
      thumbnails.dispose();
      await Promise.all([exports.close(), live.hls.close(), live.transcodes.close(), live.snapshots.close()]);
    },
  };
}
