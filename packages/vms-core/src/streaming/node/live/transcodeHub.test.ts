/** jsmpeg transcoding of a real H.265 camera (Chromium cannot decode H.265 itself). */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../../base/node/systemClock';
import type { LiveSink } from './liveFmp4Viewer';
import { Snapshots } from './snapshots';
import { TranscodeHub } from './transcodeHub';
import { realCameraHub } from './liveTestUtil';

const run = promisify(execFile);

/** An MPEG-1 sequence header's start code: it opens the PES of every GOP's first picture, in one TS packet. */
const SEQUENCE_HEADER = Buffer.from([0, 0, 1, 0xb3]);

class ByteSink implements LiveSink {
  readonly chunks: Uint8Array[] = [];
  bytes = 0;
  bufferedAmount = 0;
  /** Whether a sequence header arrived: a viewer joining mid-GOP has none until the next GOP. */
  sequenceHeader = false;
  private waiter: { n: number; resolve: () => void } | undefined;
  send(parts: Uint8Array[]): void {
    for (const p of parts) {
      this.chunks.push(Uint8Array.from(p));
      this.bytes += p.length;
      this.sequenceHeader ||= Buffer.from(p.buffer, p.byteOffset, p.length).includes(SEQUENCE_HEADER);
    }
    if (this.waiter && this.ready(this.waiter.n)) this.waiter.resolve();
  }
  /** Resolves once `n` bytes and a sequence header arrived (what a decoder, or ffprobe, needs). */
  waitForBytes(n: number): Promise<void> {
    return this.ready(n) ? Promise.resolve() : new Promise((resolve) => (this.waiter = { n, resolve }));
  }
  private ready(n: number): boolean {
    return this.bytes >= n && this.sequenceHeader;
  }
}

describe('TranscodeHub with a real H.265 camera', () => {
  let env: Awaited<ReturnType<typeof realCameraHub>>;
  let dir: string;
  beforeAll(async () => {
    env = await realCameraHub({ codec: 'h265', width: 320, height: 240 });
    dir = mkdtempSync(join(tmpdir(), 'nightjar-transcode-'));
  });
  afterAll(async () => {
    await env.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs one ffmpeg for three viewers, sends 188-aligned MPEG-TS with MPEG-1 video, and stops with the last viewer', async () => {
    const hub = new TranscodeHub(env.hub);
    const sinks = [new ByteSink(), new ByteSink(), new ByteSink()];
    const viewers = sinks.slice(0, 2).map((s) => hub.join('cam', 'main', 'h265', { width: 320, height: 240 }, s));
    await sinks[0]!.waitForBytes(40_000);
    viewers.push(hub.join('cam', 'main', 'h265', { width: 320, height: 240 }, sinks[2]!)); // a late joiner
    await sinks[2]!.waitForBytes(40_000);
    const list = hub.list();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ viewers: 3 });
    expect(env.hub.openStreams()).toMatchObject([{ subscribers: 1 }]);
    const pid = list[0]!.pid!;
    for (const s of sinks) expect(s.chunks.every((c) => c.length % 188 === 0 && c[0] === 0x47)).toBe(true);

    for (const [i, s] of [sinks[0]!, sinks[2]!].entries()) {
      const file = join(dir, `out${i}.ts`);
      writeFileSync(file, Buffer.concat(s.chunks));
      const { stdout } = await run('ffprobe', ['-v', 'error', '-show_streams', '-show_format', '-of', 'json', file]);
      const j = JSON.parse(stdout) as { streams: { codec_name: string; width: number; height: number }[]; format: { format_name: string } };
      expect(j.format.format_name).toBe('mpegts');
      expect(j.streams[0]).toMatchObject({ codec_name: 'mpeg1video', width: 320, height: 240 });
    }

    viewers[0]!.dispose();
    viewers[1]!.dispose();
    expect(hub.list()).toHaveLength(1);
    viewers[2]!.dispose();
    expect(hub.list()).toHaveLength(0);
    await hub.close(); // waits for the process to exit
    expect(existsSync(`/proc/${pid}`)).toBe(false); // exited and reaped: no zombie
    await vi.waitFor(() => expect(env.hub.openStreams()).toEqual([]));
  });

  it('refuses odd sizes and ends viewers on close', async () => {
    const hub = new TranscodeHub(env.hub);
    expect(() => hub.join('cam', 'main', 'h265', { width: 321, height: 240 }, new ByteSink())).toThrow(/even/);
    const ended: string[] = [];
    const sink = new ByteSink();
    hub.join('cam', 'main', 'h265', { width: 160, height: 120 }, sink, { onEnd: (e) => ended.push(e.code) });
    await sink.waitForBytes(1000);
    const pid = hub.list()[0]!.pid!;
    await hub.close();
    expect(ended).toEqual(['VMS_ERR_CONFLICT']);
    expect(existsSync(`/proc/${pid}`)).toBe(false);
  });

  it('snapshots an H.265 stream', async () => {
    const snaps = new Snapshots({ hub: env.hub, clock: systemClock });
    try {
      const jpeg = await snaps.jpeg('cam', 'main', { width: 160 });
      expect([jpeg[0], jpeg[1]]).toEqual([0xff, 0xd8]);
      writeFileSync(join(dir, 'h265.jpg'), jpeg);
      const { stdout } = await run('ffprobe', ['-v', 'error', '-show_streams', '-of', 'json', join(dir, 'h265.jpg')]);
      expect((JSON.parse(stdout) as { streams: { width: number; height: number }[] }).streams[0]).toMatchObject({ width: 160, height: 120 });
    } finally {
      await snaps.close();
    }
  });
});
