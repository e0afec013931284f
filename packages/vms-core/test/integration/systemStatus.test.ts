/**
 * The system monitor through the API, with a real GStreamer camera recording: rates come from
 * the pipelines' own counters, storage use from the media index.
 */
import { describe, expect, it } from 'vitest';
import type { SystemStatusBody } from '../../src/api/common/systemStatusSchemas';
import { TestSite, testCamera, until } from './siteFixture';

describe('getSystemStatus', () => {
  it('reports CPU, memory, disk, write rate and per camera fps, bitrate, state and storage used', async () => {
    const ts = await TestSite.open();
    const cam = await testCamera({ fps: 25, bitrateKbps: 300 });
    const camera = await ts.addRtspCamera(cam.url, { name: 'Yard' });
    await ts.waitForFramesWritten(camera.id, 25);

    let status: SystemStatusBody | undefined;
    const read = async () => {
      const res = await ts.request<SystemStatusBody>('GET', '/api/system/status');
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return (status = res.body);
    };
    // Rates cover the time since the previous reading (at least a second before): the first
    // reading spans the site's start, so wait for the next, all of it streaming.
    const first = (await read()).servers[0]!;
    await until(async () => {
      const s = (await read()).servers[0]!;
      return s.intervalMs !== first.intervalMs && s.cameras[0]!.fps > 0;
    }, () => `status ${JSON.stringify(status)}`, 15_000);
    expect(status!.servers[0]!.intervalMs).toBeGreaterThanOrEqual(1000);

    const server = status!.servers[0]!;
    expect(status!.servers).toHaveLength(1);
    expect(server.cpu.cores).toBeGreaterThan(0);
    for (const percent of [server.cpu.processPercent, server.cpu.systemPercent]) {
      expect(percent).toBeGreaterThanOrEqual(0);
      expect(percent).toBeLessThanOrEqual(100);
    }
    expect(server.memory.processRssBytes).toBeGreaterThan(10 * 2 ** 20);
    expect(server.memory.systemTotalBytes).toBeGreaterThan(server.memory.systemFreeBytes);
    const [storage] = server.storages;
    expect(storage).toMatchObject({ id: 'live', path: ts.site.config.getStorage('live').path });
    expect(storage!.diskTotalBytes).toBeGreaterThan(storage!.diskFreeBytes);
    const [yard] = server.cameras;
    expect(yard).toMatchObject({ cameraId: camera.id, name: 'Yard', enabled: true, connection: 'streaming', recording: true, storageId: 'live' });
    // A 25 fps camera: allow for the interval edges and a loaded machine.
    expect(yard!.fps).toBeGreaterThan(10);
    expect(yard!.fps).toBeLessThan(40);
    expect(yard!.bitrateBitsPerSecond).toBeGreaterThan(20_000);
    // Everything received is recorded (mode always): the write rate follows the bitrate.
    expect(storage!.writeBytesPerSecond * 8).toBeGreaterThan(yard!.bitrateBitsPerSecond / 4);
    // Nothing is sealed yet (recordings last a minute), yet the minute being written counts as used.
    expect(ts.site.media.allRecordings().filter((r) => r.fileBytes > 0)).toEqual([]);
    expect(yard!.storageUsedBytes).toBeGreaterThan(0);
    expect(storage!.usedBytes).toBe(yard!.storageUsedBytes);

    // Disabling the camera seals its recording: its bytes count as used, the rates fall to zero.
    await ts.patchCamera(camera.id, { enabled: false });
    await ts.waitForSealed();
    await until(async () => {
      const s = (await read()).servers[0]!;
      return s.cameras[0]!.storageUsedBytes > 0 && s.cameras[0]!.fps === 0 && s.intervalMs >= 1000;
    }, () => `status ${JSON.stringify(status)}`, 15_000);
    const after = status!.servers[0]!;
    const sealed = ts.site.media.allRecordings().reduce((n, r) => n + r.fileBytes, 0);
    expect(after.cameras[0]).toMatchObject({ connection: null, recording: false, storageUsedBytes: sealed });
    expect(after.storages[0]).toMatchObject({ usedBytes: sealed, writeBytesPerSecond: 0 });
  });
});
