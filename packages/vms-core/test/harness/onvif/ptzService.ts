/**
 * The simulated ONVIF PTZ service (ver20): continuous moves, stop and presets, checked the way
 * a strict camera checks them, and every command that would move the head recorded in
 * `PtzState.commands` so tests can assert what reached the device.
 */
import type { OperationResult, ServiceContext } from './deviceService';
import type { SimulatedPreset } from './simulatorConfig';
import { child, escapeXml, invalidArgument, text } from './soapXml';

export interface PtzCommand {
  operation: 'ContinuousMove' | 'Stop' | 'GotoPreset' | 'SetPreset';
  profileToken: string;
  /** ContinuousMove: the velocities sent, per axis present in the request. */
  velocity?: { pan?: number; tilt?: number; zoom?: number };
  /** ContinuousMove: the Timeout as sent (xs:duration). */
  timeout?: string;
  /** Stop: which axes were asked to stop. */
  stop?: { panTilt: boolean; zoom: boolean };
  presetToken?: string;
  presetName?: string;
}

/** What the head remembers: its presets (SetPreset changes them) and the commands it got. */
export interface PtzState {
  presets: SimulatedPreset[];
  commands: PtzCommand[];
}

const OPERATIONS = new Set(['ContinuousMove', 'Stop', 'GetPresets', 'GotoPreset', 'SetPreset']);

export function handlePtzOperation(name: string, payload: unknown, ctx: ServiceContext): OperationResult | undefined {
  const ptz = ctx.config.ptz;
  const state = ctx.ptzState;
  if (!ptz || !state || !OPERATIONS.has(name)) return undefined;
  const profileToken = text(child(payload, 'ProfileToken')) ?? '';
  if (!ctx.config.profiles.some((p) => p.token === profileToken)) return invalidArgument('ter:NoProfile', 'No such profile');
  if (!ptz.profiles.includes(profileToken)) return invalidArgument('ter:NoPTZProfile', 'The profile has no PTZ configuration');

  switch (name) {
    case 'ContinuousMove': {
      const velocity = child(payload, 'Velocity');
      const panTilt = child(velocity, 'PanTilt');
      const zoom = child(velocity, 'Zoom');
      if ((panTilt !== undefined && !ptz.panTilt) || (zoom !== undefined && !ptz.zoom)) {
        return invalidArgument('ter:InvalidVelocity', 'The PTZ node cannot move that axis');
      }
      const v: PtzCommand['velocity'] = {};
      for (const [axis, node, attr] of [['pan', panTilt, 'x'], ['tilt', panTilt, 'y'], ['zoom', zoom, 'x']] as const) {
        if (node === undefined) continue;
        const value = Number(child(node, `@_${attr}`));
        if (!(value >= -1 && value <= 1)) return invalidArgument('ter:InvalidVelocity', `${axis} velocity outside the generic space`);
        v[axis] = value;
      }
      const timeout = text(child(payload, 'Timeout'));
      // Like cameras that accept whole seconds only (a fraction breaks some firmware's parser).
      if (timeout !== undefined && !/^PT\d+S$/.test(timeout)) return invalidArgument('ter:InvalidTimeout', `Timeout ${timeout} is not whole seconds`);
      state.commands.push({ operation: 'ContinuousMove', profileToken, velocity: v, ...(timeout === undefined ? {} : { timeout }) });
      return { body: '<tptz:ContinuousMoveResponse/>' };
    }
    case 'Stop':
      state.commands.push({
        operation: 'Stop', profileToken,
        // Both default to true when left out (ONVIF PTZ, Stop).
        stop: { panTilt: text(child(payload, 'PanTilt')) !== 'false', zoom: text(child(payload, 'Zoom')) !== 'false' },
      });
      return { body: '<tptz:StopResponse/>' };
    case 'GetPresets':
      return {
        body:
          '<tptz:GetPresetsResponse>' +
          state.presets.map((p) => `<tptz:Preset token="${escapeXml(p.token)}"><tt:Name>${escapeXml(p.name)}</tt:Name></tptz:Preset>`).join('') +
          '</tptz:GetPresetsResponse>',
      };
    case 'GotoPreset': {
      const presetToken = text(child(payload, 'PresetToken')) ?? '';
      if (!state.presets.some((p) => p.token === presetToken)) return invalidArgument('ter:NoToken', 'No such preset');
      state.commands.push({ operation: 'GotoPreset', profileToken, presetToken });
      return { body: '<tptz:GotoPresetResponse/>' };
    }
    case 'SetPreset': {
      const presetName = text(child(payload, 'PresetName')) ?? '';
      const asked = text(child(payload, 'PresetToken'));
      const existing = asked === undefined ? undefined : state.presets.find((p) => p.token === asked);
      if (asked !== undefined && !existing) return invalidArgument('ter:NoToken', 'No such preset');
      const presetToken = asked ?? String(Math.max(0, ...state.presets.map((p) => Number(p.token) || 0)) + 1);
      if (existing) existing.name = presetName || existing.name;
      else state.presets.push({ token: presetToken, name: presetName || presetToken });
      state.commands.push({ operation: 'SetPreset', profileToken, presetToken, presetName });
      return { body: `<tptz:SetPresetResponse><tptz:PresetToken>${escapeXml(presetToken)}</tptz:PresetToken></tptz:SetPresetResponse>` };
    }
    default:
      return undefined;
  }
}

/** The PTZConfiguration element of a profile with PTZ (Media ver10 profile schema order). */
export function ptzConfigurationXml(ctx: ServiceContext, profileToken: string): string {
  const ptz = ctx.config.ptz;
  if (!ptz?.profiles.includes(profileToken)) return '';
  return (
    `<tt:PTZConfiguration token="ptz_${escapeXml(profileToken)}"><tt:Name>PTZ</tt:Name><tt:UseCount>1</tt:UseCount>` +
    `<tt:NodeToken>ptz_node</tt:NodeToken>` +
    (ptz.panTilt ? '<tt:DefaultContinuousPanTiltVelocitySpace>http://www.onvif.org/ver10/tptz/PanTiltSpaces/VelocityGenericSpace</tt:DefaultContinuousPanTiltVelocitySpace>' : '') +
    (ptz.zoom ? '<tt:DefaultContinuousZoomVelocitySpace>http://www.onvif.org/ver10/tptz/ZoomSpaces/VelocityGenericSpace</tt:DefaultContinuousZoomVelocitySpace>' : '') +
    `<tt:DefaultPTZTimeout>PT5S</tt:DefaultPTZTimeout></tt:PTZConfiguration>`
  );
}
