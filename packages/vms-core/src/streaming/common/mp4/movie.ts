import type { Time90k, VideoParameters } from '../../../media/common/types';
import type { ByteWriter } from './boxes';
import { mp4Time } from './boxes';
import { writeSampleEntry } from './codecConfig';

/** One timescale for movie and track: the recorder's 90 kHz clock, so no rounding anywhere. */
export const TIMESCALE = 90_000;
export const TRACK_ID = 1;

const IDENTITY_MATRIX = [0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000];

export interface MovieOptions {
  /** Sample descriptions in order; sample_description_index n refers to descriptions[n - 1]. */
  descriptions: readonly VideoParameters[];
  /** Total duration, 90 kHz; 0 for a fragmented movie (the fragments carry the time). */
  duration90k: number;
  /** Wall-clock time of the first frame (shown by players and ffprobe as creation_time). */
  creationTime90k?: Time90k;
  /** Writes the stbl tables after stsd (empty for a fragmented movie). */
  sampleTables(w: ByteWriter): void;
  /** Boxes that follow the trak inside moov (mvex, udta). */
  trailer?(w: ByteWriter): void;
}

export function writeFtyp(w: ByteWriter, major: string, compatible: readonly string[]): void {
  w.box('ftyp', () => {
    w.fourcc(major).u32(0x200);
    for (const b of compatible) w.fourcc(b);
  });
}

/** The moov of a one-video-track movie; versions 1 throughout because durations pass 2^32. */
export function writeMoov(w: ByteWriter, o: MovieOptions): void {
  const first = o.descriptions[0];
  if (!first) throw new RangeError('a movie needs at least one sample description');
  const t = mp4Time(o.creationTime90k);
  w.box('moov', () => {
    w.fullBox('mvhd', 1, 0, () => {
      w.u64(t).u64(t).u32(TIMESCALE).u64(o.duration90k);
      w.u32(0x00010000).u16(0x0100).zeros(10); // rate 1.0, volume 1.0, reserved
      for (const m of IDENTITY_MATRIX) w.u32(m);
      w.zeros(24).u32(TRACK_ID + 1); // pre_defined, next_track_ID
    });
    w.box('trak', () => {
      w.fullBox('tkhd', 1, 3, () => { // enabled, in movie
        w.u64(t).u64(t).u32(TRACK_ID).u32(0).u64(o.duration90k);
        w.zeros(8).u16(0).u16(0).u16(0).u16(0); // reserved, layer, alternate_group, volume, reserved
        for (const m of IDENTITY_MATRIX) w.u32(m);
        w.u32(first.width * 0x10000).u32(first.height * 0x10000);
      });
      w.box('mdia', () => {
        w.fullBox('mdhd', 1, 0, () => {
          w.u64(t).u64(t).u32(TIMESCALE).u64(o.duration90k);
          w.u16(0x55c4).u16(0); // language 'und'
        });
        w.fullBox('hdlr', 0, 0, () => {
          w.u32(0).fourcc('vide').zeros(12).bytes(new TextEncoder().encode('VideoHandler\0'));
        });
        w.box('minf', () => {
          w.fullBox('vmhd', 0, 1, () => w.zeros(8));
          w.box('dinf', () => {
            w.fullBox('dref', 0, 0, () => {
              w.u32(1).fullBox('url ', 0, 1, () => undefined); // media in this file
            });
          });
          w.box('stbl', () => {
            w.fullBox('stsd', 0, 0, () => {
              w.u32(o.descriptions.length);
              for (const d of o.descriptions) writeSampleEntry(w, d);
            });
            o.sampleTables(w);
          });
        });
      });
    });
    o.trailer?.(w);
  });
}

/** Empty sample tables: a fragmented movie's samples are all in its fragments. */
export function writeEmptySampleTables(w: ByteWriter): void {
  w.fullBox('stts', 0, 0, () => w.u32(0));
  w.fullBox('stsc', 0, 0, () => w.u32(0));
  w.fullBox('stsz', 0, 0, () => w.u32(0).u32(0));
  w.fullBox('stco', 0, 0, () => w.u32(0));
}

/**
 * udta with a QuickTime-style ©day string: the exact wall-clock start with milliseconds,
 * which creation_time (whole seconds) cannot carry. ffprobe shows it as the `date` tag.
 */
export function writeStartDate(w: ByteWriter, start90k: Time90k | undefined): void {
  if (start90k === undefined) return;
  const text = new TextEncoder().encode(new Date(Math.floor(start90k / 90)).toISOString());
  w.box('udta', () => {
    w.box('\u00a9day', () => w.u16(text.length).u16(0x55c4).bytes(text));
  });
}
