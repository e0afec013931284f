/**
 * The ONVIF PTZ service (ver20): where it is, and continuous moves, stop and presets for one
 * media profile. Only what an operator's joystick and preset list need; absolute and relative
 * moves, tours and auxiliary commands are left out (docs/design/onvif-client.md, PTZ).
 */
import { VmsError } from '../../../base/common/errors';
import type { OnvifSoapClient } from './soapClient';
import { attribute, child, children, escapeXml, text } from './xml';

export const PTZ_NS = 'http://www.onvif.org/ver20/ptz/wsdl';
const DEVICE_NS = 'http://www.onvif.org/ver10/device/wsdl';

/** Velocities in the generic space: -1..1 per axis, 0 holds the axis still. */
export interface PtzVelocity {
  pan: number;
  tilt: number;
  zoom: number;
}

/** Which axes a profile's PTZ configuration can move continuously. */
export interface PtzAxes {
  panTilt: boolean;
  zoom: boolean;
}

export interface PtzPreset {
  token: string;
  name: string;
}

/**
 * The PTZ service address, or undefined when the device has none. GetCapabilities (every
 * Profile S device) first, GetServices as the fallback, as for the Media service; `call` is the
 * caller's way of treating a device that does not know an operation.
 */
export async function findPtzService(
  client: OnvifSoapClient,
  device: string,
  optional: <T>(call: () => Promise<T>) => Promise<T | undefined>,
): Promise<string | undefined> {
  const capabilities = await optional(() =>
    client.call(device, { namespace: DEVICE_NS, name: 'GetCapabilities', body: '<Category>PTZ</Category>' }),
  );
  const fromCapabilities = text(child(capabilities, 'Capabilities', 'PTZ', 'XAddr'));
  if (fromCapabilities) return fromCapabilities;
  const services = await optional(() =>
    client.call(device, { namespace: DEVICE_NS, name: 'GetServices', body: '<IncludeCapability>false</IncludeCapability>' }),
  );
  const ptz = children(services, 'Service').find((s) => text(child(s, 'Namespace')) === PTZ_NS);
  return text(child(ptz, 'XAddr')) || undefined;
}

/**
 * The axes of a media profile's PTZConfiguration, or undefined when it has none (the profile
 * cannot be steered). A configuration naming neither default continuous space is taken to
 * move both: the spaces are optional in the schema, and such devices use the generic ones.
 */
export function profilePtzAxes(profile: unknown): PtzAxes | undefined {
  const config = child(profile, 'PTZConfiguration');
  if (config === undefined) return undefined;
  const panTilt = text(child(config, 'DefaultContinuousPanTiltVelocitySpace')) !== undefined;
  const zoom = text(child(config, 'DefaultContinuousZoomVelocitySpace')) !== undefined;
  return panTilt || zoom ? { panTilt, zoom } : { panTilt: true, zoom: true };
}

/** PTZ commands for one profile at one PTZ service address. */
export class OnvifPtzService {
  constructor(
    private readonly client: OnvifSoapClient,
    readonly url: string,
  ) {}

  /**
   * Starts moving at the given velocities until stop() or, with `timeoutMs`, until the device
   * stops by itself. Only axes in `axes` are sent: a device without zoom may refuse a Zoom
   * element even at zero.
   */
  async continuousMove(profileToken: string, v: PtzVelocity, axes: PtzAxes, timeoutMs?: number): Promise<void> {
    const velocity =
      (axes.panTilt ? `<tt:PanTilt x="${number(v.pan)}" y="${number(v.tilt)}"/>` : '') +
      (axes.zoom ? `<tt:Zoom x="${number(v.zoom)}"/>` : '');
    await this.client.call(this.url, {
      namespace: PTZ_NS,
      name: 'ContinuousMove',
      body: token(profileToken) + `<Velocity>${velocity}</Velocity>` + (timeoutMs === undefined ? '' : `<Timeout>${duration(timeoutMs)}</Timeout>`),
    });
  }

  async stop(profileToken: string, axes: PtzAxes): Promise<void> {
    await this.client.call(this.url, {
      namespace: PTZ_NS,
      name: 'Stop',
      body: token(profileToken) + `<PanTilt>${axes.panTilt}</PanTilt><Zoom>${axes.zoom}</Zoom>`,
    });
  }

  /** Presets in the device's order; one without a token cannot be gone to and is left out. */
  async getPresets(profileToken: string): Promise<PtzPreset[]> {
    const reply = await this.client.call(this.url, { namespace: PTZ_NS, name: 'GetPresets', body: token(profileToken) });
    return children(reply, 'Preset').flatMap((p) => {
      const presetToken = attribute(p, 'token');
      return presetToken ? [{ token: presetToken, name: text(child(p, 'Name')) || presetToken }] : [];
    });
  }

  async gotoPreset(profileToken: string, presetToken: string): Promise<void> {
    await this.client.call(this.url, {
      namespace: PTZ_NS,
      name: 'GotoPreset',
      body: token(profileToken) + `<PresetToken>${escapeXml(presetToken)}</PresetToken>`,
    });
  }

  /** Stores the current position as a preset (a new one, or `presetToken` overwritten); returns its token. */
  async setPreset(profileToken: string, name: string, presetToken?: string): Promise<string> {
    const reply = await this.client.call(this.url, {
      namespace: PTZ_NS,
      name: 'SetPreset',
      body:
        token(profileToken) +
        `<PresetName>${escapeXml(name)}</PresetName>` +
        (presetToken === undefined ? '' : `<PresetToken>${escapeXml(presetToken)}</PresetToken>`),
    });
    const stored = text(child(reply, 'PresetToken'));
    if (!stored) throw new VmsError('VMS_ERR_DEVICE_PROTOCOL', `ONVIF SetPreset at ${new URL(this.url).host}: reply has no PresetToken`);
    return stored;
  }
}

const token = (profileToken: string) => `<ProfileToken>${escapeXml(profileToken)}</ProfileToken>`;

/** Clamped to the generic space, without exponent notation (xs:float allows it; cameras may not). */
function number(v: number): string {
  return String(Math.round(Math.min(1, Math.max(-1, v)) * 1e4) / 1e4);
}

/** Whole seconds, at least one: some cameras answer fractional durations with a broken reply. */
function duration(ms: number): string {
  return `PT${Math.max(1, Math.ceil(ms / 1000))}S`;
}
