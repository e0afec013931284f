/**
 * Switches relay outputs of hardware. As for PTZ, each device's client (with its learnt clock
 * offset) and where its relays are switched (DeviceIO or the Device service) are kept between
 * commands and found again only after a command failed: a rule may pulse a siren every few
 * seconds, and two extra requests each time would double its delay. One session per hardware
 * unit, replaced when its address or credentials change and dropped when the unit is removed
 * (`retainOnly`); the credentials are compared by a hash, not kept as a key.
 */
import { createHash } from 'node:crypto';
import type { Clock } from '../../base/common/clock';
import { VmsError } from '../../base/common/errors';
import type { Credentials, DriverId } from '../common/types';
import { findDeviceIoService, relayService, setRelayOutputState } from './onvif/deviceIo';
import type { RelayService } from './onvif/deviceIo';
import { openOnvifClient, optional, rebase } from './onvif/probeOnvif';
import type { OnvifSoapClient } from './onvif/soapClient';

/** One relay to switch: its hardware and its token there (the output device's key). */
export interface OutputTarget {
  hardwareId: string;
  driver: DriverId;
  address: string;
  credentials: Credentials;
  relayToken: string;
}

export interface OutputControlOptions {
  clock: Pick<Clock, 'now'>;
  /** Per request; a door that opens ten seconds late is worse than an error. */
  timeoutMs?: number;
}

interface Session {
  client: OnvifSoapClient;
  service: RelayService;
}

const fingerprint = (t: OutputTarget): string =>
  createHash('sha256').update(JSON.stringify([t.address, t.credentials.username ?? '', t.credentials.password ?? ''])).digest('hex');

export class OutputControl {
  /** Hardware id → its session, and the address and credentials it was opened with. */
  private readonly sessions = new Map<string, { fingerprint: string; session: Promise<Session> }>();

  constructor(private readonly options: OutputControlOptions) {}

  /** "active" is the relay's switched state, whatever its wiring; errors keep the driver's codes (unreachable: 503). */
  async setRelayState(target: OutputTarget, active: boolean): Promise<void> {
    if (target.driver !== 'onvif') throw new VmsError('VMS_ERR_BAD_INPUT', `outputs need the onvif driver, not ${target.driver}`);
    // Changed address or credentials make a new session rather than reuse one signed with the old ones.
    const print = fingerprint(target);
    let entry = this.sessions.get(target.hardwareId);
    if (!entry || entry.fingerprint !== print) {
      entry = { fingerprint: print, session: this.connect(target) };
      this.sessions.set(target.hardwareId, entry);
    }
    try {
      const { client, service } = await entry.session;
      await setRelayOutputState(client, service, target.relayToken, active);
    } catch (e) {
      if (this.sessions.get(target.hardwareId) === entry) this.sessions.delete(target.hardwareId);
      throw e;
    }
  }

  /** Forgets the sessions of hardware not in `hardwareIds` (units removed from the site). */
  retainOnly(hardwareIds: ReadonlySet<string>): void {
    for (const id of this.sessions.keys()) if (!hardwareIds.has(id)) this.sessions.delete(id);
  }

  /** Hardware units with a session (tests). */
  sessionHardwareIds(): string[] {
    return [...this.sessions.keys()];
  }

  private async connect(target: OutputTarget): Promise<Session> {
    const { client, deviceUrl } = await openOnvifClient(target.address, target.credentials, {
      clock: this.options.clock, timeoutMs: this.options.timeoutMs ?? 5_000,
    });
    const device = deviceUrl.toString();
    const io = await findDeviceIoService(client, device, optional);
    return { client, service: relayService(io && rebase(io, deviceUrl), device) };
  }
}
