import { describe, expect, it } from 'vitest';
import { addRequest, foundDevice, foundDevices, manualAddressProblem } from './discovery';

const lobby = {
  endpoint: 'urn:uuid:1',
  xaddrs: ['http://[fe80::1]/onvif/device_service', 'http://192.168.1.20/onvif/device_service'],
  scopes: ['onvif://www.onvif.org/type/video_encoder', 'onvif://www.onvif.org/name/Lobby%20Cam', 'onvif://www.onvif.org/hardware/IPC_3000'],
};

describe('discovery', () => {
  it('describes a found device by its announced name and model, probing its IPv4 address', () => {
    expect(foundDevice(lobby)).toEqual({ key: 'urn:uuid:1', address: 'http://192.168.1.20/onvif/device_service', name: 'Lobby Cam', model: 'IPC 3000', host: '192.168.1.20' });
    expect(foundDevice({ endpoint: 'x', xaddrs: ['http://10.0.0.9:8000/onvif/device_service'], scopes: [] })).toMatchObject({ name: '10.0.0.9:8000', model: null });
    expect(foundDevice({ endpoint: 'x', xaddrs: [], scopes: [] })).toBeNull();
  });

  it('lists each device once, by name, leaving out hosts the site already has', () => {
    const gate = { endpoint: 'urn:uuid:2', xaddrs: ['http://192.168.1.21/onvif/device_service'], scopes: ['onvif://www.onvif.org/name/Gate'] };
    expect(foundDevices([lobby, gate, lobby]).map((d) => d.name)).toEqual(['Gate', 'Lobby Cam']);
    expect(foundDevices([lobby, gate], new Set(['192.168.1.21'])).map((d) => d.name)).toEqual(['Lobby Cam']);
  });

  it('checks a manual address for its driver', () => {
    expect(manualAddressProblem('rtsp', 'rtsp://10.0.0.5:554/s1')).toBeUndefined();
    expect(manualAddressProblem('rtsp', '10.0.0.5')).toMatch(/rtsp:\/\//);
    expect(manualAddressProblem('onvif', '10.0.0.5:8080')).toBeUndefined();
    expect(manualAddressProblem('onvif', 'https://cam.local/onvif/device_service')).toBeUndefined();
    expect(manualAddressProblem('onvif', 'rtsp://10.0.0.5')).toMatch(/http/);
    expect(manualAddressProblem('onvif', 'bad host name')).toMatch(/Not a valid/);
    expect(manualAddressProblem('onvif', '  ')).toMatch(/Type/);
  });

  it('makes addHardware requests with credentials and storage only when given', () => {
    expect(addRequest('onvif', ' 10.0.0.5 ', { username: ' admin ', password: 'pw' }, 'st')).toEqual({ driver: 'onvif', address: '10.0.0.5', username: 'admin', password: 'pw', storageId: 'st' });
    expect(addRequest('rtsp', 'rtsp://x/s', { username: '', password: '' }, null)).toEqual({ driver: 'rtsp', address: 'rtsp://x/s' });
  });
});
