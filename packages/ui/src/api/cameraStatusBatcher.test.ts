import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CameraStatusBody } from './apiTypes';
import { CameraStatusBatcher } from './cameraStatusBatcher';
import { ApiError } from './siteClient';

const status = (cameraId: string): CameraStatusBody => ({
  cameraId, enabled: true, connection: null, recording: false, manualUntil: null, motion: false, framesWritten: 0, framesLost: 0,
});

afterEach(() => vi.useRealTimers());

describe('CameraStatusBatcher', () => {
  it('answers many single reads with one call, and refuses those the site left out', async () => {
    vi.useFakeTimers();
    const calls: (readonly string[] | undefined)[] = [];
    const batcher = new CameraStatusBatcher({
      listCameraStatuses: async (ids) => {
        calls.push(ids);
        return (ids ?? []).filter((id) => id !== 'hidden').map(status);
      },
    });
    const reads = ['a', 'b', 'a', 'hidden'].map((id) => batcher.get(id).then((s) => s.cameraId, (e: unknown) => e));
    await vi.advanceTimersByTimeAsync(20);
    const [a, b, a2, hidden] = await Promise.all(reads);
    expect(calls).toEqual([['a', 'b', 'hidden']]);
    expect([a, b, a2]).toEqual(['a', 'b', 'a']);
    expect(hidden).toBeInstanceOf(ApiError);
    expect(hidden).toMatchObject({ status: 404 });
  });

  it('splits a large batch, and passes a failure to every waiter of its call', async () => {
    vi.useFakeTimers();
    const sizes: number[] = [];
    const batcher = new CameraStatusBatcher({
      listCameraStatuses: async (ids) => {
        sizes.push(ids!.length);
        if (ids!.includes('c450')) throw new ApiError(0, 'VMS_ERR_NETWORK', 'down');
        return ids!.map(status);
      },
    });
    const reads = Array.from({ length: 450 }, (_, i) => batcher.get(`c${i + 1}`).then(() => 'ok', (e: ApiError) => e.code));
    await vi.advanceTimersByTimeAsync(20);
    const results = await Promise.all(reads);
    expect(sizes).toEqual([200, 200, 50]);
    expect(results.slice(0, 400).every((r) => r === 'ok')).toBe(true);
    expect(results.slice(400).every((r) => r === 'VMS_ERR_NETWORK')).toBe(true);
  });
});
