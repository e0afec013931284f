import { describe, expect, it } from 'vitest';
import { MessageSplitter, separatorBytes } from './genericEventListener';

const split = (chunks: string[], separators = ['\r\n', '\n'], max = 16) => {
  const out: string[] = [];
  let oversized = 0;
  const s = new MessageSplitter(separatorBytes({ separators, encoding: 'utf-8' }), max, () => oversized++);
  for (const c of chunks) s.push(Buffer.from(c), (m) => out.push(m.toString()));
  s.end((m) => out.push(m.toString()));
  return { out, oversized };
};

describe('MessageSplitter', () => {
  it('cuts on the earliest separator, prefers the longer at one position, and joins messages split across chunks', () => {
    expect(split(['one\r\ntw', 'o\nthree\r', '\nfour'])).toEqual({ out: ['one', 'two', 'three', 'four'], oversized: 0 });
    expect(split(['a||b|c'], ['||', '|'])).toEqual({ out: ['a', 'b', 'c'], oversized: 0 });
  });

  it('drops an oversized message up to its separator, once, and goes on with the next', () => {
    expect(split(['0123456789', '0123456789', '0123456789\nok\n'])).toEqual({ out: ['ok'], oversized: 1 });
    expect(split(['01234567890123456789\nok'])).toEqual({ out: ['ok'], oversized: 1 });
  });

  it('splits multi-byte separators of another encoding', () => {
    const s = new MessageSplitter(separatorBytes({ separators: ['\n'], encoding: 'utf-16le' }), 64, () => undefined);
    const out: string[] = [];
    s.push(Buffer.from('hé\nyo\n', 'utf16le'), (m) => out.push(m.toString('utf16le')));
    expect(out).toEqual(['hé', 'yo']);
  });
});
