/**
 * Setting an output on or off, for the API (setOutputState) and the rules (setOutput): checks
 * that the device is an enabled output, switches its relay on the hardware with the stored
 * credentials, remembers the state it set, announces it (the event server raises
 * outputActivated / outputDeactivated from that), and returns a pulse to the other state when
 * its time is up. Pulses run on the injected clock and end with dispose().
 */
import type { Clock } from '../../base/common/clock';
import { VmsError } from '../../base/common/errors';
import { Emitter } from '../../base/common/event';
import type { Disposable, Event } from '../../base/common/event';
import type { EventCause } from '../../events/common/vmsEvent';
import type { Device, OutputState } from '../../management/common/device';
import { otherState } from '../../management/common/device';
import type { ConfigStore } from '../../management/node/configStore';
import type { OutputControl } from './outputControl';

export interface SetOutputOptions {
  /** Return to the other state after this long; absent: an output's own pulse (settings.pulseSeconds) applies to "on". */
  pulseSeconds?: number;
  /** Who asked, for the event and logs: a user name, or "rule:<id>". */
  by: string;
  /** The rules that led here, when a rule switches it (the loop guard reads it from the event). */
  cause?: EventCause;
}

export interface OutputSwitched {
  device: Device;
  state: OutputState;
  by: string;
  cause?: EventCause;
}

export interface OutputSwitchDeps {
  clock: Pick<Clock, 'setTimeout'>;
  config: Pick<ConfigStore, 'devices' | 'getHardware' | 'hardwareCredentials'>;
  control: Pick<OutputControl, 'setRelayState'>;
}

export class OutputSwitch implements Disposable {
  private readonly didSwitch = new Emitter<OutputSwitched>();
  private readonly didFailPulse = new Emitter<{ device: Device; error: unknown }>();
  /** An output was switched on the hardware (by a request, a rule or a pulse ending). */
  readonly onDidSwitch: Event<OutputSwitched> = this.didSwitch.event;
  /** A pulse's return to the other state failed: nobody is waiting for it, so it is told here (the system log). */
  readonly onDidFailPulse: Event<{ device: Device; error: unknown }> = this.didFailPulse.event;
  private readonly pulses = new Map<string, { cancel(): void }>();
  private readonly states = new Map<string, OutputState>();

  constructor(private readonly deps: OutputSwitchDeps) {}

  /** The state this site last set; undefined when it has not switched the output since it started. */
  stateOf(deviceId: string): OutputState | undefined {
    return this.states.get(deviceId);
  }

  /** Switches the output; resolves once the hardware accepted it, with the pulse that now runs (seconds), if any. */
  async set(deviceId: string, state: OutputState, options: SetOutputOptions): Promise<{ device: Device; pulseSeconds?: number }> {
    const device = this.enabledOutput(deviceId);
    const pulseSeconds = options.pulseSeconds ?? (state === 'on' ? device.settings.pulseSeconds : undefined);
    await this.switchTo(device, state, options.by, options.cause);
    // A pending pulse is cancelled only now: had this command failed, its return must still happen.
    this.pulses.get(deviceId)?.cancel();
    this.pulses.delete(deviceId);
    if (pulseSeconds !== undefined) {
      this.pulses.set(deviceId, this.deps.clock.setTimeout(() => {
        this.pulses.delete(deviceId);
        this.switchTo(device, otherState(state), 'pulse end', options.cause).catch((error: unknown) => this.didFailPulse.fire({ device, error }));
      }, pulseSeconds * 1000));
    }
    return { device, ...(pulseSeconds !== undefined ? { pulseSeconds } : {}) };
  }

  private enabledOutput(deviceId: string): Device {
    const device = this.deps.config.devices.getDevice(deviceId);
    if (device.kind !== 'output') throw new VmsError('VMS_ERR_BAD_INPUT', `device "${device.name}" is ${/^[aeiou]/.test(device.kind) ? 'an' : 'a'} ${device.kind}, not an output`);
    if (!device.enabled) throw new VmsError('VMS_ERR_CONFLICT', `output "${device.name}" is disabled`);
    return device;
  }

  private async switchTo(device: Device, state: OutputState, by: string, cause: EventCause | undefined): Promise<void> {
    const hardware = this.deps.config.getHardware(device.hardwareId);
    await this.deps.control.setRelayState({
      hardwareId: hardware.id, driver: hardware.driver, address: hardware.address,
      credentials: this.deps.config.hardwareCredentials(hardware.id), relayToken: device.deviceKey,
    }, state === 'on');
    this.states.set(device.id, state);
    this.didSwitch.fire({ device, state, by, ...(cause ? { cause } : {}) });
  }

  dispose(): void {
    for (const p of this.pulses.values()) p.cancel();
    this.pulses.clear();
    this.didSwitch.dispose();
    this.didFailPulse.dispose();
  }
}
