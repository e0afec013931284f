import { VmsError } from '../../../base/common/errors';
import { AppendFile } from '../../../base/node/appendFile';
import { planProgressiveMp4 } from '../../common/mp4/progressiveMp4';
import type { ProgressiveSample } from '../../common/mp4/progressiveMp4';
import type { RangePlan, RecordingReader } from '../recordingReader';
import type { ExportOptions, ExportRequest, ExportResult } from './exportFile';
import { checkSample, ProgressCounter, requireFrames, writeAtomically } from './exportFile';

/** Frames are written in batches of about this size, each one direct write (see AppendFile). */
const WRITE_BATCH_BYTES = 4 << 20;
/** Room for a batch plus its largest frame, so a batch is still one write. */
const WRITE_SLOT_BYTES = 8 << 20;

/** Exports a time range of one camera as a progressive MP4 (see exportPlanMp4). */
export async function exportMp4(reader: RecordingReader, req: ExportRequest, path: string, o: ExportOptions = {}): Promise<ExportResult> {
  const plan = await reader.plan(req.cameraId, req.from90k, req.to90k, { streamKey: o.streamKey });
  return exportPlanMp4(reader, plan, path, o);
}

/**
 * Writes a planned range as a progressive MP4 without rewriting or buffering it: the moov is
 * computed from the index, then frames stream from the frame files into the mdat. The file
 * starts at the key frame before the requested start; its mvhd creation_time and a ©day
 * string carry the wall-clock time of that first frame. A gap keeps its length on the
 * timeline (the frame before it lasts until the next frame); no frame is invented.
 */
export async function exportPlanMp4(reader: RecordingReader, plan: RangePlan, path: string, o: ExportOptions = {}): Promise<ExportResult> {
  const { start90k, end90k } = requireFrames(plan);
  const descriptionIds = [...plan.params.keys()];
  const samples: ProgressiveSample[] = [];
  for (const item of plan.items) {
    if (item.kind !== 'recording') continue;
    const descriptionIndex = descriptionIds.indexOf(item.videoParamsId) + 1;
    item.frames.forEach((f, i) => samples.push({ duration90k: f.duration90k, size: f.sampleBytes, isKey: f.isKey, descriptionIndex, newChunk: i === 0 }));
  }
  const mp4 = planProgressiveMp4({
    samples, descriptions: descriptionIds.map((id) => plan.params.get(id)!), creationTime90k: start90k,
  });
  const progress = new ProgressCounter({ totalFrames: plan.frames, totalBytes: plan.sampleBytes }, o.onProgress);
  await writeAtomically(path, async (part) => {
    const file = await AppendFile.open(part, { exclusive: false, direct: true, writeBytes: WRITE_SLOT_BYTES });
    // One write in flight while the next batch is read: reading and writing overlap, and at
    // most two batches are in memory. The reader hands out a fresh buffer per batch.
    let writing: Promise<void> = Promise.resolve();
    try {
      await file.append([mp4.header]);
      let batch: Uint8Array[] = [];
      let batchBytes = 0;
      const flush = async () => {
        o.signal?.throwIfAborted();
        const parts = batch;
        const bytes = batchBytes;
        batch = [];
        batchBytes = 0;
        await writing;
        const w = file.append(parts).then(() => progress.add(parts.length, bytes));
        w.catch(() => undefined); // awaited at the next flush or at the end; never unhandled
        writing = w;
      };
      let n = 0;
      for await (const item of reader.read(plan, { signal: o.signal })) {
        if (item.kind !== 'frame') continue;
        checkSample(plan, samples[n++]?.size, item.data.length);
        batch.push(item.data);
        batchBytes += item.data.length;
        if (batchBytes >= WRITE_BATCH_BYTES) await flush();
      }
      if (batch.length > 0) await flush();
      await writing;
      if (n !== samples.length) throw new VmsError('VMS_ERR_DATA_CORRUPT', `camera ${plan.cameraId}: fewer frames than planned`);
      await file.sync();
    } finally {
      await writing.catch(() => undefined);
      await file.close();
    }
  });
  return { path, cameraId: plan.cameraId, frames: plan.frames, bytes: mp4.totalBytes, start90k, end90k, gaps: plan.gaps };
}
