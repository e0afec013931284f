/**
 * The hardware's devices other than cameras, as the Management Client names them: one tree
 * node and page per kind (docs/design/devices.md), with the words each page uses. Keyed by
 * the model's kinds, so a new kind fails the typecheck until it is named here.
 */
import type { IconName } from '@nightjar/ui';
import type { DeviceBody, DeviceKind } from '@nightjar/vms-core';
import type { NodeId } from '../navigation/siteTree';
import type { StatePill } from './cameraStatusText';

export interface DeviceKindInfo {
  /** The site tree's node listing them. */
  node: NodeId;
  /** One of them, as a label ("Input"). */
  label: string;
  /** The tree node and page ("Inputs"). */
  plural: string;
  /** One of them, lower case ("input"), for sentences. */
  singular: string;
  icon: IconName;
  /** The page header's line when nothing is loaded yet. */
  purpose: string;
  /** What the site does with one of them, shown where the kind has no settings. */
  role: string;
}

export const DEVICE_KIND_INFO: Record<DeviceKind, DeviceKindInfo> = {
  microphone: {
    node: 'microphones', label: 'Microphone', plural: 'Microphones', singular: 'microphone', icon: 'microphone', purpose: 'Audio sources of the hardware',
    role: 'The site lists a microphone with its hardware, to name, group and enable it; audio is not recorded yet.',
  },
  speaker: {
    node: 'speakers', label: 'Speaker', plural: 'Speakers', singular: 'speaker', icon: 'sound', purpose: 'Audio outputs of the hardware',
    role: 'The site lists a speaker with its hardware, to name, group and enable it; talking through it is not offered yet.',
  },
  metadata: {
    node: 'metadata', label: 'Metadata', plural: 'Metadata', singular: 'metadata device', icon: 'metadata', purpose: 'Metadata configurations of the hardware',
    role: 'The site lists a metadata configuration with its hardware; its stream is not received yet. Analytics events come in as analytics sources.',
  },
  input: {
    node: 'inputs', label: 'Input', plural: 'Inputs', singular: 'input', icon: 'input', purpose: 'Digital inputs: door contacts, buttons, detectors',
    role: 'An enabled input raises "Input activated" and "Input deactivated" events, which rules and alarm definitions can use. A disabled input raises none.',
  },
  output: {
    node: 'outputs', label: 'Output', plural: 'Outputs', singular: 'output', icon: 'output', purpose: 'Relay outputs: doors, lights, sirens',
    role: 'An output is switched on and off by operators with the PTZ right on a camera of its hardware, by administrators, and by rules.',
  },
};

/** The kinds in the tree's order, as XProtect lists them under Devices. */
export const DEVICE_KIND_ORDER: readonly DeviceKind[] = ['microphone', 'speaker', 'metadata', 'input', 'output'];

/** "Inputs" for 2, "input" for 1, as counts read in sentences. */
export function kindCount(kind: DeviceKind, n: number): string {
  const info = DEVICE_KIND_INFO[kind];
  if (kind === 'metadata') return `${n} metadata device${n === 1 ? '' : 's'}`;
  return `${n} ${n === 1 ? info.singular : info.plural.toLowerCase()}`;
}

/** "2 inputs and 1 output", in the tree's order; '' when there are none. */
export function devicesSummary(devices: readonly Pick<DeviceBody, 'kind'>[]): string {
  const parts = DEVICE_KIND_ORDER.flatMap((kind) => {
    const n = devices.filter((d) => d.kind === kind).length;
    return n > 0 ? [kindCount(kind, n)] : [];
  });
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/**
 * An output's state as the site last set it. ONVIF cannot read a relay back, so it is unknown
 * until the site switched it after starting (docs/design/devices.md, "Output state").
 */
export function outputStatePill(device: Pick<DeviceBody, 'kind' | 'state'>): StatePill | undefined {
  if (device.kind !== 'output') return undefined;
  if (device.state === 'on') return { label: 'On', tone: 'warn', detail: 'Switched on (active) by this site' };
  if (device.state === 'off') return { label: 'Off', tone: 'ok', detail: 'Switched off (idle) by this site' };
  return { label: 'State unknown', tone: 'muted', detail: 'The site has not switched it since it started, and ONVIF cannot read a relay back' };
}

/** Enabled or disabled, as the overview shows it beside an output's state. */
export const enabledPill = (device: Pick<DeviceBody, 'enabled'>): StatePill => (device.enabled ? { label: 'Enabled', tone: 'ok' } : { label: 'Disabled', tone: 'muted' });
