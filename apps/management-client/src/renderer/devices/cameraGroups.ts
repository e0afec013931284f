/**
 * The camera overview's rows: cameras grouped by their tree group ("Building A/Lobby"), the
 * groups in path order with the top level first, cameras by name, narrowed by a filter that
 * every word must match somewhere (name, group, hardware, address, stream sizes).
 */
import type { CameraBody } from '@nightjar/vms-core';

export interface HardwareLabel {
  name: string;
  address: string;
  model?: string | undefined;
}

export interface CameraGroup {
  /** The group path; '' is the top level. */
  path: string;
  cameras: CameraBody[];
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** "1280×720 · 640×360", the streams as the table shows them. */
export function streamSummary(camera: Pick<CameraBody, 'streams'>): string {
  return camera.streams.map((s) => (s.width && s.height ? `${s.width}×${s.height}` : s.name)).join(' · ');
}

/** What the filter looks through for one camera, lower-cased. */
function haystack(camera: CameraBody, hardware: HardwareLabel | undefined): string {
  return [camera.name, camera.group ?? '', hardware?.name ?? '', hardware?.address ?? '', hardware?.model ?? '', streamSummary(camera), camera.policy.mode]
    .join('\n').toLowerCase();
}

export function groupCameras(
  cameras: readonly CameraBody[],
  hardware: ReadonlyMap<string, HardwareLabel>,
  filter = '',
): CameraGroup[] {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const groups = new Map<string, CameraBody[]>();
  for (const camera of cameras) {
    const text = haystack(camera, hardware.get(camera.hardwareId));
    if (!words.every((w) => text.includes(w))) continue;
    const path = camera.group ?? '';
    groups.set(path, [...(groups.get(path) ?? []), camera]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : collator.compare(a, b)))
    .map(([path, list]) => ({ path, cameras: list.sort((a, b) => collator.compare(a.name, b.name)) }));
}

/** "Building A › Lobby", or the top level's name. */
export function groupLabel(path: string): string {
  return path === '' ? 'Top level' : path.split('/').join(' › ');
}

/** Every group in use, for the Settings tab's suggestions. */
export function knownGroups(cameras: readonly Pick<CameraBody, 'group'>[]): string[] {
  return [...new Set(cameras.map((c) => c.group ?? '').filter(Boolean))].sort(collator.compare);
}
