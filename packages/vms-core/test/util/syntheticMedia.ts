import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { VideoFrame, VideoParameters } from '../../src/media/common/types';

/** Parameter sets of a 1280x720 H.264 stream (content does not matter to storage code). */
export function syntheticParams(tag = 1): VideoParameters {
  return {
    codec: 'h264', width: 1280, height: 720, rfc6381: 'avc1.640028',
    sps: [Uint8Array.from([0x67, 0x64, 0x00, 0x28, tag])], pps: [Uint8Array.from([0x68, 0xee, 0x3c, 0x80])],
  };
}

/** Frames at `fps` starting at start90k, a key frame every `gop`; payload bytes encode the frame number. */
export function syntheticFrames(o: { count: number; start90k: number; fps?: number; gop?: number; size?: number; params?: VideoParameters }): VideoFrame[] {
  const fps = o.fps ?? 25;
  const gop = o.gop ?? fps;
  const params = o.params ?? syntheticParams();
  return Array.from({ length: o.count }, (_, i) => {
    const data = new Uint8Array(o.size ?? 200 + (i % 7) * 10);
    new DataView(data.buffer).setUint32(0, i);
    data[4] = i % gop === 0 ? 0x65 : 0x41;
    return { time90k: o.start90k + Math.round((i * 90_000) / fps), isKey: i % gop === 0, data, params };
  });
}

export function tempDir(prefix = 'nightjar-test-'): { path: string; dispose(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, dispose: () => rmSync(path, { recursive: true, force: true }) };
}
