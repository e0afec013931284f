/**
 * What "Update hardware" found, in words: the report updateHardware returns (the site's
 * diffHardware) as lines an administrator reads, grouped by what they affect: the device,
 * its cameras and streams, then its other devices (inputs, outputs, audio, metadata).
 */
import type { HardwareChanges } from '@nightjar/vms-core';
import { DEVICE_KIND_INFO } from './deviceKinds';

export interface ChangeLine {
  kind: 'device' | 'cameraAdded' | 'cameraMissing' | 'streamAdded' | 'streamRemoved' | 'streamChanged' | 'deviceAdded' | 'deviceMissing' | 'deviceRenamed' | 'devicesNotRead';
  text: string;
}

const FIELD_LABELS: Record<string, string> = {
  address: 'Address', manufacturer: 'Manufacturer', model: 'Model', firmware: 'Firmware', serial: 'Serial number',
  name: 'name', url: 'URL', codec: 'codec', width: 'width', height: 'height', fps: 'frame rate',
};

function value(v: unknown): string {
  if (v === null || v === undefined || v === '') return '(none)';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

const label = (field: string) => FIELD_LABELS[field] ?? field;

/** "width 1280 → 1920, height 720 → 1080"; a size change reads as one "1280×720 → 1920×1080". */
function describeDiff(changes: Record<string, { from: unknown; to: unknown }>): string {
  const parts: string[] = [];
  const { width, height, ...rest } = changes;
  if (width || height) {
    const size = (w: unknown, h: unknown) => `${value(w)}×${value(h)}`;
    parts.push(`size ${size(width?.from ?? '…', height?.from ?? '…')} → ${size(width?.to ?? '…', height?.to ?? '…')}`);
  }
  for (const [field, c] of Object.entries(rest)) parts.push(`${label(field)} ${value(c.from)} → ${value(c.to)}`);
  return parts.join(', ');
}

export function describeHardwareChanges(c: HardwareChanges): ChangeLine[] {
  const lines: ChangeLine[] = [];
  for (const [field, d] of Object.entries(c.hardware)) lines.push({ kind: 'device', text: `${label(field)}: ${value(d.from)} → ${value(d.to)}` });
  for (const cam of c.camerasAdded) lines.push({ kind: 'cameraAdded', text: `New camera "${cam.name}" (${cam.deviceKey}) added` });
  for (const cam of c.camerasMissing) {
    lines.push({ kind: 'cameraMissing', text: `Camera "${cam.name}" is no longer reported: disabled, its recordings kept` });
  }
  for (const cam of c.cameras) {
    for (const s of cam.added) lines.push({ kind: 'streamAdded', text: `${cam.name}: new stream "${s.name}"${s.width && s.height ? ` (${s.width}×${s.height})` : ''}` });
    for (const s of cam.removed) lines.push({ kind: 'streamRemoved', text: `${cam.name}: stream "${s.name}" removed` });
    for (const s of cam.changed) lines.push({ kind: 'streamChanged', text: `${cam.name}: stream "${s.key}" ${describeDiff(s.changes)}` });
  }
  // Reports written before devices existed have no `devices`.
  const kindLabel = (k: keyof typeof DEVICE_KIND_INFO) => DEVICE_KIND_INFO[k].label;
  for (const d of c.devices?.added ?? []) lines.push({ kind: 'deviceAdded', text: `New ${DEVICE_KIND_INFO[d.kind].singular} "${d.name}" (${d.deviceKey}) added, enabled` });
  for (const d of c.devices?.missing ?? []) {
    lines.push({ kind: 'deviceMissing', text: `${kindLabel(d.kind)} "${d.name}" (${d.deviceKey}) is no longer reported: disabled, kept for the rules naming it` });
  }
  for (const d of c.devices?.renamed ?? []) lines.push({ kind: 'deviceRenamed', text: `${kindLabel(d.kind)} ${d.deviceKey} renamed on the device: "${d.from}" → "${d.to}"` });
  // A kind the device failed to list keeps its devices as they were: say so, or "nothing changed" would mislead.
  for (const k of c.devices?.notRead ?? []) {
    lines.push({ kind: 'devicesNotRead', text: `${DEVICE_KIND_INFO[k].plural}: the device did not answer when asked for them; left as they were` });
  }
  return lines;
}

/** One sentence for the notice after an update. */
export function changesSummary(c: HardwareChanges | null): string {
  if (c === null) return 'Saved.';
  const lines = describeHardwareChanges(c);
  const n = lines.filter((l) => l.kind !== 'devicesNotRead').length;
  const found = n === 0 ? 'The device reports what is configured: nothing changed.' : `${n} change${n === 1 ? '' : 's'} found on the device and applied.`;
  return lines.length > n ? `${found} Some of its devices could not be read and were left as they were.` : found;
}
