import { describe, expect, it } from 'vitest';
import { defaultManualForm, manualRequest, summarizeDiscovered } from './manualHardware';

describe('manual hardware', () => {
  const form = defaultManualForm();

  it('addresses an ONVIF device by host and port, or by its service URL', () => {
    expect(manualRequest({ ...form, host: '192.168.1.20', port: '8080', username: 'admin', password: 'pw' }, 'live')).toEqual({
      body: { driver: 'onvif', address: '192.168.1.20:8080', storageId: 'live', username: 'admin', password: 'pw' },
    });
    expect(manualRequest({ ...form, host: 'http://cam.local/onvif/device_service', port: '' }, 'live')).toEqual({
      body: { driver: 'onvif', address: 'http://cam.local/onvif/device_service', storageId: 'live' },
    });
  });

  it('builds RTSP stream URLs from host, port and paths', () => {
    const rtsp = { ...form, driver: 'rtsp' as const, host: 'cam-1', port: '554', path: 'live/main', subPath: '/live/sub', name: ' Gate ' };
    expect(manualRequest(rtsp, 'live')).toEqual({
      body: { driver: 'rtsp', address: 'rtsp://cam-1:554/live/main', streamUrls: ['rtsp://cam-1:554/live/sub'], storageId: 'live', name: 'Gate' },
    });
  });

  it('names a simulated pattern, without credentials', () => {
    expect(manualRequest({ ...form, driver: 'simulated', host: '', path: 'lab', username: 'x' }, 'live')).toEqual({
      body: { driver: 'simulated', address: 'sim://lab', storageId: 'live' },
    });
  });

  it('marks a bad address or port at its field', () => {
    expect(manualRequest({ ...form, host: '' }, 'live')).toEqual({ problems: { address: expect.stringMatching(/address/) } });
    expect(manualRequest({ ...form, host: 'bad host!' }, 'live')).toEqual({ problems: { address: expect.stringMatching(/not a host/) } });
    expect(manualRequest({ ...form, host: '10.0.0.1', port: '70000' }, 'live')).toEqual({ problems: { port: expect.stringMatching(/1–65535/) } });
    expect(manualRequest({ ...form, host: '10.0.0.1', port: '' }, 'live')).toEqual({ problems: { port: expect.stringMatching(/1–65535/) } });
  });
});

describe('discovered devices', () => {
  it('reads name, hardware and location from the ONVIF scopes and prefers an IPv4 address', () => {
    const s = summarizeDiscovered({
      endpoint: 'urn:uuid:1',
      xaddrs: ['http://[fe80::1]/onvif/device_service', 'http://127.0.0.1:8080/onvif/device_service'],
      scopes: ['onvif://www.onvif.org/name/Lobby%20Dome', 'onvif://www.onvif.org/hardware/Dome_3', 'onvif://www.onvif.org/type/video_encoder'],
    });
    expect(s).toEqual({ address: 'http://127.0.0.1:8080/onvif/device_service', host: '127.0.0.1:8080', name: 'Lobby Dome', hardware: 'Dome 3', location: undefined });
  });
});
