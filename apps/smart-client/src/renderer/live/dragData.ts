/**
 * What a drag carries inside the window: a camera from the tree, or a tile being moved to
 * another tile. Custom MIME types so a drag of text or files from outside is never mistaken
 * for a camera.
 */

export const CAMERA_MIME = 'application/x-nightjar-camera';
export const TILE_MIME = 'application/x-nightjar-tile';

export type DragPayload = { kind: 'camera'; cameraId: string } | { kind: 'tile'; tile: number };

/** The parts of DataTransfer used here, so tests pass a plain object. */
export interface DataLike {
  types: readonly string[];
  getData(type: string): string;
  setData?(type: string, value: string): void;
}

export function writeCameraDrag(data: DataLike, cameraId: string, name: string): void {
  data.setData?.(CAMERA_MIME, cameraId);
  // Dropped outside the app (a text field, a chat), it is just the camera's name.
  data.setData?.('text/plain', name);
}

export function writeTileDrag(data: DataLike, tile: number): void {
  data.setData?.(TILE_MIME, String(tile));
}

/** During dragover only the types are readable (browsers hide the data until the drop). */
export function acceptsDrag(data: Pick<DataLike, 'types'>): boolean {
  return data.types.includes(CAMERA_MIME) || data.types.includes(TILE_MIME);
}

export function readDrag(data: DataLike): DragPayload | undefined {
  const cameraId = data.types.includes(CAMERA_MIME) ? data.getData(CAMERA_MIME) : '';
  if (cameraId) return { kind: 'camera', cameraId };
  const tile = data.types.includes(TILE_MIME) ? Number(data.getData(TILE_MIME)) : Number.NaN;
  if (Number.isInteger(tile) && tile >= 0) return { kind: 'tile', tile };
  return undefined;
}
