/**
 * Export speed: one hour of 1080p25 H.264 at ~4 Mbit/s, recorded through the real
 * RecordingWriter (the 180 s test clip again and again with shifted timestamps, one-minute
 * recordings), exported to MP4 by our exporter (exportMp4: moov from the index, frames copied
 * from the frame files), against ffmpeg remuxing the same frames to MP4 with -c copy, in the
 * same run. ffmpeg gets the hour as one MP4 (an indexed input, like ours) and as one Annex B
 * .h264 elementary stream; both are written beforehand and not timed.
 */
import { execFileSync } from 'node:child_process';
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { MediaDb } from '../packages/vms-core/src/media-db/node/mediaDb';
import type { StorageHandle } from '../packages/vms-core/src/media-db/node/storageHandle';
import type { VideoFrame } from '../packages/vms-core/src/media/common/types';
import { SiteKeys } from '../packages/vms-core/src/security/node/siteKeys';
import { exportMp4 } from '../packages/vms-core/src/streaming/node/export/exportMp4';
import { RecordingReader } from '../packages/vms-core/src/streaming/node/recordingReader';
import { makeTestClip } from '../packages/vms-core/test/harness/testCamera';
import type { BenchContext } from './lib/context';
import { machineInfo } from './lib/machineInfo';
import { measureWindow } from './lib/procStats';
import { fixed, formatTable, machineNote, tempDir, writeResult } from './lib/report';
import { fillRecordings, loadClipFrames } from './lib/recordedData';

const run = promisify(execFile);
const FPS = 25;
const START_CODE = new Uint8Array([0, 0, 0, 1]);

/** The frames as a camera's Annex B stream: parameter sets before each key frame, start codes instead of lengths. */
function writeAnnexB(file: string, clip: VideoFrame[], frames: number): void {
  const fd = openSync(file, 'w');
  try {
    const parts: Uint8Array[] = [];
    let bytes = 0;
    const flush = () => {
      writeSync(fd, Buffer.concat(parts, bytes));
      parts.length = 0;
      bytes = 0;
    };
    const push = (b: Uint8Array) => {
      parts.push(b);
      bytes += b.length;
    };
    for (let i = 0; i < frames; i++) {
      const f = clip[i % clip.length]!;
      if (f.isKey) {
        for (const ps of [...f.params.sps, ...f.params.pps]) {
          push(START_CODE);
          push(ps);
        }
      }
      for (let p = 0; p + 4 <= f.data.length;) {
        const n = new DataView(f.data.buffer, f.data.byteOffset + p, 4).getUint32(0);
        push(START_CODE);
        push(f.data.subarray(p + 4, p + 4 + n));
        p += 4 + n;
      }
      if (bytes > 8 << 20) flush();
    }
    flush();
  } finally {
    closeSync(fd);
  }
}

async function ffmpeg(args: string[]): Promise<void> {
  const child = spawn('ffmpeg', ['-v', 'error', '-nostdin', '-y', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`ffmpeg ${args.join(' ')} failed (${code}): ${stderr}`);
}

/** Drops the clean page cache (after a sync, that is all of it); false when not allowed. */
function dropPageCache(): boolean {
  try {
    writeFileSync('/proc/sys/vm/drop_caches', '1');
    return true;
  } catch {
    return false;
  }
}

async function probeFrames(file: string): Promise<number> {
  const { stdout } = await run('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=nb_frames', '-of', 'csv=p=0', file]);
  return Number(stdout.trim());
}

function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

interface Timing {
  seconds: number;
  /** with an fsync of the output (our exporter syncs before it renames; ffmpeg does not) */
  secondsWithSync: number;
  frames: number;
  bytes: number;
}

export async function exportSpeed(ctx: BenchContext): Promise<void> {
  const minutes = ctx.quick ? 10 : 60;
  const rounds = ctx.quick ? 1 : 5;
  const tmp = tempDir(ctx.cleanup, 'export');
  const storage: StorageHandle = { id: 'live', root: path.join(tmp.dir, 'live') };
  mkdirSync(storage.root);
  const db = new MediaDb(path.join(tmp.dir, 'media.db'));
  ctx.cleanup.add('media db (export)', () => db.close());
  const keys = SiteKeys.loadOrCreate(path.join(tmp.dir, 'site-key.json'));

  const clipFile = await makeTestClip({ seconds: 180 });
  const clip = await loadClipFrames(clipFile, tmp.dir, FPS);
  const start90k = Date.UTC(2026, 0, 1, 12) * 90;
  const t = performance.now();
  const fill = await fillRecordings({ db, keys, storage }, { cameraId: 'cam', streamKey: 'main', clip, fps: FPS, start90k, minutes });
  ctx.log(`exportSpeed: ${minutes} min of 1080p25 (${fill.recordings} recordings, ${fixed(fill.bytes / 2 ** 30)} GiB, ` +
    `${fixed((fill.bytes * 8) / (minutes * 60) / 1e6)} Mbit/s) recorded in ${fixed((performance.now() - t) / 1000, 0)} s`);

  // The baseline's inputs: the same frames as one Annex B stream and as one MP4 (not timed).
  const h264 = path.join(tmp.dir, 'hour.h264');
  const mp4In = path.join(tmp.dir, 'hour-in.mp4');
  writeAnnexB(h264, clip, fill.frames);
  await ffmpeg(['-f', 'h264', '-framerate', String(FPS), '-i', h264, '-c', 'copy', mp4In]);
  ctx.log(`  baseline inputs written: ${path.basename(h264)} ${fixed(statSync(h264).size / 2 ** 30)} GiB, ${path.basename(mp4In)}`);

  const reader = new RecordingReader({ db, storages: [storage] });
  const mediaSeconds = (fill.end90k - fill.start90k) / 90_000;
  const out = path.join(tmp.dir, 'out.mp4');
  const frameFiles = readdirSync(storage.root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  const time = async (fn: () => Promise<void>, syncOutput: boolean, inputs: string[]): Promise<Timing> => {
    rmSync(out, { force: true });
    // Write back every dirty page first (the hour just written, the previous output): whoever
    // runs first would otherwise pay for the others' writeback.
    execFileSync('sync');
    // Every exporter starts from the same cache state: cold where the page cache can be
    // dropped (root), else warm. Our frame files are written with O_DIRECT and ffmpeg's inputs
    // through the cache, so without this one side would read from memory and the other from disk.
    if (!dropPageCache()) for (const f of inputs) readFileSync(f);
    const t0 = performance.now();
    await fn();
    const t1 = performance.now();
    if (syncOutput) fsyncFile(out);
    const t2 = performance.now();
    const timing = { seconds: (t1 - t0) / 1000, secondsWithSync: (t2 - t0) / 1000, frames: await probeFrames(out), bytes: statSync(out).size };
    rmSync(out, { force: true });
    return timing;
  };
  const ours: Timing[] = [];
  const ffmpegMp4: Timing[] = [];
  const ffmpegAnnexB: Timing[] = [];
  const busy = measureWindow(() => [process.pid], 1);
  const runs = [
    async () => void ours.push(await time(async () => void (await exportMp4(reader, { cameraId: 'cam', from90k: fill.start90k, to90k: fill.end90k }, out)), false, frameFiles)),
    async () => void ffmpegMp4.push(await time(() => ffmpeg(['-i', mp4In, '-c', 'copy', out]), true, [mp4In])),
    async () => void ffmpegAnnexB.push(await time(() => ffmpeg(['-f', 'h264', '-framerate', String(FPS), '-i', h264, '-c', 'copy', out]), true, [h264])),
  ];
  for (let r = 0; r < rounds; r++) {
    // The order rotates each round, so no exporter always runs first (cache, writeback).
    for (let i = 0; i < runs.length; i++) await runs[(r + i) % runs.length]!();
    ctx.log(`  round ${r + 1}: ours ${fixed(ours.at(-1)!.seconds)} s, ffmpeg from MP4 ${fixed(ffmpegMp4.at(-1)!.seconds)} s, from Annex B ${fixed(ffmpegAnnexB.at(-1)!.seconds)} s`);
  }
  const machine = await busy;
  const cacheState = dropPageCache() ? 'cold' : 'warm';
  // ours.secondsWithSync = seconds: exportMp4 fsyncs inside.
  for (const o of ours) o.secondsWithSync = o.seconds;

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const summary = (name: string, ts: Timing[]) => {
    const s = median(ts.map((x) => x.seconds));
    const ss = median(ts.map((x) => x.secondsWithSync));
    return { name, seconds: s, secondsWithSync: ss, speed: mediaSeconds / s, speedWithSync: mediaSeconds / ss, frames: ts[0]!.frames, bytes: ts[0]!.bytes, rounds: ts };
  };
  const rows = [summary('ours: exportMp4 (includes fsync)', ours), summary('ffmpeg -i hour.mp4 -c copy out.mp4', ffmpegMp4),
    summary('ffmpeg -f h264 -i hour.h264 -c copy out.mp4', ffmpegAnnexB)];
  const [o, fm, fa] = rows as [typeof rows[0], typeof rows[0], typeof rows[0]];
  console.log(`\nExport of ${minutes} min of 1080p25 H.264 (~4 Mbit/s, ${fill.frames} frames) to MP4, median of ${rounds} round(s); ${machineNote(machine.machineBusy, machine.loadAverage)}\n`);
  console.log(formatTable(['exporter', 'seconds', '× real time', 'seconds with output fsync', '× real time with fsync', 'frames in output', 'output GiB'],
    rows.map((r) => [r.name, fixed(r.seconds), fixed(r.speed, 0), fixed(r.secondsWithSync), fixed(r.speedWithSync, 0), r.frames, fixed(r.bytes / 2 ** 30)])));
  console.log(`\nours / ffmpeg (MP4 input) speed: ${fixed(o.speed / fm.speed)} (ffmpeg without fsync), ${fixed(o.speed / fm.speedWithSync)} (both fsynced); ` +
    `ours / ffmpeg (Annex B input): ${fixed(o.speed / fa.speed)} / ${fixed(o.speed / fa.speedWithSync)}. Targets: ours ≥ 100× real time, ≥ 0.8× ffmpeg.`);
  console.log(cacheState === 'cold'
    ? '(the page cache was dropped before every run: all three read their input from the disk)'
    : '(the page cache could not be dropped: every input was read once before its run, so all three read from memory)');
  const file = writeResult('exportSpeed', {
    date: new Date().toISOString(), quick: ctx.quick, machine: machineInfo(), mediaSeconds, recordedFrames: fill.frames, recordedBytes: fill.bytes,
    machineBusy: machine.machineBusy, loadAverage: machine.loadAverage, inputCache: cacheState, results: rows,
    ratio: { vsMp4: o.speed / fm.speed, vsMp4Synced: o.speed / fm.speedWithSync, vsAnnexB: o.speed / fa.speed, vsAnnexBSynced: o.speed / fa.speedWithSync },
  });
  ctx.log(`wrote ${file}`);
}
