import { describe, expect, it } from 'vitest';
import { compileMatcher, parseSearch } from './matchExpression';

const matcher = (type: 'search' | 'exact' | 'regex', expr: string, caseSensitive = false) => {
  const m = compileMatcher(type, expr, caseSensitive);
  if (typeof m === 'string') throw new Error(m);
  return m;
};

describe('generic event match expressions', () => {
  it('reads AND tighter than OR, words side by side as AND, and quotes as one phrase', () => {
    expect(parseSearch('door AND "north gate" OR alarm')).toEqual([['door', 'north gate'], ['alarm']]);
    expect(parseSearch('door open')).toEqual([['door', 'open']]);
    const m = matcher('search', 'door AND "north gate" OR alarm');
    expect(m('DOOR forced at North Gate')).toBe(true);
    expect(m('door forced at north side gate')).toBe(false);
    expect(m('fire alarm')).toBe(true);
    expect(m('nothing here')).toBe(false);
  });

  it('matches case as asked', () => {
    expect(matcher('search', 'Door', true)('door')).toBe(false);
    expect(matcher('search', 'Door', true)('Door')).toBe(true);
    expect(matcher('exact', 'ALARM 1')('alarm 1')).toBe(true);
    expect(matcher('exact', 'ALARM 1')('alarm 12')).toBe(false);
  });

  it('takes regular expressions, found anywhere unless anchored', () => {
    expect(matcher('regex', 'zone\\s+(4|5)')('intrusion ZONE 5 active')).toBe(true);
    expect(matcher('regex', '^zone 5$')('intrusion zone 5')).toBe(false);
  });

  it('explains expressions it cannot read', () => {
    expect(compileMatcher('search', 'door AND', false)).toMatch(/ends with an operator/);
    expect(compileMatcher('search', 'OR door', false)).toMatch(/OR needs a word/);
    expect(compileMatcher('search', 'door AND OR gate', false)).toMatch(/OR needs a word/);
    expect(compileMatcher('search', '"north gate', false)).toMatch(/not closed/);
    expect(compileMatcher('search', '   ', false)).toMatch(/empty/);
    expect(compileMatcher('regex', 'zone(', false)).toMatch(/not a regular expression/);
    expect(compileMatcher('exact', 'x'.repeat(1001), false)).toMatch(/at most 1000/);
  });
});
