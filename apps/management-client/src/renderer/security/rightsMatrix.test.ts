import { describe, expect, it } from 'vitest';
import type { CameraGrant } from '@nightjar/vms-core';
import {
  ALL_RIGHTS, addScheduleRow, grantsToRows, gridRows, inheritedRights, rightFullLabel, rowsToGrants, sameGrants, setRowProfile,
  toggleColumn, toggleRight, toggleRow,
} from './rightsMatrix';

const night = { windows: [{ days: [1], from: '22:00', to: '06:00' }] };

describe('grants to rows and back', () => {
  it('merges grants of one camera and schedule into one row, all cameras first', () => {
    const grants: CameraGrant[] = [
      { cameraId: 'a', rights: ['playback'] },
      { cameraId: null, rights: ['live'] },
      { cameraId: 'a', rights: ['live', 'playback'] },
      { cameraId: 'a', rights: ['export'], timeProfileId: 'office', timeProfile: night },
    ];
    const rows = grantsToRows(grants);
    expect(rows.map((r) => [r.cameraId, r.timeProfileId, r.rights])).toEqual([
      [null, null, ['live']],
      ['a', null, ['live', 'playback']],
      ['a', 'office', ['export']],
    ]);
    // A stored profile is sent by id only: the site resolves its rules.
    expect(rowsToGrants(rows)).toEqual([
      { cameraId: null, rights: ['live'] },
      { cameraId: 'a', rights: ['live', 'playback'] },
      { cameraId: 'a', rights: ['export'], timeProfileId: 'office' },
    ]);
  });

  it('keeps a schedule set through the API without a stored profile', () => {
    const rows = grantsToRows([{ cameraId: 'a', rights: ['live'], timeProfile: night }]);
    expect(rows[0]!.inlineProfile).toEqual(night);
    expect(rowsToGrants(rows)).toEqual([{ cameraId: 'a', rights: ['live'], timeProfile: night }]);
    // Choosing a stored profile (or "always") replaces it.
    expect(rowsToGrants(setRowProfile(rows, rows[0]!.key, null))).toEqual([{ cameraId: 'a', rights: ['live'] }]);
  });

  it('drops empty rows and merges rows that ended up alike', () => {
    let rows = grantsToRows([{ cameraId: 'a', rights: ['live'] }]);
    rows = addScheduleRow(rows, 'a', 'extra');
    rows = toggleRight(rows, 'extra', 'ptz');
    expect(rowsToGrants(rows)).toEqual([{ cameraId: 'a', rights: ['live', 'ptz'] }]);
    rows = setRowProfile(rows, 'extra', 'office');
    expect(rowsToGrants(rows)).toEqual([{ cameraId: 'a', rights: ['live'] }, { cameraId: 'a', rights: ['ptz'], timeProfileId: 'office' }]);
    expect(rowsToGrants(toggleRight(rows, 'extra', 'ptz'))).toEqual([{ cameraId: 'a', rights: ['live'] }]);
  });

  it('compares grant lists by the rights they give', () => {
    expect(sameGrants([{ cameraId: 'a', rights: ['playback', 'live'] }], [{ cameraId: 'a', rights: ['live'] }, { cameraId: 'a', rights: ['playback'] }])).toBe(true);
    expect(sameGrants([{ cameraId: 'a', rights: ['live'] }], [{ cameraId: 'a', rights: ['live'], timeProfileId: 'office' }])).toBe(false);
    expect(sameGrants([{ cameraId: 'a', rights: [] }], [])).toBe(true);
  });
});

describe('editing the grid', () => {
  it('shows a row for all cameras and every camera, and keeps rows of cameras gone from the site', () => {
    const rows = gridRows(grantsToRows([{ cameraId: 'b', rights: ['live'] }, { cameraId: 'gone', rights: ['live'] }]), ['a', 'b']);
    expect(rows.map((r) => r.cameraId)).toEqual([null, 'a', 'b', 'gone']);
    expect(rows.map((r) => r.rights.length)).toEqual([0, 0, 1, 1]);
  });

  it('toggles rows and columns whole', () => {
    let rows = gridRows([], ['a', 'b']);
    rows = toggleRow(rows, rows[1]!.key);
    expect(rows[1]!.rights).toEqual(ALL_RIGHTS);
    expect(toggleRow(rows, rows[1]!.key)[1]!.rights).toEqual([]);
    rows = toggleColumn(rows, 'live');
    expect(rows.every((r) => r.rights.includes('live'))).toBe(true);
    rows = toggleColumn(rows, 'live');
    expect(rows.some((r) => r.rights.includes('live'))).toBe(false);
    expect(rows[1]!.rights).toHaveLength(ALL_RIGHTS.length - 1);
  });

  it('knows what cameras get through the all-cameras row', () => {
    const rows = grantsToRows([{ cameraId: null, rights: ['live', 'bookmarkView'] }, { cameraId: 'a', rights: ['export'] }]);
    expect([...inheritedRights(rows)]).toEqual(['live', 'bookmarkView']);
  });

  it('names the columns by group where the short label would be ambiguous', () => {
    expect(rightFullLabel('bookmarkCreate')).toBe('Bookmarks: Create');
    expect(rightFullLabel('evidenceLockExtend')).toBe('Evidence locks: Extend');
    expect(rightFullLabel('live')).toBe('Live');
    expect(new Set(ALL_RIGHTS.map(rightFullLabel)).size).toBe(ALL_RIGHTS.length);
  });
});
