import { describe, expect, it } from 'vitest';
import { ApiError } from '@nightjar/ui';
import { fieldError, formError } from './FormField';

describe('field errors', () => {
  const bad = new ApiError(400, 'VMS_ERR_BAD_INPUT', 'from must be before to', 'windows[1].from');
  it('gives the site message to the field it names, and to its parent', () => {
    expect(fieldError(bad, 'windows')).toBe('from must be before to');
    expect(fieldError(bad, 'windows[1].from')).toBe('from must be before to');
    expect(fieldError(bad, 'name')).toBeUndefined();
    expect(fieldError(new Error('x'), 'name')).toBeUndefined();
  });

  it('shows at the form what no field claims', () => {
    expect(formError(bad, ['windows'])).toBeUndefined();
    expect(formError(bad, ['name'])).toBe('from must be before to');
    expect(formError(new ApiError(409, 'VMS_ERR_CONFLICT', 'taken'), ['name'])).toBe('taken');
    expect(formError(null, ['name'])).toBeUndefined();
  });
});
