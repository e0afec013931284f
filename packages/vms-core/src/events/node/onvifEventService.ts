/**
 * The site's ONVIF device events: one pull-point watcher per ONVIF hardware unit in use (some
 * camera, input or output of it enabled), kept in step with the configuration. `reconcile`
 * (called when hardware, cameras or devices change) starts watchers for new units, stops
 * (unsubscribing) those of removed or unused units, restarts those whose address or
 * credentials changed, and hands the rest their new devices and cameras without
 * re-subscribing. See docs/design/onvif-events.md.
 */
import { createHash } from 'node:crypto';
import type { Clock } from '../../base/common/clock';
import { errorMessage } from '../../base/common/errors';
import { DisposableStore } from '../../base/common/event';
import type { Credentials } from '../../devices/common/types';
import type { OnvifEventsEndpoint } from '../../devices/node/onvif/eventsService';
import { connectOnvifEvents } from '../../devices/node/onvif/eventsService';
import type { PullPointTiming } from '../../devices/node/onvif/pullPointSubscription';
import type { OutputSwitch } from '../../devices/node/outputSwitch';
import type { ConfigStore } from '../../management/node/configStore';
import type { MappedDevice } from '../common/onvifEventMapping';
import type { EventServer } from './eventServer';
import type { SystemLog } from './systemLog';
import { OnvifEventWatcher, deviceTargetKey } from './onvifEventWatcher';
import type { WatchedHardware } from './onvifEventWatcher';

export interface OnvifEventServiceDeps {
  clock: Clock;
  config: Pick<ConfigStore, 'hardwareStore' | 'hardwareCredentials' | 'listCameras' | 'devices'>;
  events: Pick<EventServer, 'raise'>;
  /** The site's own switching of outputs: the device's notifications of those switches are not raised again. */
  outputs: Pick<OutputSwitch, 'onDidSwitch'>;
  systemLog: Pick<SystemLog, 'write'>;
  /** Opens a device for events (tests: shorter timeouts). */
  connect?: (address: string, credentials: Credentials, signal: AbortSignal) => Promise<OnvifEventsEndpoint | undefined>;
  timing?: Partial<PullPointTiming>;
  /** Per hardware unit; more in one second are dropped (default 20). */
  maxEventsPerSecond?: number;
}

interface Wanted {
  hardware: WatchedHardware;
  fingerprint: string;
}

interface Running {
  watcher: OnvifEventWatcher;
  /** Address and credentials the subscription was made with: a change needs a new one. */
  fingerprint: string;
}

const DEFAULT_MAX_EVENTS_PER_SECOND = 20;

export class OnvifEventService {
  private readonly running = new Map<string, Running>();
  private readonly store = new DisposableStore();
  private closed = false;
  /** Reconciles run one at a time: each may wait for unsubscribes. */
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly deps: OnvifEventServiceDeps) {}

  /**
   * Starts a watcher per unit in use. An output the site switches itself (the API, a rule)
   * raises its own event; telling the unit's watcher keeps the device's own Relay
   * notification of that switch, which comes about the same time, from raising it again.
   */
  start(): Promise<void> {
    this.store.add(this.deps.outputs.onDidSwitch(({ device, state }) => {
      this.running.get(device.hardwareId)?.watcher.expectOutput(device.id, state === 'on');
    }));
    return this.reconcile();
  }

  /** Hardware units with a running subscription loop (tests, status). */
  watchedHardwareIds(): string[] {
    return [...this.running.keys()];
  }

  reconcile(): Promise<void> {
    this.queue = this.queue.then(() => this.apply()).catch((e: unknown) => {
      this.deps.systemLog.write('error', 'devices', `ONVIF events could not follow a configuration change: ${errorMessage(e)}`, 'VMS_ERR_INTERNAL');
    });
    return this.queue;
  }

  private async apply(): Promise<void> {
    if (this.closed) return;
    const wanted = this.wantedHardware();
    const stopping: Promise<void>[] = [];
    for (const [id, r] of this.running) {
      const next = wanted.get(id);
      if (next && next.fingerprint === r.fingerprint) {
        r.watcher.update(next.hardware);
        continue;
      }
      this.running.delete(id);
      stopping.push(r.watcher.stop());
    }
    await Promise.all(stopping);
    if (this.closed) return;
    for (const [id, { hardware, fingerprint }] of wanted) {
      if (!this.running.has(id)) this.running.set(id, { watcher: this.watch(hardware), fingerprint });
    }
  }

  private watch(hardware: WatchedHardware): OnvifEventWatcher {
    const { deps } = this;
    const credentials = deps.config.hardwareCredentials(hardware.id);
    const open = deps.connect ?? ((address, c, signal) => connectOnvifEvents(address, c, { clock: deps.clock, signal }));
    return new OnvifEventWatcher(hardware, {
      clock: deps.clock, connect: (signal) => open(hardware.address, credentials, signal), raise: (e) => deps.events.raise(e),
      log: (level, message, code) => deps.systemLog.write(level, 'devices', message, code),
      maxEventsPerSecond: deps.maxEventsPerSecond ?? DEFAULT_MAX_EVENTS_PER_SECOND,
      ...(deps.timing ? { timing: deps.timing } : {}),
    });
  }

  /** ONVIF units with some camera, input or output enabled, as configured now. */
  private wantedHardware(): Map<string, Wanted> {
    const { config } = this.deps;
    const cameras = config.listCameras();
    const devices = [...config.devices.listDevices({ kind: 'input' }), ...config.devices.listDevices({ kind: 'output' })];
    const wanted = new Map<string, Wanted>();
    for (const h of config.hardwareStore.list()) {
      if (h.driver !== 'onvif') continue;
      const own = cameras.filter((c) => c.hardwareId === h.id);
      const io = devices.filter((d) => d.hardwareId === h.id);
      if (!own.some((c) => c.enabled) && !io.some((d) => d.enabled)) continue;
      const credentials = config.hardwareCredentials(h.id);
      const fingerprint = createHash('sha256').update(JSON.stringify([h.address, credentials.username ?? '', credentials.password ?? ''])).digest('hex');
      const devicesByToken = new Map<string, MappedDevice>();
      for (const d of io) devicesByToken.set(deviceTargetKey(d.kind === 'input' ? 'input' : 'output', d.deviceKey), { id: d.id, name: d.name, enabled: d.enabled });
      wanted.set(h.id, {
        fingerprint,
        hardware: { id: h.id, name: h.name, address: h.address, devices: devicesByToken, cameras: new Map(own.map((c) => [c.deviceKey, c.id])) },
      });
    }
    return wanted;
  }

  /** Stops every watcher, unsubscribing from the devices that still answer. */
  async close(): Promise<void> {
    this.closed = true;
    this.store.dispose();
    await this.queue;
    const all = [...this.running.values()];
    this.running.clear();
    await Promise.all(all.map((r) => r.watcher.stop()));
  }
}
