/**
 * The wizard's Cameras step: every camera the added hardware brought, with the name and
 * enabled state the administrator chooses, and the updateCamera bodies for what they changed.
 */
import type { UpdateCameraBody } from '@nightjar/vms-core';
import type { AddHardwareResult } from './devicesApi';

export interface CameraChoice {
  name: string;
  enabled: boolean;
}

export function initialChoices(results: readonly AddHardwareResult[]): Record<string, CameraChoice> {
  return Object.fromEntries(results.flatMap((r) => r.cameras.map((c) => [c.id, { name: c.name, enabled: c.enabled }])));
}

/** Name problems by camera id (the site's limit: 1–200 characters). */
export function choiceProblems(choices: Record<string, CameraChoice>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [id, c] of Object.entries(choices)) {
    if (c.name.trim() === '') out[id] = 'The camera needs a name.';
    else if (c.name.trim().length > 200) out[id] = 'At most 200 characters.';
  }
  return out;
}

export function choiceUpdates(results: readonly AddHardwareResult[], choices: Record<string, CameraChoice>): { cameraId: string; body: UpdateCameraBody }[] {
  return results.flatMap((r) => r.cameras.flatMap((c) => {
    const choice = choices[c.id];
    if (!choice) return [];
    const body: UpdateCameraBody = {
      ...(choice.name.trim() !== c.name ? { name: choice.name.trim() } : {}),
      ...(choice.enabled !== c.enabled ? { enabled: choice.enabled } : {}),
    };
    return Object.keys(body).length > 0 ? [{ cameraId: c.id, body }] : [];
  }));
}
