import type { Time90k, VideoParameters } from '../../../media/common/types';
import { ByteWriter } from './boxes';
import { TRACK_ID, writeEmptySampleTables, writeFtyp, writeMoov, writeStartDate } from './movie';

/**
 * The initialization segment of a fragmented MP4 (ftyp + moov with mvex): what MSE, HLS
 * (fMP4) and ffmpeg need before the first media segment. One video track, timescale 90 kHz.
 * A change of parameter sets needs a new init segment (MSE accepts one mid-stream).
 */
export function buildInitSegment(params: VideoParameters, o: { creationTime90k?: Time90k } = {}): Uint8Array {
  const w = new ByteWriter(1024);
  const sampleBrand = params.codec === 'h264' ? 'avc1' : 'hvc1';
  writeFtyp(w, 'iso5', ['iso5', 'iso6', 'mp41', sampleBrand]);
  writeMoov(w, {
    descriptions: [params],
    duration90k: 0,
    creationTime90k: o.creationTime90k,
    sampleTables: writeEmptySampleTables,
    trailer: () => {
      w.box('mvex', () => {
        w.fullBox('trex', 0, 0, () => {
          w.u32(TRACK_ID).u32(1).u32(0).u32(0).u32(0); // description 1; per-sample values in trun
        });
      });
      writeStartDate(w, o.creationTime90k);
    },
  });
  return w.finish();
}
