import type { VideoCodec } from '../../media/common/types';

export type DriverId = 'rtsp' | 'onvif' | 'simulated';

export interface Credentials {
  username?: string;
  password?: string;
}

/** What a driver learns about one stream of a camera when it probes the hardware. */
export interface StreamInfo {
  /** Stable within the camera, e.g. "main", "sub", or an ONVIF profile token. */
  key: string;
  name: string;
  /** URL the recording server opens (rtsp://..., or sim://... for the simulated camera). */
  url: string;
  codec?: VideoCodec;
  width?: number;
  height?: number;
  fps?: number;
}

/** How a camera is steered, when it can be: ONVIF PTZ through one of its media profiles. */
export interface CameraPtz {
  /** The media profile whose PTZ configuration commands go to. */
  profileToken: string;
  panTilt: boolean;
  zoom: boolean;
}

export interface CameraInfo {
  /** Stable within the hardware, e.g. a channel or video-source token. */
  key: string;
  name: string;
  streams: StreamInfo[];
  snapshotUrl?: string;
  /** Present when the device has a PTZ service and a profile of this camera a PTZ configuration. */
  ptz?: CameraPtz;
}

/**
 * The hardware's devices other than cameras. One list for all of them: each is a thing of the
 * unit with a stable key, a name and an on/off or on/unused state, nothing more per kind.
 */
export const DEVICE_KINDS = ['microphone', 'speaker', 'metadata', 'input', 'output'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

/** What a driver learns about one non-camera device when it probes the hardware. */
export interface DeviceInfo {
  kind: DeviceKind;
  /**
   * Stable within the hardware and kind: the ONVIF AudioSource, AudioOutput or
   * MetadataConfiguration token, DigitalInput or RelayOutput token; 'audio' for the audio
   * track of an RTSP camera.
   */
  key: string;
  /** As the device names it, or made from its kind and order ("Input 1") when it has no name. */
  name: string;
}

export interface HardwareInfo {
  driver: DriverId;
  address: string;
  manufacturer?: string;
  model?: string;
  firmware?: string;
  serial?: string;
  cameras: CameraInfo[];
  /** Microphones, speakers, metadata, inputs and outputs; absent: the driver reports none. */
  devices?: DeviceInfo[];
  /**
   * Kinds the device failed to list this time (a fault other than "not supported", an
   * unreadable reply): `devices` says nothing about them, so their configured devices stay as they are.
   */
  devicesNotRead?: DeviceKind[];
}

/** Request of `addHardware`. For `rtsp`, `address` is the main stream URL; extra URLs go in `streamUrls`. */
export interface AddHardwareRequest {
  driver: DriverId;
  address: string;
  username?: string;
  password?: string;
  /** rtsp driver only: further streams of the same camera (e.g. a sub stream). */
  streamUrls?: string[];
  name?: string;
}

export type RtspTransport = 'tcp' | 'udp';
