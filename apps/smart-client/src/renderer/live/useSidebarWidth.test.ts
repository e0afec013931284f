import { describe, expect, it } from 'vitest';
import { SIDEBAR_MAX, SIDEBAR_MIN, clampSidebarWidth } from './useSidebarWidth';

describe('clampSidebarWidth', () => {
  it('keeps widths within the limits, in whole pixels', () => {
    expect(clampSidebarWidth(300.6)).toBe(301);
    expect(clampSidebarWidth('310')).toBe(310);
    expect(clampSidebarWidth(10)).toBe(SIDEBAR_MIN);
    expect(clampSidebarWidth(5000)).toBe(SIDEBAR_MAX);
  });

  it('falls back to the default for anything unreadable', () => {
    expect(clampSidebarWidth('wide')).toBe(264);
    expect(clampSidebarWidth(null)).toBe(264);
  });
});
