import { describe, expect, it } from 'vitest';
import { bookmarkProblems, bookmarkRequest, parseSeconds } from './bookmarkForm';
import type { BookmarkForm } from './bookmarkForm';

const AT = Date.parse('2026-03-01T10:00:00.250Z');
const form = (patch: Partial<BookmarkForm> = {}): BookmarkForm => ({
  cameraIds: ['a'], atMs: AT, preSeconds: '10', postSeconds: '30', header: 'Forklift collision', description: '', ...patch,
});

describe('bookmark form', () => {
  it('reads seconds as typed, refusing what the site would', () => {
    expect(parseSeconds(' 12 ')).toBe(12);
    expect(parseSeconds('2.5')).toBe(2.5);
    for (const t of ['', '-1', '1e3', 'ten', String(24 * 3600 + 1)]) expect(parseSeconds(t)).toBeNaN();
  });

  it('accepts a complete bookmark and names each problem', () => {
    expect(bookmarkProblems(form())).toEqual({});
    expect(bookmarkProblems(form({ cameraIds: [], header: '  ', preSeconds: 'x', atMs: Number.NaN }))).toEqual({
      cameras: 'Choose at least one camera.', header: 'Give the bookmark a header.', pre: '0 to 86400 seconds', time: 'Enter the date and time to mark.',
    });
    expect(bookmarkProblems(form({ header: 'h'.repeat(201) })).header).toMatch(/200/);
    expect(bookmarkProblems(form({ description: 'd'.repeat(4001) })).description).toMatch(/4000/);
  });

  it('builds the API request with trimmed text and the exact instant', () => {
    expect(bookmarkRequest(form({ cameraIds: ['a', 'a', 'b'], header: ' Door ', description: ' left open ' }))).toEqual({
      cameraIds: ['a', 'b'], time: '2026-03-01T10:00:00.250Z', preSeconds: 10, postSeconds: 30, header: 'Door', description: 'left open',
    });
  });
});
