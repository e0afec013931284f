/**
 * Sends PTZ commands to cameras. A joystick sends a move every few hundred milliseconds, so
 * each device's client (with its learnt clock offset) and PTZ service address are kept between
 * commands and found again only after a command failed.
 */
import type { Clock } from '../../base/common/clock';
import { VmsError } from '../../base/common/errors';
import type { CameraPtz, Credentials, DriverId } from '../common/types';
import { openOnvifClient, optional, rebase } from './onvif/probeOnvif';
import { OnvifPtzService, findPtzService } from './onvif/ptzService';
import type { PtzPreset, PtzVelocity } from './onvif/ptzService';

export type { PtzPreset, PtzVelocity };

/** One camera to steer: its hardware and how the camera is steered (Camera.ptz). */
export interface PtzTarget {
  hardwareId: string;
  driver: DriverId;
  address: string;
  credentials: Credentials;
  ptz: CameraPtz;
}

export interface PtzControlOptions {
  clock: Pick<Clock, 'now'>;
  /** Per request: a move answered late is a move the operator already let go of. */
  timeoutMs?: number;
}

export class PtzControl {
  private readonly services = new Map<string, Promise<OnvifPtzService>>();

  constructor(private readonly options: PtzControlOptions) {}

  async move(target: PtzTarget, velocity: PtzVelocity, timeoutMs?: number): Promise<void> {
    for (const [axis, value] of [['pan', velocity.pan], ['tilt', velocity.tilt], ['zoom', velocity.zoom]] as const) {
      const able = axis === 'zoom' ? target.ptz.zoom : target.ptz.panTilt;
      if (value !== 0 && !able) throw new VmsError('VMS_ERR_BAD_INPUT', `this camera cannot ${axis === 'zoom' ? 'zoom' : 'pan or tilt'}`);
    }
    return this.run(target, (s) => s.continuousMove(target.ptz.profileToken, velocity, target.ptz, timeoutMs));
  }

  stop(target: PtzTarget): Promise<void> {
    return this.run(target, (s) => s.stop(target.ptz.profileToken, target.ptz));
  }

  presets(target: PtzTarget): Promise<PtzPreset[]> {
    return this.run(target, (s) => s.getPresets(target.ptz.profileToken));
  }

  gotoPreset(target: PtzTarget, presetToken: string): Promise<void> {
    return this.run(target, (s) => s.gotoPreset(target.ptz.profileToken, presetToken));
  }

  private async run<T>(target: PtzTarget, command: (service: OnvifPtzService) => Promise<T>): Promise<T> {
    if (target.driver !== 'onvif') throw new VmsError('VMS_ERR_BAD_INPUT', `PTZ needs the onvif driver, not ${target.driver}`);
    // Changed credentials make a new session rather than reuse one signed with the old ones.
    const key = JSON.stringify([target.hardwareId, target.address, target.credentials.username ?? '', target.credentials.password ?? '']);
    let pending = this.services.get(key);
    if (!pending) {
      pending = this.connect(target);
      this.services.set(key, pending);
    }
    try {
      return await command(await pending);
    } catch (e) {
      // Rebooted, clock reset, moved or refusing us: learn the clock and address afresh next
      // time. That costs two requests after a failure and keeps this free of guessing which.
      if (this.services.get(key) === pending) this.services.delete(key);
      throw e;
    }
  }

  private async connect(target: PtzTarget): Promise<OnvifPtzService> {
    const { client, deviceUrl } = await openOnvifClient(target.address, target.credentials, {
      clock: this.options.clock, timeoutMs: this.options.timeoutMs ?? 5_000,
    });
    const url = await findPtzService(client, deviceUrl.toString(), optional);
    if (!url) throw new VmsError('VMS_ERR_DEVICE_PROTOCOL', `ONVIF device ${deviceUrl.host} no longer offers a PTZ service`);
    return new OnvifPtzService(client, rebase(url, deviceUrl));
  }
}
