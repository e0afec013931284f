/**
 * Setting an output on or off, for the API (setOutputState) and the rules (setOutput): checks
 * that the device is an enabled output, switches its relay on the hardware with the stored
 * credentials, remembers the state it set, announces it (the event server raises
 * outputActivated / outputDeactivated from that), and returns a pulse to the other state when
 * its time is up. Pulses run on the injected clock; close() returns the outputs of pulses
 * still running before the site stops.
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

/** How long stopping waits for the hardware to take the pulses' returns: shutdown must not hang on a dead device. */
const CLOSE_TIMEOUT_MS = 3000;

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
  /** Output device id → its running pulse: the timer, and what it returns the output to. */
  private readonly pulses = new Map<string, { timer: { cancel(): void }; device: Device; returnTo: OutputState; cause: EventCause | undefined }>();
  private readonly states = new Map<string, OutputState>();
  private closed = false;

  constructor(private readonly deps: OutputSwitchDeps) {}

  /** The state this site last set; undefined when it has not switched the output since it started. */
  stateOf(deviceId: string): OutputState | undefined {
    return this.states.get(deviceId);
  }

  /** Switches the output; resolves once the hardware accepted it, with the pulse that now runs (seconds), if any. */
  async set(deviceId: string, state: OutputState, options: SetOutputOptions): Promise<{ device: Device; pulseSeconds?: number }> {
    // A rule acting on the site's stop would start a pulse nobody ends.
    if (this.closed) throw new VmsError('VMS_ERR_UNAVAILABLE', 'outputs are not switched while the site stops');
    const device = this.enabledOutput(deviceId);
    const pulseSeconds = options.pulseSeconds ?? (state === 'on' ? device.settings.pulseSeconds : undefined);
    await this.switchTo(device, state, options.by, options.cause);
    // A pending pulse is cancelled only now: had this command failed, its return must still happen.
    this.pulses.get(deviceId)?.timer.cancel();
    this.pulses.delete(deviceId);
    if (pulseSeconds !== undefined && this.closed) {
      // The site began stopping while the hardware took the command: return it at once.
      void this.returnPulse(device, otherState(state), 'pulse end (site stopping)', options.cause);
    } else if (pulseSeconds !== undefined) {
      const returnTo = otherState(state);
      const timer = this.deps.clock.setTimeout(() => {
        this.pulses.delete(deviceId);
        void this.returnPulse(device, returnTo, 'pulse end', options.cause);
      }, pulseSeconds * 1000);
      this.pulses.set(deviceId, { timer, device, returnTo, cause: options.cause });
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

  /** A pulse's return; nobody waits for it, so a failure goes to onDidFailPulse. */
  private returnPulse(device: Device, state: OutputState, by: string, cause: EventCause | undefined): Promise<void> {
    return this.switchTo(device, state, by, cause).catch((error: unknown) => this.didFailPulse.fire({ device, error }));
  }

  /**
   * Ends the pulses still running at once, switching each output to the state its pulse
   * returns to (left alone, a siren pulsed for a minute would stay on while the site is down),
   * waiting at most CLOSE_TIMEOUT_MS for the hardware; then disposes.
   */
  async close(): Promise<void> {
    this.closed = true;
    const running = [...this.pulses.values()];
    for (const p of running) p.timer.cancel();
    this.pulses.clear();
    if (running.length > 0) {
      let deadline: { cancel(): void } | undefined;
      await Promise.race([
        Promise.allSettled(running.map((p) => this.returnPulse(p.device, p.returnTo, 'pulse end (site stopping)', p.cause))),
        new Promise<void>((resolve) => (deadline = this.deps.clock.setTimeout(resolve, CLOSE_TIMEOUT_MS))),
      ]);
      deadline?.cancel();
    }
    this.dispose();
  }

  dispose(): void {
    for (const p of this.pulses.values()) p.timer.cancel();
    this.pulses.clear();
    this.didSwitch.dispose();
    this.didFailPulse.dispose();
  }
}
