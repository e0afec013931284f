import { describe, expect, it } from 'vitest';
import { hasProblems, lockText, newUserProblems, passwordProblems, withRole } from './userForm';

describe('user form checks', () => {
  it('asks for a password of 8 characters, typed the same twice', () => {
    expect(passwordProblems({ password: 'short', confirm: 'short' })).toEqual({ password: 'At least 8 characters.' });
    expect(passwordProblems({ password: 'long-enough', confirm: 'long-enougH' })).toEqual({ confirm: 'The passwords differ.' });
    expect(hasProblems(passwordProblems({ password: 'long-enough', confirm: 'long-enough' }))).toBe(false);
  });

  it('checks the user name as the site does, and against names in any case', () => {
    const ok = { password: 'long-enough', confirm: 'long-enough', roleIds: [] };
    expect(newUserProblems({ ...ok, username: 'anna.b@site' }, ['bob'])).toEqual({});
    expect(newUserProblems({ ...ok, username: 'anna b' }, [])).toHaveProperty('username');
    expect(newUserProblems({ ...ok, username: '' }, [])).toHaveProperty('username');
    expect(newUserProblems({ ...ok, username: 'BOB' }, ['bob']).username).toBe('A user named BOB exists.');
  });
});

describe('role membership', () => {
  it('adds and removes a role, in the site order', () => {
    const order = ['administrators', 'operators', 'guards'];
    expect(withRole(['guards'], 'operators', true, order)).toEqual(['operators', 'guards']);
    expect(withRole(['operators', 'guards'], 'operators', false, order)).toEqual(['guards']);
    expect(withRole(['guards'], 'guards', true, order)).toEqual(['guards']);
  });
});

describe('lock text', () => {
  it('says how long a lock lasts, and nothing once it is over', () => {
    const now = Date.parse('2026-03-01T10:00:00.000Z');
    expect(lockText(new Date(now + 4.5 * 60_000).toISOString(), now)).toMatch(/^Locked for 5 more minutes \(until .+\)$/);
    expect(lockText(new Date(now + 30_000).toISOString(), now)).toMatch(/^Locked for 1 more minute \(/);
    expect(lockText(new Date(now - 1).toISOString(), now)).toBeUndefined();
    expect(lockText(undefined, now)).toBeUndefined();
  });
});
