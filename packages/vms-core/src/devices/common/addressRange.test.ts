import { describe, expect, it } from 'vitest';
import { expandRange, formatIPv4, parseIPv4 } from './addressRange';

describe('address ranges', () => {
  it('parses and formats dotted-quad IPv4', () => {
    expect(parseIPv4('192.168.1.20')).toBe(0xc0a80114);
    expect(formatIPv4(0xc0a80114)).toBe('192.168.1.20');
    expect(formatIPv4(parseIPv4('255.254.0.1')!)).toBe('255.254.0.1');
    for (const bad of ['192.168.1', '192.168.1.256', '192.168.01.2', 'a.b.c.d', '::1', '']) expect(parseIPv4(bad), bad).toBeUndefined();
  });

  it('expands a range inclusive of both ends, across octets', () => {
    expect(expandRange('127.0.0.1', '127.0.0.1')).toEqual({ addresses: ['127.0.0.1'] });
    expect(expandRange('10.0.0.254', '10.0.1.1')).toEqual({ addresses: ['10.0.0.254', '10.0.0.255', '10.0.1.0', '10.0.1.1'] });
    const full = expandRange('10.1.2.0', '10.1.2.255');
    expect('addresses' in full && full.addresses.length).toBe(256);
  });

  it('names the field at fault', () => {
    expect(expandRange('10.0.0.x', '10.0.0.1')).toMatchObject({ field: 'start' });
    expect(expandRange('10.0.0.1', 'ten')).toMatchObject({ field: 'end' });
    expect(expandRange('10.0.0.9', '10.0.0.1')).toMatchObject({ field: 'end', problem: '10.0.0.1 comes before 10.0.0.9' });
    expect(expandRange('10.0.0.0', '10.0.1.0')).toMatchObject({ field: 'end', problem: expect.stringMatching(/257 addresses/) });
    expect(expandRange('0.0.0.1', '0.0.0.2')).toMatchObject({ field: 'start', problem: expect.stringMatching(/this network/) });
    expect(expandRange('224.0.0.1', '224.0.0.2')).toMatchObject({ field: 'start', problem: expect.stringMatching(/multicast/) });
    expect(expandRange('223.255.255.250', '224.0.0.1')).toMatchObject({ field: 'end', problem: expect.stringMatching(/multicast/) });
  });
});
