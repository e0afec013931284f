import { describe, expect, it } from 'vitest';
import { ApiError } from '@nightjar/ui';
import { problemAt, siteProblem, withoutFieldPrefix } from './fieldProblems';

describe('field problems', () => {
  it('shows the site problem at the window it names, without repeating the path', () => {
    const site = { field: 'windows[1]', message: 'windows[1]: Mon 11:00-13:00 overlaps windows[0] (Mon 08:00-12:00)' };
    expect(problemAt(new Map(), site, 'windows[1]')).toBe(site.message);
    expect(problemAt(new Map(), site, 'windows[0]')).toBeUndefined();
    expect(problemAt(new Map(), { field: 'windows[1].from', message: 'x' }, 'windows[1]')).toBe('x');
    expect(problemAt(new Map([['windows[1].to', 'mine']]), site, 'windows[1]')).toBe('mine');
    expect(problemAt(new Map([['windows[10].to', 'not this one']]), undefined, 'windows[1]')).toBeUndefined();
    expect(withoutFieldPrefix(site.message, 'windows[1]')).toBe('Mon 11:00-13:00 overlaps windows[0] (Mon 08:00-12:00)');
  });

  it('takes the field and message from the site error, and nothing from other errors', () => {
    expect(siteProblem(new ApiError(400, 'VMS_ERR_BAD_INPUT', 'stop.seconds: between 1 and 604800', 'stop.seconds')))
      .toEqual({ field: 'stop.seconds', message: 'between 1 and 604800' });
    expect(siteProblem(new ApiError(409, 'VMS_ERR_CONFLICT', 'taken'))).toBeUndefined();
    expect(siteProblem(new Error('x'))).toBeUndefined();
  });
});
