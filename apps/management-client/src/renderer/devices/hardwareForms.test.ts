import { describe, expect, it } from 'vitest';
import { defaultScanForm, foundDeviceRequest, parseIPv4, parsePorts, rangeProblems, rangeSize, scanRequest } from './hardwareForms';
import type { FoundDevice } from './hardwareForms';

describe('address ranges', () => {
  it('reads dotted-quad IPv4 only', () => {
    expect(parseIPv4('192.168.1.10')).toBe(((192 * 256 + 168) * 256 + 1) * 256 + 10);
    expect(parseIPv4(' 10.0.0.1 ')).toBe(167772161);
    for (const bad of ['10.0.0', '10.0.0.256', '10.0.0.01', 'a.b.c.d', '']) expect(parseIPv4(bad), bad).toBeUndefined();
  });

  it('names the field at fault, as the site does', () => {
    expect(rangeProblems('192.168.1.1', '192.168.1.254')).toEqual({});
    expect(rangeProblems('192.168.1.300', '192.168.1.1')).toEqual({ start: expect.stringMatching(/not an IPv4/) });
    expect(rangeProblems('192.168.1.9', '192.168.1.1')).toEqual({ end: expect.stringMatching(/before/) });
    expect(rangeProblems('10.0.0.0', '10.0.1.0')).toEqual({ end: expect.stringMatching(/257 addresses/) });
    expect(rangeProblems('224.0.0.1', '224.0.0.2')).toEqual({ start: expect.stringMatching(/multicast/) });
    expect(rangeProblems('', '')).toEqual({ start: 'Enter the first address.' });
    expect(rangeSize('10.0.0.1', '10.0.0.10')).toBe(10);
    expect(rangeSize('10.0.0.10', '10.0.0.1')).toBe(0);
  });
});

describe('ports', () => {
  it('takes lists and ranges, without repeats', () => {
    expect(parsePorts('80, 554 8000-8002;80')).toEqual({ ports: [80, 554, 8000, 8001, 8002] });
  });

  it('refuses what the site refuses', () => {
    expect(parsePorts('0')).toEqual({ problem: expect.stringMatching(/1–65535/) });
    expect(parsePorts('65536')).toEqual({ problem: expect.stringMatching(/1–65535/) });
    expect(parsePorts('90-80')).toEqual({ problem: expect.stringMatching(/backwards/) });
    expect(parsePorts('8000-8016')).toEqual({ problem: expect.stringMatching(/16 ports/) });
    expect(parsePorts('http')).toEqual({ problem: expect.stringMatching(/not a port/) });
    expect(parsePorts(' ')).toEqual({ problem: expect.stringMatching(/at least one/) });
  });
});

describe('scan request', () => {
  const form = { ...defaultScanForm(), start: '127.0.0.1', end: '127.0.0.1' };

  it('builds the body the site takes, leaving out empty credentials', () => {
    expect(scanRequest({ ...form, credentials: [{ username: 'admin', password: 'pw' }, { username: '', password: '' }] })).toEqual({
      body: {
        start: '127.0.0.1', end: '127.0.0.1', ports: [80, 554], drivers: ['onvif', 'rtsp'], protocols: ['http'], rtspPaths: ['/'],
        credentials: [{ username: 'admin', password: 'pw' }], timeoutMs: 3000,
      },
    });
    expect(scanRequest({ ...form, rtsp: false, https: true, credentials: [] })).toEqual({
      body: { start: '127.0.0.1', end: '127.0.0.1', ports: [80, 554], drivers: ['onvif'], protocols: ['http', 'https'], timeoutMs: 3000 },
    });
  });

  it('collects every problem by request field', () => {
    const result = scanRequest({ ...form, end: '', ports: '0', onvif: false, rtsp: false, timeoutSeconds: '60' });
    expect('problems' in result && Object.keys(result.problems).sort()).toEqual(['drivers', 'end', 'ports', 'timeoutMs']);
    const paths = scanRequest({ ...form, rtspPaths: 'live' });
    expect('problems' in paths && paths.problems.rtspPaths).toMatch(/start with/);
  });

  it('adds a found device with the credentials it accepted', () => {
    const found: FoundDevice = {
      address: '127.0.0.1', port: 8080, driver: 'onvif', deviceAddress: 'http://127.0.0.1:8080/onvif/device_service', cameras: 1, credentialIndex: 1,
    };
    const credentials = [{ username: '', password: '' }, { username: 'a', password: 'x' }, { username: 'admin', password: 'pw' }];
    // Index 1 of the credentials sent, which left out the empty set.
    expect(foundDeviceRequest(found, credentials, 'live')).toEqual({
      driver: 'onvif', address: 'http://127.0.0.1:8080/onvif/device_service', storageId: 'live', username: 'admin', password: 'pw',
    });
    expect(foundDeviceRequest({ ...found, credentialIndex: null }, credentials, 'live')).toEqual({
      driver: 'onvif', address: found.deviceAddress, storageId: 'live',
    });
  });
});
