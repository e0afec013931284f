/**
 * What an ONVIF notification means to the site (docs/design/onvif-events.md, mapping table):
 *
 * | ONVIF topic                                   | site event                                  | source            |
 * | --------------------------------------------- | ------------------------------------------- | ----------------- |
 * | tns1:Device/Trigger/DigitalInput (InputToken) | inputActivated / inputDeactivated           | the input device  |
 * | tns1:Device/Trigger/Relay (RelayToken)        | outputActivated / outputDeactivated         | the output device |
 * | anything else, motion included                | deviceEvent, data.topic + the message's items, data.cameraId when a video source names a camera | the hardware |
 *
 * Property events (ONVIF's Initialized / Changed / Deleted) describe a state, so the mapper
 * remembers the last one per property: an Initialized value (every subscription starts with
 * them, a re-subscription too) raises nothing unless it differs from what was known, a Changed
 * value equal to the known one (a device repeating itself) raises nothing, and Deleted forgets.
 * Inputs and outputs the site does not know, or has disabled, raise nothing.
 * Pure: the watcher (events/node/onvifEventService.ts) commits a state once its event is raised.
 */
import type { OnvifNotification } from '../../devices/common/onvifNotification';
import { ONVIF_TOPICS, onvifBoolean } from '../../devices/common/onvifNotification';
import type { VmsEventInput } from './vmsEvent';

export interface MappedDevice {
  id: string;
  name: string;
  enabled: boolean;
}

/** One hardware unit as the site configures it, for mapping its notifications. */
export interface HardwareEventTargets {
  hardwareId: string;
  hardwareName: string;
  /** The input or output device with this ONVIF token (DigitalInput / RelayOutput), enabled or not. */
  device(kind: 'input' | 'output', token: string): MappedDevice | undefined;
  /** The camera recording this video source (the camera's device key), if any. */
  cameraOfVideoSource(videoSourceToken: string): string | undefined;
  /** Video source configuration token → video source token, as the device reported them. */
  videoSourceOfConfiguration: ReadonlyMap<string, string>;
}

export type MappedNotification =
  /** Nothing to raise or remember (an unknown or disabled input, a repeated value, an unreadable message). */
  | { kind: 'ignore' }
  /** Remember (or, with `value` undefined, forget) a property's state without raising anything. */
  | { kind: 'state'; key: string; value: string | undefined }
  /**
   * An event to raise, and the state to remember once it is raised. `ends` marks an input or
   * output going idle after the site saw it active: it is never dropped by rate limiting, so
   * every start the rules saw gets its end.
   */
  | { kind: 'event'; event: VmsEventInput; key?: string; value?: string; ends: boolean };

/**
 * Caps what one message may put in an event's data, and how many property states one unit's
 * mapper remembers: a device inventing new sources or keys must not grow the site's memory
 * without end. Beyond `maxKnownStates` the least recently used state is forgotten; a
 * forgotten property is new again (its next Initialized value is taken silently).
 */
export const DEVICE_EVENT_LIMITS = { maxItems: 32, maxValueLength: 200, maxKnownStates: 10_000 } as const;

const IGNORE: MappedNotification = { kind: 'ignore' };
const VIDEO_SOURCE_ITEMS = ['VideoSourceToken', 'Source', 'VideoSource'];
const RELAY_TOKEN_ITEMS = ['RelayToken', 'RelayOutputToken'];
const STATE_ITEMS = ['LogicalState', 'State'];

const sorted = (items: Record<string, string>) => Object.keys(items).sort().map((k) => `${k}=${items[k]}`).join('&');

/** The one item of a group, when a device names it differently from the standard. */
function item(items: Record<string, string>, names: readonly string[]): string | undefined {
  for (const n of names) if (items[n] !== undefined) return items[n];
  const values = Object.values(items);
  return values.length === 1 ? values[0] : undefined;
}

export class OnvifEventMapper {
  /** Property key → its last value the site acted on, least recently used first (Map keeps insertion order). */
  private readonly known = new Map<string, string>();

  constructor(
    private readonly targets: HardwareEventTargets,
    private readonly maxKnown: number = DEVICE_EVENT_LIMITS.maxKnownStates,
  ) {}

  map(n: OnvifNotification): MappedNotification {
    if (n.topic === ONVIF_TOPICS.digitalInput) return this.ioEvent(n, 'input', item(n.source, ['InputToken', 'DigitalInputToken']));
    if (n.topic === ONVIF_TOPICS.relay) return this.ioEvent(n, 'output', item(n.source, RELAY_TOKEN_ITEMS));
    return this.deviceEvent(n);
  }

  /** Remembers a state the site has from elsewhere (an output it switched itself), or forgets one. */
  commit(key: string, value: string | undefined): void {
    this.known.delete(key);
    if (value === undefined) return;
    this.known.set(key, value);
    if (this.known.size > this.maxKnown) this.known.delete(this.known.keys().next().value!);
  }

  /** The state known for a property, which makes it the most recently used. */
  private knownValue(key: string): string | undefined {
    const value = this.known.get(key);
    if (value !== undefined) {
      this.known.delete(key);
      this.known.set(key, value);
    }
    return value;
  }

  static outputKey(deviceId: string): string {
    return `output:${deviceId}`;
  }

  /** The enabled output and the state a Relay notification reports; undefined for anything else. */
  relayState(n: OnvifNotification): { deviceId: string; active: boolean } | undefined {
    if (n.topic !== ONVIF_TOPICS.relay || n.operation === 'Deleted') return undefined;
    const token = item(n.source, RELAY_TOKEN_ITEMS);
    const device = token === undefined ? undefined : this.targets.device('output', token);
    const active = onvifBoolean(item(n.data, STATE_ITEMS));
    return device?.enabled && active !== undefined ? { deviceId: device.id, active } : undefined;
  }

  private ioEvent(n: OnvifNotification, kind: 'input' | 'output', token: string | undefined): MappedNotification {
    const device = token === undefined ? undefined : this.targets.device(kind, token);
    if (!device || !device.enabled) return IGNORE;
    const key = `${kind}:${device.id}`;
    if (n.operation === 'Deleted') return { kind: 'state', key, value: undefined };
    const active = onvifBoolean(item(n.data, STATE_ITEMS));
    if (active === undefined) return IGNORE;
    const value = String(active);
    const known = this.knownValue(key);
    if (known === value) return IGNORE;
    if (n.operation === 'Initialized' && known === undefined) return { kind: 'state', key, value };
    const type = kind === 'input' ? (active ? 'inputActivated' : 'inputDeactivated') : (active ? 'outputActivated' : 'outputDeactivated');
    const word = kind === 'input' ? (active ? 'activated' : 'deactivated') : (active ? 'switched on' : 'switched off');
    return {
      kind: 'event', key, value, ends: !active && known === 'true',
      event: {
        type, source: { kind, id: device.id, name: device.name }, severity: 'information', message: `${device.name} ${word}`,
        data: { hardwareId: this.targets.hardwareId, token: token!, ...deviceTime(n) },
      },
    };
  }

  private deviceEvent(n: OnvifNotification): MappedNotification {
    const property = n.operation !== undefined;
    const key = `property:${n.topic}|${sorted(n.source)}|${sorted(n.key)}`;
    const value = sorted(n.data);
    if (property) {
      if (n.operation === 'Deleted') return { kind: 'state', key, value: undefined };
      const known = this.knownValue(key);
      if (known === value) return IGNORE;
      if (n.operation === 'Initialized' && known === undefined) return { kind: 'state', key, value };
    }
    const data: Record<string, string> = {};
    const entries = [...Object.entries(n.source), ...Object.entries(n.key), ...Object.entries(n.data)];
    for (const [name, v] of entries.slice(0, DEVICE_EVENT_LIMITS.maxItems)) data[name] = v.slice(0, DEVICE_EVENT_LIMITS.maxValueLength);
    // The site's own items win over a device's items of the same name.
    Object.assign(data, { topic: n.topic, ...(n.operation ? { operation: n.operation } : {}), ...deviceTime(n) });
    const cameraId = this.cameraOf(n.source);
    if (cameraId) data.cameraId = cameraId;
    const summary = Object.entries(n.data).map(([k, v]) => `${k}=${v}`).join(', ');
    return {
      kind: 'event', ends: false, ...(property ? { key, value } : {}),
      event: {
        type: 'deviceEvent', source: { kind: 'hardware', id: this.targets.hardwareId, name: this.targets.hardwareName },
        // A device reporting its own hardware failing is worth a look; everything else is information.
        severity: n.topic.startsWith('tns1:Device/HardwareFailure') ? 'warning' : 'information',
        message: `${this.targets.hardwareName}: ${n.topic}${summary ? ` (${summary})` : ''}`.slice(0, 500),
        data,
      },
    };
  }

  /** The camera a message's video source (or video source configuration) is recorded by. */
  private cameraOf(source: Record<string, string>): string | undefined {
    const configuration = source.VideoSourceConfigurationToken;
    const viaConfiguration = configuration === undefined ? undefined : this.targets.videoSourceOfConfiguration.get(configuration);
    for (const token of [viaConfiguration, ...VIDEO_SOURCE_ITEMS.map((k) => source[k])]) {
      const camera = token === undefined ? undefined : this.targets.cameraOfVideoSource(token);
      if (camera) return camera;
    }
    return undefined;
  }
}

function deviceTime(n: OnvifNotification): { deviceTime?: string } {
  return n.utcTime === undefined ? {} : { deviceTime: new Date(n.utcTime).toISOString() };
}
