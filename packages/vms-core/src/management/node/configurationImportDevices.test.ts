import { describe, expect, it } from 'vitest';
import type { ConfigurationDocument, DocumentDevice } from '../common/configurationDocument';
import { checkDevices } from './configurationImportDevices';

const hardware = [{ id: 'hw', driver: 'onvif', address: 'http://127.0.0.1/onvif/device_service', name: 'Gate', recordingServerId: null }] as ConfigurationDocument['hardware'];
const device = (o: Partial<DocumentDevice> = {}): DocumentDevice => ({
  id: 'd1', hardwareId: 'hw', kind: 'output', deviceKey: 'RO_1', name: 'Gate Output 1', enabled: true, group: '', settings: {}, reportedName: 'Output 1', ...o,
});
const fieldOf = (devices: DocumentDevice[]) => {
  try {
    checkDevices({ hardware, devices });
    return undefined;
  } catch (e) {
    return (e as { field?: string }).field;
  }
};

describe('checking the devices of a configuration file', () => {
  it('accepts devices of its hardware, and a file without devices', () => {
    expect(fieldOf([device(), device({ id: 'd2', kind: 'input', deviceKey: 'RO_1' })])).toBeUndefined();
    expect(() => checkDevices({ hardware })).not.toThrow();
  });

  it('names the field of a device that does not hold together', () => {
    expect(fieldOf([device({ hardwareId: 'gone' })])).toBe('document.devices[0].hardwareId');
    expect(fieldOf([device(), device()])).toBe('document.devices[1]');
    expect(fieldOf([device(), device({ id: 'd2' })])).toBe('document.devices[1].deviceKey');
    expect(fieldOf([device({ name: ' ' })])).toBe('document.devices[0].name');
    expect(fieldOf([device({ group: '/x' })])).toBe('document.devices[0].group');
    expect(fieldOf([device({ kind: 'input', settings: { pulseSeconds: 1 } })])).toBe('document.devices[0].settings.pulseSeconds');
  });
});
