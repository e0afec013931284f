import { describe, expect, it } from 'vitest';
import type { AnalyticsSourceBody } from './analyticsApi';
import {
  analyticsProblems, draftToCreate, draftToUpdate, isAddressEntry, newAnalyticsDraft, newToken, parseAddresses, sourceToDraft, tokenAfterSave,
} from './analyticsForm';
import { ruleNamesFor, sendExample, shellQuote } from './sendHelp';

const stored: AnalyticsSourceBody = {
  id: 's1', name: 'Lobby VCA', description: 'Lobby analytics', allowedAddresses: ['10.0.0.5', '10.1.0.0/16'], cameraId: 'c1', maxEventsPerSecond: 20,
  enabled: true, hasToken: true, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', usedBy: [],
};

describe('analytics source draft ↔ bodies', () => {
  it('makes URL-safe random tokens the site takes', () => {
    const fixed = newToken((b) => b.fill(0xfb));
    expect(fixed).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(fixed).toBe('-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_s');
    expect(newToken()).not.toBe(newToken());
  });

  it('round-trips a stored source, keeping its token unless it changes', () => {
    const d = sourceToDraft(stored);
    expect(d.allowedAddresses).toBe('10.0.0.5\n10.1.0.0/16');
    expect(draftToUpdate(d)).toEqual({
      name: 'Lobby VCA', description: 'Lobby analytics', allowedAddresses: ['10.0.0.5', '10.1.0.0/16'], cameraId: 'c1', maxEventsPerSecond: 20, enabled: true,
    });
    expect(draftToUpdate({ ...d, cameraId: '', token: { kind: 'remove' } })).toMatchObject({ cameraId: null, token: null });
    expect(draftToUpdate({ ...d, token: { kind: 'set', value: 'x'.repeat(20) } }).token).toBe('x'.repeat(20));
  });

  it('creates with the generated token and without an unset camera', () => {
    const d = { ...newAnalyticsDraft('t'.repeat(43)), name: ' Gate VCA ', allowedAddresses: '10.0.0.1, 10.0.0.2;\n192.168.1.0/24' };
    expect(draftToCreate(d)).toEqual({
      name: 'Gate VCA', description: '', allowedAddresses: ['10.0.0.1', '10.0.0.2', '192.168.1.0/24'], maxEventsPerSecond: 20, enabled: true, token: 't'.repeat(43),
    });
  });

  it('checks addresses, the token and the rate by the site\'s field names', () => {
    expect(parseAddresses(' 10.0.0.1 ,, 10.0.0.2 ')).toEqual(['10.0.0.1', '10.0.0.2']);
    expect(['10.0.0.1', '0.0.0.0/0', '255.255.255.255/32'].every(isAddressEntry)).toBe(true);
    expect(['10.0.0', '10.0.0.256', '10.0.0.1/33', 'host.example', '::1'].some(isAddressEntry)).toBe(false);
    const d = { ...newAnalyticsDraft('t'.repeat(43)), name: 'A' };
    expect(analyticsProblems(d)).toEqual(new Map());
    expect(analyticsProblems({ ...d, name: ' ' }).has('name')).toBe(true);
    expect(analyticsProblems({ ...d, allowedAddresses: '10.0.0.1\nlobby' }).get('allowedAddresses')).toMatch(/"lobby" is not an IPv4/);
    expect(analyticsProblems({ ...d, token: { kind: 'set', value: 'short' } }).get('token')).toMatch(/^16 to 200/);
    expect(analyticsProblems({ ...d, token: { kind: 'set', value: 'has a space in it here' } }).has('token')).toBe(true);
    expect(analyticsProblems({ ...d, maxEventsPerSecond: '0' }).has('maxEventsPerSecond')).toBe(true);
  });

  it('asks for addresses or a token, as the site does', () => {
    const open = { ...sourceToDraft(stored), allowedAddresses: '' };
    // The stored token stays: no addresses needed.
    expect(tokenAfterSave(open, stored)).toBe(true);
    expect(analyticsProblems(open, stored).has('allowedAddresses')).toBe(false);
    expect(analyticsProblems({ ...open, token: { kind: 'remove' } }, stored).get('allowedAddresses')).toMatch(/or keep a token/);
    expect(analyticsProblems(open, { hasToken: false }).has('allowedAddresses')).toBe(true);
  });
});

describe('how to send', () => {
  it('builds the request from the source, with the token header only when it has one', () => {
    const ex = sendExample({ siteUrl: 'http://10.0.0.2:8080/', sourceName: "Bob's VCA", hasToken: true, ruleName: 'Line crossing', cameraName: 'Gate' });
    expect(ex.url).toBe('http://10.0.0.2:8080/api/analytics-events');
    expect(ex.headers).toEqual(['Content-Type: application/json', "X-Analytics-Token: <the source's token>"]);
    expect(JSON.parse(ex.json)).toMatchObject({ source: "Bob's VCA", ruleName: 'Line crossing', objects: [{ type: 'person' }], locations: [{ name: 'Gate' }] });
    // The shell reads the quoted body back as the same JSON.
    expect(ex.curl).toContain(`--data '{"source":"Bob'\\''s VCA",`);
    const token = sendExample({ siteUrl: 'http://h', sourceName: 'A', hasToken: true, token: 'secret-token-1234567' });
    expect(token.headers[1]).toBe('X-Analytics-Token: secret-token-1234567');
    expect(sendExample({ siteUrl: 'http://h', sourceName: 'A', hasToken: false }).headers).toEqual(['Content-Type: application/json']);
    expect(shellQuote("it's")).toBe("'it'\\''s'");
  });

  it('takes the rule name most rules listen for on that source', () => {
    const rules = [
      { trigger: { type: 'analytics', definitionId: 's1', ruleName: 'Loitering' } },
      { trigger: { type: 'analytics', definitionId: 's1', ruleName: 'Intrusion' } },
      { trigger: { type: 'analytics', definitionId: 's1', ruleName: 'Intrusion' } },
      { trigger: { type: 'analytics', definitionId: 's2', ruleName: 'Other' } },
      { trigger: { type: 'analytics', definitionId: 's1' } },
      {},
    ];
    expect(ruleNamesFor('s1', rules)).toEqual(['Intrusion', 'Loitering']);
  });
});
