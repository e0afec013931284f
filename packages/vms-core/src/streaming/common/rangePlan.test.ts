import { describe, expect, it } from 'vitest';
import type { IndexedFrame } from '../../media-db/common/frameIndex';
import type { IndexedRecording } from './rangePlan';
import { GCM_TAG_BYTES, planRange } from './rangePlan';

/** A recording of `count` frames 10 ticks apart, a key frame every 5, 100 bytes each. */
function recording(id: number, start90k: number, count: number, encrypted = false): IndexedRecording {
  const frames: IndexedFrame[] = Array.from({ length: count }, (_, i) => ({
    ptsOffset: i * 10, length: 100, isKey: i % 5 === 0, fileOffset: 44 + i * 112,
  }));
  return {
    id, start90k, end90k: start90k + count * 10, videoParamsId: 1, storageId: 's', path: `c/${id}.njf`,
    encrypted, noncePrefix: new Uint8Array(8), frames,
  };
}

describe('planRange', () => {
  it('starts at the key frame at or before `from` and stops before `to`', () => {
    const plan = planRange([recording(1, 1000, 20)], 1072, 1125);
    const r = plan.items[0]!;
    expect(r.kind === 'recording' && r.frames.map((f) => f.time90k)).toEqual([1050, 1060, 1070, 1080, 1090, 1100, 1110, 1120]);
    expect(plan).toMatchObject({ frames: 8, start90k: 1050, end90k: 1130, gaps: [] });
  });

  it('starts at the next recording when `from` falls in a gap, and reports the gap', () => {
    const plan = planRange([recording(1, 1000, 10), recording(2, 2000, 10)], 1500, 2025);
    expect(plan.gaps).toEqual([{ kind: 'gap', start90k: 1500, end90k: 2000 }]);
    expect(plan.items.map((i) => i.kind)).toEqual(['gap', 'recording']);
    expect(plan.start90k).toBe(2000);
    expect(plan.frames).toBe(3);
  });

  it('lets the frame before a gap last until the next frame and counts decrypted sizes', () => {
    const plan = planRange([recording(1, 1000, 10, true), recording(2, 2000, 10, true)], 1000, 3000);
    const first = plan.items[0]!;
    expect(first.kind === 'recording' && first.frames.at(-1)!.duration90k).toBe(2000 - 1090);
    expect(plan.sampleBytes).toBe(20 * (100 - GCM_TAG_BYTES));
    expect(plan.gaps.map((g) => [g.start90k, g.end90k])).toEqual([[1100, 2000], [2100, 3000]]);
    expect(plan.end90k).toBe(2100);
  });

  it('keeps time monotonic if recordings were to overlap', () => {
    const plan = planRange([recording(1, 1000, 10), recording(2, 1050, 10)], 1000, 2000);
    const times = plan.items.flatMap((i) => (i.kind === 'recording' ? i.frames.map((f) => f.time90k) : []));
    expect(times).toEqual([...new Set(times)].sort((a, b) => a - b));
    expect(times).toHaveLength(15);
  });
});
