/**
 * A role's camera grants as the rights grid shows them: one row per camera (or "all cameras")
 * and time profile, one column per right. Grants read from the site become rows; the rows the
 * administrator edits become grants again (empty rows dropped, equal rows merged), so one Save
 * sends the whole list in one request. Pure.
 */
import type { CameraGrant, CameraRight, TimeProfile } from '@nightjar/vms-core';

/** Labels of the rights, by group; typed as a record so a right added to the model must be named here. */
const RIGHT_LABELS: Record<CameraRight, string> = {
  live: 'Live', playback: 'Playback', export: 'Export', snapshot: 'Snapshot', ptz: 'PTZ',
  bookmarkView: 'View', bookmarkCreate: 'Create', bookmarkEdit: 'Edit', bookmarkDelete: 'Delete',
  evidenceLockView: 'View', evidenceLockCreate: 'Create', evidenceLockExtend: 'Extend', evidenceLockDelete: 'Delete',
  retrieveRemote: 'Retrieve remote',
};

export const RIGHT_GROUPS: readonly { label: string; rights: readonly CameraRight[] }[] = [
  { label: 'Video', rights: ['live', 'playback', 'export', 'snapshot', 'ptz'] },
  { label: 'Bookmarks', rights: ['bookmarkView', 'bookmarkCreate', 'bookmarkEdit', 'bookmarkDelete'] },
  { label: 'Evidence locks', rights: ['evidenceLockView', 'evidenceLockCreate', 'evidenceLockExtend', 'evidenceLockDelete'] },
  { label: 'Remote', rights: ['retrieveRemote'] },
];

/** Every right in the grid's column order (the model's order). */
export const ALL_RIGHTS: readonly CameraRight[] = RIGHT_GROUPS.flatMap((g) => g.rights);

export function rightLabel(right: CameraRight): string {
  return RIGHT_LABELS[right];
}

/** "Bookmarks: Create" — the column's full name for accessible labels and tooltips. */
export function rightFullLabel(right: CameraRight): string {
  const group = RIGHT_GROUPS.find((g) => g.rights.includes(right));
  return group && group.rights.length > 1 && group.label !== 'Video' ? `${group.label}: ${RIGHT_LABELS[right]}` : RIGHT_LABELS[right];
}

export interface RightsRow {
  /** Stable within an editing session (React key); not sent. */
  key: string;
  /** null: every camera, including ones added later. */
  cameraId: string | null;
  /** A stored time profile; null: always. */
  timeProfileId: string | null;
  /** A schedule set through the API without a stored profile: kept as it is, not editable here. */
  inlineProfile?: TimeProfile;
  rights: readonly CameraRight[];
}

const rowIdentity = (r: Pick<RightsRow, 'cameraId' | 'timeProfileId' | 'inlineProfile'>) =>
  JSON.stringify([r.cameraId, r.timeProfileId, r.timeProfileId === null && r.inlineProfile ? r.inlineProfile : null]);

const ordered = (rights: Iterable<CameraRight>): CameraRight[] => {
  const set = new Set(rights);
  return ALL_RIGHTS.filter((r) => set.has(r));
};

/** Rows for the grants: grants with the same camera and schedule share a row. "All cameras" first. */
export function grantsToRows(grants: readonly CameraGrant[]): RightsRow[] {
  const rows = new Map<string, RightsRow>();
  for (const g of grants) {
    const base = { cameraId: g.cameraId, timeProfileId: g.timeProfileId ?? null, ...(g.timeProfileId === undefined && g.timeProfile ? { inlineProfile: g.timeProfile } : {}) };
    const id = rowIdentity(base);
    const prev = rows.get(id);
    rows.set(id, { key: prev?.key ?? `g${rows.size}`, ...base, rights: ordered([...(prev?.rights ?? []), ...g.rights]) });
  }
  return [...rows.values()].sort((a, b) => Number(a.cameraId !== null) - Number(b.cameraId !== null));
}

/** Grants for the rows: no empty rows, equal rows merged, rights in the model's order. */
export function rowsToGrants(rows: readonly RightsRow[]): CameraGrant[] {
  const merged = new Map<string, CameraGrant>();
  for (const r of rows) {
    if (r.rights.length === 0) continue;
    const id = rowIdentity(r);
    const prev = merged.get(id);
    merged.set(id, {
      cameraId: r.cameraId,
      rights: ordered([...(prev?.rights ?? []), ...r.rights]),
      ...(r.timeProfileId !== null ? { timeProfileId: r.timeProfileId } : r.inlineProfile ? { timeProfile: r.inlineProfile } : {}),
    });
  }
  return [...merged.values()];
}

/** Whether two grant lists give the same rights (order of grants and rights aside). */
export function sameGrants(a: readonly CameraGrant[], b: readonly CameraGrant[]): boolean {
  const canon = (g: readonly CameraGrant[]) => JSON.stringify(rowsToGrants(grantsToRows(g)).map((x) => JSON.stringify(x)).sort());
  return canon(a) === canon(b);
}

export function toggleRight(rows: readonly RightsRow[], key: string, right: CameraRight): RightsRow[] {
  return rows.map((r) => (r.key !== key ? r : { ...r, rights: r.rights.includes(right) ? r.rights.filter((x) => x !== right) : ordered([...r.rights, right]) }));
}

/** Every right of a row on, or (when all are on already) off. */
export function toggleRow(rows: readonly RightsRow[], key: string): RightsRow[] {
  return rows.map((r) => (r.key !== key ? r : { ...r, rights: r.rights.length === ALL_RIGHTS.length ? [] : [...ALL_RIGHTS] }));
}

/** One right on every row, or off on every row when all have it. */
export function toggleColumn(rows: readonly RightsRow[], right: CameraRight): RightsRow[] {
  const allOn = rows.length > 0 && rows.every((r) => r.rights.includes(right));
  return rows.map((r) => ({ ...r, rights: allOn ? r.rights.filter((x) => x !== right) : ordered([...r.rights, right]) }));
}

export function setRowProfile(rows: readonly RightsRow[], key: string, timeProfileId: string | null): RightsRow[] {
  return rows.map((r) => {
    if (r.key !== key) return r;
    const { inlineProfile: _dropped, ...rest } = r;
    return { ...rest, timeProfileId };
  });
}

/**
 * The rows the grid shows: the role's rows, plus an empty one for "all cameras" and for each
 * camera that has none, so any camera can be ticked at once. Rows of cameras no longer on the
 * site stay (the site keeps such grants).
 */
export function gridRows(rows: readonly RightsRow[], cameraIds: readonly string[]): RightsRow[] {
  const blank = (cameraId: string | null): RightsRow => ({ key: `new:${cameraId ?? '*'}`, cameraId, timeProfileId: null, rights: [] });
  const all = rows.filter((r) => r.cameraId === null);
  const out = [...(all.length > 0 ? all : [blank(null)])];
  for (const id of cameraIds) {
    const mine = rows.filter((r) => r.cameraId === id);
    out.push(...(mine.length > 0 ? mine : [blank(id)]));
  }
  out.push(...rows.filter((r) => r.cameraId !== null && !cameraIds.includes(r.cameraId)));
  return out;
}

/** Another row for the same camera, for rights under a different time profile. */
export function addScheduleRow(rows: readonly RightsRow[], cameraId: string | null, key: string): RightsRow[] {
  return [...rows, { key, cameraId, timeProfileId: null, rights: [] }];
}

export function removeRow(rows: readonly RightsRow[], key: string): RightsRow[] {
  return rows.filter((r) => r.key !== key);
}

/** Rights a camera has through "all cameras" rows (shown greyed in the camera's row). */
export function inheritedRights(rows: readonly RightsRow[]): ReadonlySet<CameraRight> {
  return new Set(rows.filter((r) => r.cameraId === null).flatMap((r) => r.rights));
}
