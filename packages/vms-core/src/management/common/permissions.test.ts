import { describe, expect, it } from 'vitest';
import type { RoleDefinition } from './permissions';
import { ADMINISTRATORS_ROLE_ID, CAMERA_RIGHTS, allowedOnEveryCamera, cameraRightsAt, checkCameraAccess, hasAdminFlag, hasAnyCameraRight } from './permissions';

const DAY = 24 * 3600_000;
// Thursday 2026-01-08 10:30 UTC.
const THU_1030 = Date.UTC(2026, 0, 8, 10, 30);

function role(id: string, grants: RoleDefinition['grants'], flags: Partial<RoleDefinition> = {}): RoleDefinition {
  return { id, name: id, builtin: false, manageConfiguration: false, manageUsers: false, grants, ...flags };
}

const administrators = role(ADMINISTRATORS_ROLE_ID, [], { builtin: true });
const viewer = role('viewer', [{ cameraId: 'cam-a', rights: ['live', 'playback'] }]);
const everywhere = role('everywhere', [{ cameraId: null, rights: ['live'] }]);
const officeHours = role('office', [{
  cameraId: 'cam-a', rights: ['playback'],
  timeProfile: { windows: [{ days: [1, 2, 3, 4, 5], from: '08:00', to: '18:00' }] },
}]);
const lastWeek = role('week', [{ cameraId: 'cam-a', rights: ['playback'], timeProfile: { maxAgeDays: 7 } }]);
const lastMonth = role('month', [{ cameraId: 'cam-a', rights: ['playback'], timeProfile: { maxAgeDays: 30 } }]);

describe('checkCameraAccess', () => {
  it('lets Administrators do everything on any camera, even with no grants stored', () => {
    for (const right of CAMERA_RIGHTS) {
      expect(checkCameraAccess([administrators], { cameraId: 'any', right, at: THU_1030, mediaAt: 0 })).toEqual({ allowed: true, earliestMedia: null });
    }
  });

  it('allows a granted right on its camera only', () => {
    expect(checkCameraAccess([viewer], { cameraId: 'cam-a', right: 'live', at: THU_1030 }).allowed).toBe(true);
    expect(checkCameraAccess([viewer], { cameraId: 'cam-b', right: 'live', at: THU_1030 })).toMatchObject({ allowed: false, reason: 'noGrant' });
    expect(checkCameraAccess([viewer], { cameraId: 'cam-a', right: 'export', at: THU_1030 })).toMatchObject({ allowed: false, reason: 'noGrant' });
  });

  it('denies everything to a user with no roles', () => {
    expect(checkCameraAccess([], { cameraId: 'cam-a', right: 'live', at: THU_1030 })).toMatchObject({ allowed: false, reason: 'noGrant' });
    expect(hasAnyCameraRight([], 'cam-a')).toBe(false);
  });

  it('applies an all-cameras grant to any camera id', () => {
    expect(checkCameraAccess([everywhere], { cameraId: 'added-later', right: 'live', at: THU_1030 }).allowed).toBe(true);
    expect(checkCameraAccess([everywhere], { cameraId: 'added-later', right: 'playback', at: THU_1030 }).allowed).toBe(false);
  });

  it('adds up the rights of several roles', () => {
    const roles = [viewer, everywhere];
    expect(checkCameraAccess(roles, { cameraId: 'cam-b', right: 'live', at: THU_1030 }).allowed).toBe(true);
    expect(checkCameraAccess(roles, { cameraId: 'cam-a', right: 'playback', at: THU_1030 }).allowed).toBe(true);
    expect(checkCameraAccess(roles, { cameraId: 'cam-b', right: 'playback', at: THU_1030 }).allowed).toBe(false);
  });

  it('refuses a scheduled right outside its windows and says when it is allowed', () => {
    expect(checkCameraAccess([officeHours], { cameraId: 'cam-a', right: 'playback', at: THU_1030 }).allowed).toBe(true);
    const evening = checkCameraAccess([officeHours], { cameraId: 'cam-a', right: 'playback', at: THU_1030 + 8 * 3600_000 });
    expect(evening).toMatchObject({ allowed: false, reason: 'outsideSchedule' });
    expect(!evening.allowed && evening.message).toMatch(/Mon,Tue,Wed,Thu,Fri 08:00-18:00 \(UTC\)/);
    const saturday = THU_1030 + 2 * DAY;
    expect(checkCameraAccess([officeHours], { cameraId: 'cam-a', right: 'playback', at: saturday }).allowed).toBe(false);
  });

  it('lets an unscheduled grant of another role override a schedule', () => {
    const sunday = THU_1030 + 3 * DAY;
    expect(checkCameraAccess([officeHours, viewer], { cameraId: 'cam-a', right: 'playback', at: sunday }).allowed).toBe(true);
  });

  it('limits media to the last N days and reports the earliest instant for clipping', () => {
    const d = checkCameraAccess([lastWeek], { cameraId: 'cam-a', right: 'playback', at: THU_1030 });
    expect(d).toEqual({ allowed: true, earliestMedia: THU_1030 - 7 * DAY });
    expect(checkCameraAccess([lastWeek], { cameraId: 'cam-a', right: 'playback', at: THU_1030, mediaAt: THU_1030 - 6 * DAY }).allowed).toBe(true);
    expect(checkCameraAccess([lastWeek], { cameraId: 'cam-a', right: 'playback', at: THU_1030, mediaAt: THU_1030 - 8 * DAY }))
      .toMatchObject({ allowed: false, reason: 'mediaTooOld' });
  });

  it('takes the most generous age limit among the grants that apply', () => {
    expect(checkCameraAccess([lastWeek, lastMonth], { cameraId: 'cam-a', right: 'playback', at: THU_1030 }))
      .toEqual({ allowed: true, earliestMedia: THU_1030 - 30 * DAY });
    expect(checkCameraAccess([lastWeek, viewer], { cameraId: 'cam-a', right: 'playback', at: THU_1030 }))
      .toEqual({ allowed: true, earliestMedia: null });
  });

  it('ignores age limits of grants whose schedule is closed', () => {
    const closedButLong = role('night', [{
      cameraId: 'cam-a', rights: ['playback'], timeProfile: { maxAgeDays: 365, windows: [{ days: [0], from: '00:00', to: '24:00' }] },
    }]);
    expect(checkCameraAccess([lastWeek, closedButLong], { cameraId: 'cam-a', right: 'playback', at: THU_1030 }))
      .toEqual({ allowed: true, earliestMedia: THU_1030 - 7 * DAY });
  });
});

describe('visibility and flags', () => {
  it('makes a camera visible for any right, whatever the schedule', () => {
    expect(hasAnyCameraRight([officeHours], 'cam-a')).toBe(true);
    expect(hasAnyCameraRight([officeHours], 'cam-b')).toBe(false);
    expect(hasAnyCameraRight([role('empty', [{ cameraId: 'cam-a', rights: [] }])], 'cam-a')).toBe(false);
    expect(hasAnyCameraRight([administrators], 'whatever')).toBe(true);
  });

  it('lists the rights usable now', () => {
    expect(cameraRightsAt([viewer, officeHours], 'cam-a', THU_1030)).toEqual(['live', 'playback']);
    expect(cameraRightsAt([officeHours], 'cam-a', THU_1030 + 2 * DAY)).toEqual([]);
  });

  it('grants admin flags by role, and all of them to Administrators', () => {
    expect(hasAdminFlag([viewer], 'manageConfiguration')).toBe(false);
    expect(hasAdminFlag([viewer, role('cfg', [], { manageConfiguration: true })], 'manageConfiguration')).toBe(true);
    expect(hasAdminFlag([role('cfg', [], { manageConfiguration: true })], 'manageUsers')).toBe(false);
    expect(hasAdminFlag([administrators], 'manageUsers')).toBe(true);
  });
});

describe('allowedOnEveryCamera', () => {
  it('needs the right on all the cameras, now, and at least one camera', () => {
    const both = role('both', [{ cameraId: 'cam-b', rights: ['live'] }]);
    expect(allowedOnEveryCamera([viewer], ['cam-a'], 'live', THU_1030)).toBe(true);
    expect(allowedOnEveryCamera([viewer], ['cam-a', 'cam-b'], 'live', THU_1030)).toBe(false);
    expect(allowedOnEveryCamera([viewer, both], ['cam-a', 'cam-b'], 'live', THU_1030)).toBe(true);
    expect(allowedOnEveryCamera([officeHours], ['cam-a'], 'playback', THU_1030 + 2 * DAY)).toBe(false);
    // Nothing named, nothing to be entitled on: refused rather than allowed by default.
    expect(allowedOnEveryCamera([everywhere], [], 'live', THU_1030)).toBe(false);
    expect(allowedOnEveryCamera([administrators], ['cam-z'], 'bookmarkDelete', THU_1030)).toBe(true);
  });
});
