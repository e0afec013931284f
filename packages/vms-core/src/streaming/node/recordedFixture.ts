/**
 * Test fixture: a temporary media database holding real H.264 and H.265 clips recorded through
 * the real RecordingWriter, on a plain and an encrypted storage. Each camera has two
 * recordings with a gap between them. Test-only.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { systemClock } from '../../base/node/systemClock';
import { MediaDb } from '../../media-db/node/mediaDb';
import { RecordingWriter } from '../../media-db/node/recordingWriter';
import type { StorageHandle } from '../../media-db/node/storageHandle';
import type { VideoCodec, VideoFrame } from '../../media/common/types';
import { FrameCipher } from '../../security/node/frameCipher';
import { SiteKeys } from '../../security/node/siteKeys';
import { tempDir } from '../../../test/util/syntheticMedia';
import { makeClip } from './testClips';
import { RecordingReader } from './recordingReader';

export const START = Date.UTC(2026, 5, 1, 12, 0, 0) * 90;
export const SECOND = 90_000;
/** The second recording of each camera starts this much after the first one ends. */
export const GAP_90K = 5 * SECOND;
/** Frames of the clip that go into the first recording (2 s); the rest follow the gap. */
export const FIRST_RECORDING_FRAMES = 50;

export interface RecordedCamera {
  cameraId: string;
  codec: VideoCodec;
  /** What was recorded, with the times it was recorded at. */
  frames: VideoFrame[];
}

export interface RecordedFixture {
  dir: string;
  db: MediaDb;
  storages: StorageHandle[];
  reader: RecordingReader;
  cameras: { h264: RecordedCamera; h264Encrypted: RecordedCamera; h265: RecordedCamera };
  dispose(): void;
}

export async function createRecordedFixture(): Promise<RecordedFixture> {
  const dir = tempDir('nightjar-streaming-');
  const db = new MediaDb(join(dir.path, 'media.db'));
  const keys = SiteKeys.loadOrCreate(join(dir.path, 'site-key.json'));
  const plain: StorageHandle = { id: 'live', root: join(dir.path, 'live') };
  const encrypted: StorageHandle = { id: 'enc', root: join(dir.path, 'enc'), cipher: new FrameCipher(Buffer.alloc(32, 7)) };
  for (const s of [plain, encrypted]) mkdirSync(s.root);

  const record = async (cameraId: string, storage: StorageHandle, frames: VideoFrame[]) => {
    const w = RecordingWriter.create({ db, keys, clock: systemClock }, {
      storage, cameraId, streamKey: 'main', runId: db.newRunId(), params: frames[0]!.params, start90k: frames[0]!.time90k,
    });
    for (const f of frames) w.append(f);
    await w.close();
  };
  const camera = async (cameraId: string, codec: VideoCodec, storage: StorageHandle, clip: VideoFrame[]) => {
    const frames = clip.map((f, i) => (i < FIRST_RECORDING_FRAMES ? f : { ...f, time90k: f.time90k + GAP_90K }));
    await record(cameraId, storage, frames.slice(0, FIRST_RECORDING_FRAMES));
    await record(cameraId, storage, frames.slice(FIRST_RECORDING_FRAMES));
    return { cameraId, codec, frames };
  };
  const h264 = await makeClip(dir.path, 'h264', START);
  const h265 = await makeClip(dir.path, 'h265', START);
  const cameras = {
    h264: await camera('cam-h264', 'h264', plain, h264),
    h264Encrypted: await camera('cam-h264-enc', 'h264', encrypted, h264),
    h265: await camera('cam-h265', 'h265', plain, h265),
  };
  const storages = [plain, encrypted];
  return {
    dir: dir.path, db, storages, reader: new RecordingReader({ db, storages }), cameras,
    dispose: () => {
      db.close();
      dir.dispose();
    },
  };
}
