import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../base/node/systemClock';
import { RecordingWriter } from '../../media-db/node/recordingWriter';
import { SiteKeys } from '../../security/node/siteKeys';
import type { RecordedFixture } from './recordedFixture';
import { createRecordedFixture, SECOND, START } from './recordedFixture';
import type { ReadItem, RecordedFrame } from './recordingReader';

/** The recording being written (about the last minute of every camera) is readable, not a gap. */
describe('RecordingReader on a recording still being written', () => {
  let fx: RecordedFixture;
  beforeAll(async () => {
    fx = await createRecordedFixture();
  });
  afterAll(() => fx.dispose());

  const frames = async (items: AsyncIterable<ReadItem>) => {
    const out: RecordedFrame[] = [];
    for await (const item of items) if (item.kind === 'frame') out.push(item);
    return out;
  };

  it.each(['live', 'enc'])('reads the written frames on storage %s, leaves them out when sealedOnly, and reads the same after close', async (storageId) => {
    const storage = fx.storages.find((s) => s.id === storageId)!;
    const clip = fx.cameras.h264.frames;
    const cameraId = `open-${storageId}`;
    // Later than anything in the fixture, so the range holds only this recording.
    const shift = 3600 * SECOND;
    const recorded = clip.map((f) => ({ ...f, time90k: f.time90k + shift }));
    const w = RecordingWriter.create({ db: fx.db, keys: SiteKeys.loadOrCreate(join(fx.dir, 'site-key.json')), clock: systemClock }, {
      storage, cameraId, streamKey: 'main', runId: fx.db.newRunId(), params: recorded[0]!.params, start90k: recorded[0]!.time90k,
    });
    const from = START + shift;
    const to = from + 60 * SECOND;
    try {
      // Appended but not yet in the file: nothing to read, and no error.
      for (const f of recorded.slice(0, 40)) w.append(f);
      expect((await fx.reader.plan(cameraId, from, to)).frames).toBe(0);
      await w.flush();
      for (const f of recorded.slice(40, 60)) w.append(f); // still in memory

      const open = await fx.reader.plan(cameraId, from, to);
      expect(open.openRecordingIds).toEqual([]);
      expect(open.frames).toBe(40);
      const read = await frames(fx.reader.read(open));
      expect(read.map((f) => f.time90k)).toEqual(recorded.slice(0, 40).map((f) => f.time90k));
      read.forEach((f, i) => expect(Buffer.from(f.data).equals(Buffer.from(recorded[i]!.data))).toBe(true));
      // After the last written frame comes a gap to the range's end: not recorded yet.
      expect(open.gaps.at(-1)).toMatchObject({ start90k: recorded[40]!.time90k, end90k: to });

      const sealed = await fx.reader.plan(cameraId, from, to, { sealedOnly: true });
      expect(sealed.frames).toBe(0);
      expect(sealed.openRecordingIds).toEqual([w.id]);
    } finally {
      await w.close();
    }
    expect(fx.db.writing.index(w.id)).toBeUndefined();
    const closed = await frames(fx.reader.readRange(cameraId, from, to, { sealedOnly: true }));
    expect(closed.map((f) => f.time90k)).toEqual(recorded.slice(0, 60).map((f) => f.time90k));
  });
});
