/** What a test can configure on the simulated ONVIF device, and the defaults it gets. */

export interface SimulatedProfile {
  token: string;
  name: string;
  encoding: 'H264' | 'H265';
  width: number;
  height: number;
  fps: number;
  /** The RTSP URL GetStreamUri returns for this profile. */
  rtspUrl: string;
  /** Video source (sensor/channel) the profile encodes; defaults to "VideoSource_1". */
  videoSourceToken?: string;
}

export interface SimulatedPreset {
  token: string;
  name: string;
}

/** A PTZ head behind the device: a PTZ service, and a PTZ configuration on some profiles. */
export interface SimulatedPtz {
  /** Profiles with a PTZConfiguration; default all. */
  profiles?: string[];
  /** Stored positions; SetPreset adds to them. Default: "1" Entrance, "2" Car park. */
  presets?: SimulatedPreset[];
  /** Axes the configuration moves continuously (default both); a Zoom velocity without zoom is refused. */
  panTilt?: boolean;
  zoom?: boolean;
}

/** A digital input (DeviceIO); `name` is for tests only: ONVIF gives inputs no name, only a token. */
export interface SimulatedDigitalInput {
  token: string;
  name?: string;
  idleState?: 'open' | 'closed';
}

/** A relay output; switched by SetRelayOutputState on the DeviceIO or the Device service. */
export interface SimulatedRelayOutput {
  token: string;
  name?: string;
}

export interface OnvifSimulatorOptions {
  username?: string;
  password?: string;
  manufacturer?: string;
  model?: string;
  firmware?: string;
  serial?: string;
  profiles?: SimulatedProfile[];
  /** How far the device clock is off the host clock; WS-Security timestamps are checked against it. */
  clockOffsetMs?: number;
  /** HTTP status of a NotAuthorized fault: 400 per the ONVIF Core spec, 401 on many real cameras. */
  authFailureStatus?: 400 | 401;
  /** Cameras that put user:password into the stream URI (some do); the driver must strip it. */
  embedCredentialsInStreamUri?: boolean;
  /** Operation name → raw HTTP 200 body, to feed clients broken or unexpected replies. */
  rawResponses?: Record<string, string>;
  /**
   * Answer WS-Discovery probes on UDP 3702. Off by default: the port and group are shared by every
   * simulator on the host. The group is joined only on `multicastInterface` (default 127.0.0.1),
   * so neither probes nor answers leave the machine.
   */
  discovery?: boolean | { multicastInterface?: string };
  /** Serve a PTZ service (off by default: most fixed cameras have none). */
  ptz?: SimulatedPtz;
  /** Digital inputs and relay outputs (default none). */
  digitalInputs?: SimulatedDigitalInput[];
  relayOutputs?: SimulatedRelayOutput[];
  /**
   * Serve the DeviceIO service and list it (default: when there are inputs or outputs). false
   * leaves relays to the Device service's GetRelayOutputs / SetRelayOutputState, as older devices do.
   */
  deviceIo?: boolean;
  /** Media audio sources (microphones), audio outputs (speakers) and metadata configurations (default none). */
  audioSources?: { token: string }[];
  audioOutputs?: { token: string }[];
  metadataConfigurations?: { token: string; name: string }[];
  /** Serve the Events service with real-time pull points (default true: every Profile S device has one). */
  events?: boolean;
  /** Whether pull points answer Renew (default true); some devices keep them alive by PullMessages only. */
  renewPullPoints?: boolean;
  /** Listen on this port (default: any free one); a test restarting a device reuses its port. */
  port?: number;
}

export interface SimulatorConfig {
  username: string;
  password: string;
  manufacturer: string;
  model: string;
  firmware: string;
  serial: string;
  profiles: Required<SimulatedProfile>[];
  clockOffsetMs: number;
  authFailureStatus: 400 | 401;
  embedCredentialsInStreamUri: boolean;
  rawResponses: Record<string, string>;
  ptz: Required<SimulatedPtz> | undefined;
  digitalInputs: SimulatedDigitalInput[];
  relayOutputs: SimulatedRelayOutput[];
  deviceIo: boolean;
  audioSources: { token: string }[];
  audioOutputs: { token: string }[];
  metadataConfigurations: { token: string; name: string }[];
  events: boolean;
  renewPullPoints: boolean;
}

export interface VideoSource {
  token: string;
  width: number;
  height: number;
  fps: number;
}

export function resolveConfig(opts: OnvifSimulatorOptions): SimulatorConfig {
  const profiles = (opts.profiles ?? defaultProfiles()).map((p) => ({
    videoSourceToken: 'VideoSource_1',
    ...p,
  }));
  return {
    username: opts.username ?? 'admin',
    password: opts.password ?? 'admin',
    manufacturer: opts.manufacturer ?? 'Nightjar',
    model: opts.model ?? 'SimCam 1',
    firmware: opts.firmware ?? '1.0.0',
    serial: opts.serial ?? 'SIM-0001',
    profiles,
    clockOffsetMs: opts.clockOffsetMs ?? 0,
    authFailureStatus: opts.authFailureStatus ?? 400,
    embedCredentialsInStreamUri: opts.embedCredentialsInStreamUri ?? false,
    rawResponses: opts.rawResponses ?? {},
    ptz: opts.ptz && {
      profiles: opts.ptz.profiles ?? profiles.map((p) => p.token),
      presets: opts.ptz.presets ?? [{ token: '1', name: 'Entrance' }, { token: '2', name: 'Car park' }],
      panTilt: opts.ptz.panTilt ?? true,
      zoom: opts.ptz.zoom ?? true,
    },
    digitalInputs: opts.digitalInputs ?? [],
    relayOutputs: opts.relayOutputs ?? [],
    deviceIo: opts.deviceIo ?? Boolean(opts.digitalInputs?.length || opts.relayOutputs?.length),
    audioSources: opts.audioSources ?? [],
    audioOutputs: opts.audioOutputs ?? [],
    metadataConfigurations: opts.metadataConfigurations ?? [],
    events: opts.events ?? true,
    renewPullPoints: opts.renewPullPoints ?? true,
  };
}

function defaultProfiles(): SimulatedProfile[] {
  return [
    { token: 'main', name: 'Main', encoding: 'H264', width: 1920, height: 1080, fps: 25, rtspUrl: 'rtsp://127.0.0.1:8554/main' },
    { token: 'sub', name: 'Sub', encoding: 'H264', width: 640, height: 360, fps: 15, rtspUrl: 'rtsp://127.0.0.1:8554/sub' },
  ];
}

/** A sensor is as large and fast as the largest profile that encodes it. */
export function videoSources(config: SimulatorConfig): VideoSource[] {
  const byToken = new Map<string, VideoSource>();
  for (const p of config.profiles) {
    const current = byToken.get(p.videoSourceToken);
    byToken.set(p.videoSourceToken, {
      token: p.videoSourceToken,
      width: Math.max(current?.width ?? 0, p.width),
      height: Math.max(current?.height ?? 0, p.height),
      fps: Math.max(current?.fps ?? 0, p.fps),
    });
  }
  return [...byToken.values()];
}
