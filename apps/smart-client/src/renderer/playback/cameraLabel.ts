/**
 * What a tile or timeline row is called. A camera the user may not see is missing from the
 * camera list; its id must not stand in for the name (ids are not to be shown to such users).
 */
export const UNAVAILABLE_CAMERA_LABEL = 'Camera not available';

export function cameraLabel(names: ReadonlyMap<string, string>, cameraId: string): string {
  return names.get(cameraId) ?? UNAVAILABLE_CAMERA_LABEL;
}
