import { createServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../base/common/clock';
import { isVmsError } from '../../../base/common/errors';
import type { ErrorCode } from '../../../base/common/errors';
import { startOnvifSimulator } from '../../../../test/harness/onvif/onvifSimulator';
import type { OnvifSimulator, OnvifSimulatorOptions } from '../../../../test/harness/onvif/onvifSimulator';
import { deviceServiceUrl, probeOnvif } from './probeOnvif';

const admin = { username: 'admin', password: 'secret' };
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function simulator(opts: OnvifSimulatorOptions = {}): Promise<OnvifSimulator> {
  const sim = await startOnvifSimulator({ username: admin.username, password: admin.password, ...opts });
  cleanups.push(() => sim.stop());
  return sim;
}

async function expectError(promise: Promise<unknown>, code: ErrorCode): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isVmsError(error, code), `expected ${code}, got ${String(error)}`).toBe(true);
}

describe('probeOnvif', () => {
  it('reads device information, profiles, stream and snapshot URIs', async () => {
    const sim = await simulator({
      manufacturer: 'Acme',
      model: 'Cam-2000',
      firmware: '5.4.1',
      serial: 'SN123',
      profiles: [
        { token: 'p0', name: 'Main', encoding: 'H265', width: 2560, height: 1440, fps: 20, rtspUrl: 'rtsp://127.0.0.1:8554/main' },
        { token: 'p1', name: 'Sub', encoding: 'H264', width: 640, height: 360, fps: 10, rtspUrl: 'rtsp://127.0.0.1:8554/sub?x=1&y=2' },
      ],
    });
    const info = await probeOnvif(`127.0.0.1:${sim.port}`, admin);
    expect(info).toMatchObject({
      driver: 'onvif',
      address: sim.xaddr,
      manufacturer: 'Acme',
      model: 'Cam-2000',
      firmware: '5.4.1',
      serial: 'SN123',
    });
    expect(info.cameras).toHaveLength(1);
    const camera = info.cameras[0];
    expect(camera?.key).toBe('VideoSource_1');
    expect(camera?.name).toBe('Cam-2000');
    expect(camera?.snapshotUrl).toBe(`http://127.0.0.1:${sim.port}/onvif/snapshot?token=p0`);
    expect(camera?.streams).toEqual([
      { key: 'p0', name: 'Main', url: 'rtsp://127.0.0.1:8554/main', codec: 'h265', width: 2560, height: 1440, fps: 20 },
      { key: 'p1', name: 'Sub', url: 'rtsp://127.0.0.1:8554/sub?x=1&y=2', codec: 'h264', width: 640, height: 360, fps: 10 },
    ]);
    // The snapshot URI leads to an image.
    const snapshot = await fetch(camera?.snapshotUrl ?? '');
    expect(snapshot.headers.get('content-type')).toBe('image/jpeg');
  });

  it('makes one camera per video source, in the device order', async () => {
    const profile = { encoding: 'H264', width: 1280, height: 720, fps: 25 } as const;
    const sim = await simulator({
      model: 'NVR-4',
      profiles: [
        { ...profile, token: 'ch1main', name: 'Ch1 main', videoSourceToken: 'src1', rtspUrl: 'rtsp://127.0.0.1:554/ch1/main' },
        { ...profile, token: 'ch2main', name: 'Ch2 main', videoSourceToken: 'src2', rtspUrl: 'rtsp://127.0.0.1:554/ch2/main' },
        { ...profile, token: 'ch1sub', name: 'Ch1 sub', videoSourceToken: 'src1', rtspUrl: 'rtsp://127.0.0.1:554/ch1/sub' },
      ],
    });
    const info = await probeOnvif(sim.xaddr, admin);
    expect(info.cameras.map((c) => [c.key, c.name, c.streams.map((s) => s.key)])).toEqual([
      ['src1', 'NVR-4 1', ['ch1main', 'ch1sub']],
      ['src2', 'NVR-4 2', ['ch2main']],
    ]);
  });

  it('strips credentials a device embeds in stream URIs', async () => {
    const sim = await simulator({ embedCredentialsInStreamUri: true });
    const info = await probeOnvif(sim.xaddr, admin);
    const urls = info.cameras.flatMap((c) => c.streams.map((s) => s.url));
    expect(urls).toEqual(['rtsp://127.0.0.1:8554/main', 'rtsp://127.0.0.1:8554/sub']);
  });

  it('signs WS-Security with the device clock when the clocks are hours apart', async () => {
    const sim = await simulator({ clockOffsetMs: 3 * 3600_000 });
    const info = await probeOnvif(sim.xaddr, admin);
    expect(info.cameras[0]?.streams).toHaveLength(2);
  });

  it('uses the injected host clock when computing the device clock offset', async () => {
    const sim = await simulator();
    // A host clock years off still yields timestamps in the device's time.
    const info = await probeOnvif(sim.xaddr, admin, { clock: new ManualClock(Date.UTC(2020, 0, 1)) });
    expect(info.cameras[0]?.streams).toHaveLength(2);
  });

  it('reports a wrong password as VMS_ERR_DEVICE_AUTH, whether the device says 400 or 401', async () => {
    for (const authFailureStatus of [400, 401] as const) {
      const sim = await simulator({ authFailureStatus });
      await expectError(probeOnvif(sim.xaddr, { username: 'admin', password: 'wrong' }), 'VMS_ERR_DEVICE_AUTH');
      await expectError(probeOnvif(sim.xaddr, { username: 'intruder', password: 'secret' }), 'VMS_ERR_DEVICE_AUTH');
      await expectError(probeOnvif(sim.xaddr, {}), 'VMS_ERR_DEVICE_AUTH');
    }
  });

  it('reports a closed port as VMS_ERR_DEVICE_UNREACHABLE', async () => {
    const server = await listen(createServer());
    const port = (server.address() as AddressInfo).port;
    await new Promise((resolve) => server.close(resolve));
    await expectError(probeOnvif(`127.0.0.1:${port}`, admin), 'VMS_ERR_DEVICE_UNREACHABLE');
  });

  it('reports a device that never answers as VMS_ERR_DEVICE_UNREACHABLE', async () => {
    const sockets = new Set<Socket>();
    const server = await listen(createServer((socket) => sockets.add(socket)));
    cleanups.push(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    });
    const port = (server.address() as AddressInfo).port;
    await expectError(probeOnvif(`127.0.0.1:${port}`, admin, { timeoutMs: 200 }), 'VMS_ERR_DEVICE_UNREACHABLE');
  });

  it('reports broken replies as VMS_ERR_DEVICE_PROTOCOL', async () => {
    const broken = [
      '<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Body><GetProfilesResponse>',
      'Internal error, please reboot',
      '<html><body>Not SOAP</body></html>',
      '<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Body><Other/></env:Body></env:Envelope>',
    ];
    for (const body of broken) {
      const sim = await simulator({ rawResponses: { GetProfiles: body } });
      await expectError(probeOnvif(sim.xaddr, admin), 'VMS_ERR_DEVICE_PROTOCOL');
    }
  });

  it('reports an unknown SOAP fault as VMS_ERR_DEVICE_PROTOCOL', async () => {
    const fault =
      '<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Body><env:Fault>' +
      '<env:Code><env:Value>env:Receiver</env:Value></env:Code>' +
      '<env:Reason><env:Text xml:lang="en">Busy</env:Text></env:Reason></env:Fault></env:Body></env:Envelope>';
    const sim = await simulator({ rawResponses: { GetDeviceInformation: fault } });
    await expectError(probeOnvif(sim.xaddr, admin), 'VMS_ERR_DEVICE_PROTOCOL');
  });
});

describe('deviceServiceUrl', () => {
  it('accepts host, host:port and full URLs', () => {
    expect(deviceServiceUrl('10.0.0.5').toString()).toBe('http://10.0.0.5/onvif/device_service');
    expect(deviceServiceUrl('cam.local:8080').toString()).toBe('http://cam.local:8080/onvif/device_service');
    expect(deviceServiceUrl('[fd00::5]:8000').toString()).toBe('http://[fd00::5]:8000/onvif/device_service');
    expect(deviceServiceUrl('https://u:p@cam/onvif/device').toString()).toBe('https://cam/onvif/device');
  });

  it('rejects what is not an http(s) address', () => {
    expect(() => deviceServiceUrl('rtsp://cam/stream')).toThrow(/http or https/);
    expect(() => deviceServiceUrl('bad host')).toThrow(/Not an ONVIF device address/);
  });
});

function listen(server: Server): Promise<Server> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
