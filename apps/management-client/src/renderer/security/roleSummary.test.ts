import { describe, expect, it } from 'vitest';
import { roleSummary } from './roleSummary';

const role = { id: 'r', manageConfiguration: false, manageUsers: false, grants: [] };

describe('role summary', () => {
  it('names the flags and how many cameras the rights reach', () => {
    expect(roleSummary({ ...role, id: 'administrators' })).toBe('everything');
    expect(roleSummary(role)).toBe('no rights yet');
    expect(roleSummary({ ...role, manageUsers: true, grants: [{ cameraId: 'a', rights: ['live'] }, { cameraId: 'a', rights: ['export'], timeProfileId: 'p' }] }))
      .toBe('users and roles, rights on 1 camera');
    expect(roleSummary({ ...role, grants: [{ cameraId: 'a', rights: ['live'] }, { cameraId: null, rights: ['live'] }] })).toBe('rights on all cameras');
    // A grant without rights gives nothing.
    expect(roleSummary({ ...role, manageConfiguration: true, grants: [{ cameraId: 'b', rights: [] }] })).toBe('configuration');
  });
});
