/**
 * Views of the Smart Client stored on the site: a named grid of tiles with a camera (or none)
 * per tile, in a view group (viewGroup.ts decides who sees and changes it). Pure, so the API and
 * the clients validate the same way (docs/design/smart-client.md, "Views").
 */

/** The presets of the client's layout picker, and 'custom' for any other grid. */
export const VIEW_LAYOUT_IDS = ['1x1', '2x2', '3x3', '4x4', '1+5', '1+7', '2+8', 'custom'] as const;
export type ViewLayoutId = (typeof VIEW_LAYOUT_IDS)[number];

export const VIEW_LIMITS = {
  maxName: 100,
  maxTiles: 64,
  /** Columns and rows of the grid: 16 is finer than any wall of tiles an operator can read. */
  maxGrid: 16,
  maxCameraId: 100,
  /** Views one user may own: far above real use, low enough that a runaway script cannot fill the database. */
  maxViewsPerOwner: 500,
} as const;

/** A tile's place on the grid, in cells from the top-left corner. */
export interface ViewTile {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ViewLayout {
  columns: number;
  rows: number;
  tiles: ViewTile[];
}

/** What a view shows: name, grid and cameras. */
export interface ViewContent {
  name: string;
  /** The preset the client picked; the geometry in `layout` is what counts. */
  layoutId: ViewLayoutId;
  layout: ViewLayout;
  /** One per tile, in tile order; null is an empty tile. */
  cameraIds: (string | null)[];
}

/** What the store writes: the content and the group it goes in (the API resolves `shared` to a group). */
export interface ViewInput extends ViewContent {
  groupId: string;
}

export interface View extends ViewInput {
  id: string;
  /** Its group's kind: views in shared groups are shared. */
  shared: boolean;
  ownerId: string;
  /** 1 when created, +1 on every change; an update must name the revision it was based on. */
  revision: number;
  /** ms since the epoch. */
  createdAt: number;
  updatedAt: number;
}

const isCount = (n: number, min: number, max: number) => Number.isInteger(n) && n >= min && n <= max;

/** Why a view cannot be stored, or undefined when it can. */
export function viewProblem(v: ViewContent): string | undefined {
  const L = VIEW_LIMITS;
  const nameLength = [...v.name.trim()].length;
  if (nameLength < 1 || [...v.name].length > L.maxName) return `name: 1 to ${L.maxName} characters, not only spaces`;
  if (!(VIEW_LAYOUT_IDS as readonly string[]).includes(v.layoutId)) return `layoutId: one of ${VIEW_LAYOUT_IDS.join(', ')}`;
  const { columns, rows, tiles } = v.layout;
  if (!isCount(columns, 1, L.maxGrid) || !isCount(rows, 1, L.maxGrid)) return `layout: columns and rows are whole numbers from 1 to ${L.maxGrid}`;
  if (tiles.length < 1 || tiles.length > L.maxTiles) return `layout: 1 to ${L.maxTiles} tiles`;
  const taken = new Set<number>();
  for (const [i, t] of tiles.entries()) {
    if (!isCount(t.x, 0, columns - 1) || !isCount(t.y, 0, rows - 1) || !isCount(t.width, 1, columns - t.x) || !isCount(t.height, 1, rows - t.y)) {
      return `layout: tile ${i} (${t.x},${t.y} ${t.width}×${t.height}) is not inside the ${columns}×${rows} grid`;
    }
    for (let y = t.y; y < t.y + t.height; y++) {
      for (let x = t.x; x < t.x + t.width; x++) {
        const cell = y * columns + x;
        if (taken.has(cell)) return `layout: tile ${i} overlaps an earlier tile at column ${x}, row ${y}`;
        taken.add(cell);
      }
    }
  }
  if (v.cameraIds.length !== tiles.length) return `cameraIds: one entry (a camera id or null) per tile: ${tiles.length}, not ${v.cameraIds.length}`;
  if (v.cameraIds.some((c) => c !== null && (c.length < 1 || c.length > L.maxCameraId))) return `cameraIds: ids are 1 to ${L.maxCameraId} characters`;
  return undefined;
}
