import { describe, expect, it } from 'vitest';
import type { GenericEventSourceBody } from './eventDefinitionsApi';
import {
  DEFAULT_EVENT, DEFAULT_SOURCE, draftToEventBody, draftToSourceBody, escapeSeparator, eventProblems, parseAddressList, sourceProblems, sourceToDraft,
  unescapeSeparator,
} from './genericForms';

describe('separators', () => {
  it('shows control characters escaped and reads them back', () => {
    expect(escapeSeparator('\r\n')).toBe('\\r\\n');
    expect(escapeSeparator('\u0003;')).toBe('\\x03;');
    for (const s of ['\r\n', '\n', ';', '\\', '\t|', '\u0002', 'END']) expect(unescapeSeparator(escapeSeparator(s))).toBe(s);
  });

  it('refuses escapes it does not know', () => {
    expect(unescapeSeparator('\\q')).toBeUndefined();
    expect(unescapeSeparator('\\x4')).toBeUndefined();
    expect(unescapeSeparator('trailing\\')).toBeUndefined();
  });
});

describe('listener form', () => {
  const stored: GenericEventSourceBody = {
    id: 's', name: 'Gate', protocol: 'udp', port: 9000, bindAddress: '0.0.0.0', allowedAddresses: ['10.0.0.0/8', '192.168.1.5'],
    separators: ['\r\n'], encoding: 'latin1', maxMessageBytes: 1024, maxMessagesPerSecond: 50, enabled: true,
    createdAt: '', updatedAt: '', listening: true, boundPort: 9000,
  };

  it('round-trips a stored listener', () => {
    expect(draftToSourceBody(sourceToDraft(stored))).toEqual({
      name: 'Gate', protocol: 'udp', port: 9000, bindAddress: '0.0.0.0', allowedAddresses: ['10.0.0.0/8', '192.168.1.5'],
      separators: ['\r\n'], encoding: 'latin1', maxMessageBytes: 1024, maxMessagesPerSecond: 50, enabled: true,
    });
  });

  it('takes addresses one per line or separated by commas', () => {
    expect(parseAddressList(' 10.0.0.1, 10.0.0.2\n\n10.1.0.0/16 ')).toEqual(['10.0.0.1', '10.0.0.2', '10.1.0.0/16']);
    expect(parseAddressList('')).toEqual([]);
  });

  it('names the fields at fault', () => {
    const problems = sourceProblems({ ...DEFAULT_SOURCE, port: '70000', separators: ['\\n', '\\z', ''], maxMessageBytes: '0' });
    expect([...problems.keys()]).toEqual(['name', 'port', 'separators[1]', 'separators[2]', 'maxMessageBytes']);
    expect(sourceProblems({ ...DEFAULT_SOURCE, name: 'ok' }).size).toBe(0);
  });
});

describe('generic event form', () => {
  it('sends no sources for "all listeners" and refuses an empty pick', () => {
    const d = { ...DEFAULT_EVENT, name: 'Door', expression: 'door AND forced', priority: '5' };
    expect(draftToEventBody(d)).toMatchObject({ sourceIds: [], priority: 5, expressionType: 'search' });
    expect(eventProblems(d).size).toBe(0);
    expect([...eventProblems({ ...d, sourceIds: [], priority: '1000', expression: ' ' }).keys()]).toEqual(['expression', 'priority', 'sourceIds']);
  });
});
