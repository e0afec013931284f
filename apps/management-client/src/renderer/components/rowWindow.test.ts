import { describe, expect, it } from 'vitest';
import { rowWindow } from './rowWindow';

describe('rowWindow', () => {
  it('renders the rows on screen and some either side, padding the rest', () => {
    const w = rowWindow(1000, 20, { scrollTop: 2000, viewportPx: 400, overscan: 5 });
    // Rows 100..120 are on screen; five more either side.
    expect(w).toEqual({ start: 95, end: 126, padTop: 95 * 20, padBottom: (1000 - 126) * 20 });
  });

  it('stays inside the list at both ends and with a header above the rows', () => {
    expect(rowWindow(1000, 20, { scrollTop: 0, viewportPx: 400, overscan: 5 })).toMatchObject({ start: 0, end: 26, padTop: 0 });
    expect(rowWindow(30, 20, { scrollTop: 10_000, viewportPx: 400 })).toMatchObject({ start: 30, end: 30, padBottom: 0 });
    expect(rowWindow(1000, 20, { scrollTop: 100, viewportPx: 400, offsetPx: 100, overscan: 0 })).toMatchObject({ start: 0, end: 21 });
    expect(rowWindow(0, 20, { scrollTop: 0, viewportPx: 400 })).toEqual({ start: 0, end: 0, padTop: 0, padBottom: 0 });
  });
});
