/**
 * The ONVIF Events service (ver10) as a client of its real-time pull point: where the service
 * is, CreatePullPointSubscription, PullMessages, Renew, Unsubscribe. Every request to the pull
 * point carries the WS-Addressing headers its subscription reference asks for (wsa:To its
 * address, its reference parameters), as ONVIF Core requires of clients of the Events service.
 * The subscription's life (renewing, re-subscribing) is pullPointSubscription.ts's.
 */
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../../base/common/clock';
import type { Credentials } from '../../common/types';
import type { PulledMessages, SubscriptionReference } from './notificationMessage';
import { WSA_NS, readPullMessages, readSubscriptionReference } from './notificationMessage';
import { openOnvifClient, optional, rebase } from './probeOnvif';
import type { OnvifSoapClient, SoapOperation } from './soapClient';
import { attribute, child, children, escapeXml, text } from './xml';

export const EVENTS_NS = 'http://www.onvif.org/ver10/events/wsdl';
const WSNT_NS = 'http://docs.oasis-open.org/wsn/b-2';
const DEVICE_NS = 'http://www.onvif.org/ver10/device/wsdl';
const MEDIA_NS = 'http://www.onvif.org/ver10/media/wsdl';
const ANONYMOUS = 'http://www.w3.org/2005/08/addressing/anonymous';
/** Up to MessageLimit notifications, each with its items: more than other replies, still bounded. */
const MAX_PULL_REPLY_BYTES = 4 * 1024 * 1024;

const ACTIONS = {
  CreatePullPointSubscription: `${EVENTS_NS}/EventPortType/CreatePullPointSubscriptionRequest`,
  PullMessages: `${EVENTS_NS}/PullPointSubscription/PullMessagesRequest`,
  Renew: 'http://docs.oasis-open.org/wsn/bw-2/SubscriptionManager/RenewRequest',
  Unsubscribe: 'http://docs.oasis-open.org/wsn/bw-2/SubscriptionManager/UnsubscribeRequest',
} as const;

/** A pull point: where requests go, and the reference they must name. */
export interface PullPoint {
  /** The announced address moved to the host the device was reached at (as for every service address). */
  url: string;
  reference: SubscriptionReference;
}

/** How long the device keeps a subscription, as it said: its own clock's termination minus its current time. */
export interface Lifetime {
  /** ms from the reply; undefined when the device gave no usable pair of times. */
  remainingMs?: number;
}

const lifetime = (currentTime: number | undefined, terminationTime: number | undefined): Lifetime =>
  currentTime !== undefined && terminationTime !== undefined ? { remainingMs: terminationTime - currentTime } : {};

/** xs:duration in whole seconds, as devices accept it (some refuse fractions). */
export const duration = (seconds: number): string => `PT${Math.max(1, Math.round(seconds))}S`;

function addressing(action: string, to: string, referenceBlocks: readonly string[] = []): string {
  const wsa = `xmlns:wsa="${WSA_NS}"`;
  return (
    `<wsa:Action ${wsa}>${escapeXml(action)}</wsa:Action>` +
    `<wsa:MessageID ${wsa}>urn:uuid:${randomUUID()}</wsa:MessageID>` +
    `<wsa:ReplyTo ${wsa}><wsa:Address>${ANONYMOUS}</wsa:Address></wsa:ReplyTo>` +
    `<wsa:To ${wsa}>${escapeXml(to)}</wsa:To>` +
    referenceBlocks.join('')
  );
}

/** The pull-point operations, as the subscription loop uses them (tests give it a fake device). */
export interface PullPointOperations {
  createPullPoint(terminationSeconds: number, signal?: AbortSignal): Promise<PullPoint & Lifetime>;
  pullMessages(pp: PullPoint, o: { timeoutSeconds: number; messageLimit: number; signal?: AbortSignal }): Promise<PulledMessages & Lifetime>;
  renew(pp: PullPoint, terminationSeconds: number, signal?: AbortSignal): Promise<Lifetime>;
  unsubscribe(pp: PullPoint, timeoutMs: number): Promise<void>;
}

export class OnvifEventsClient implements PullPointOperations {
  constructor(
    private readonly client: OnvifSoapClient,
    private readonly deviceUrl: URL,
    /** The Events service, moved to the host the device was reached at. */
    readonly eventsUrl: string,
  ) {}

  async createPullPoint(terminationSeconds: number, signal?: AbortSignal): Promise<PullPoint & Lifetime> {
    const reply = await this.client.callNamespaced(this.eventsUrl, {
      namespace: EVENTS_NS, name: 'CreatePullPointSubscription', action: ACTIONS.CreatePullPointSubscription,
      headers: addressing(ACTIONS.CreatePullPointSubscription, this.eventsUrl),
      // Relative: a device with a wrong clock still keeps the subscription as long as asked.
      body: `<InitialTerminationTime>${duration(terminationSeconds)}</InitialTerminationTime>`,
      ...(signal ? { signal } : {}),
    });
    const reference = readSubscriptionReference(reply);
    return { url: rebase(reference.address, this.deviceUrl), reference, ...lifetime(reference.currentTime, reference.terminationTime) };
  }

  /**
   * Waits up to `timeoutSeconds` for notifications (the device answers as soon as it has one).
   * The HTTP request waits a little longer than the device was told to, so a slow answer is
   * not taken for a dead device.
   */
  async pullMessages(pp: PullPoint, o: { timeoutSeconds: number; messageLimit: number; signal?: AbortSignal }): Promise<PulledMessages & Lifetime> {
    const reply = await this.client.callNamespaced(pp.url, this.toPullPoint(pp, 'PullMessages', EVENTS_NS, {
      body: `<Timeout>${duration(o.timeoutSeconds)}</Timeout><MessageLimit>${o.messageLimit}</MessageLimit>`,
      timeoutMs: o.timeoutSeconds * 1000 + 10_000,
      maxReplyBytes: MAX_PULL_REPLY_BYTES,
      ...(o.signal ? { signal: o.signal } : {}),
    }));
    const pulled = readPullMessages(reply);
    return { ...pulled, ...lifetime(pulled.currentTime, pulled.terminationTime) };
  }

  async renew(pp: PullPoint, terminationSeconds: number, signal?: AbortSignal): Promise<Lifetime> {
    const payload = await this.client.call(pp.url, this.toPullPoint(pp, 'Renew', WSNT_NS, {
      body: `<TerminationTime>${duration(terminationSeconds)}</TerminationTime>`,
      ...(signal ? { signal } : {}),
    }));
    const time = (name: string) => {
      const ms = Date.parse(text(child(payload, name)) ?? '');
      return Number.isNaN(ms) ? undefined : ms;
    };
    return lifetime(time('CurrentTime'), time('TerminationTime'));
  }

  async unsubscribe(pp: PullPoint, timeoutMs: number): Promise<void> {
    await this.client.call(pp.url, this.toPullPoint(pp, 'Unsubscribe', WSNT_NS, { timeoutMs }));
  }

  private toPullPoint(pp: PullPoint, name: keyof typeof ACTIONS, namespace: string, rest: Partial<SoapOperation>): SoapOperation {
    const action = ACTIONS[name];
    return { namespace, name, action, headers: addressing(action, pp.reference.address, pp.reference.headerBlocks), ...rest };
  }
}

/** What the site needs to read a device's events: its Events service and how its video sources are named. */
export interface OnvifEventsEndpoint {
  events: PullPointOperations;
  /** Video source configuration token → video source token (motion events name either). */
  videoSourceOfConfiguration: ReadonlyMap<string, string>;
}

/**
 * Opens a device for events: its clock, its Events service and its video source
 * configurations. Undefined when the device has no Events service; throws when it cannot be
 * reached or refuses the credentials. `signal` abandons the requests still to be answered (the
 * subscription stopping while the device is slow to answer).
 */
export async function connectOnvifEvents(
  address: string,
  credentials: Credentials,
  options: { clock: Pick<Clock, 'now'>; timeoutMs?: number; signal?: AbortSignal },
): Promise<OnvifEventsEndpoint | undefined> {
  const { signal } = options;
  const { client, deviceUrl } = await openOnvifClient(address, credentials, {
    clock: options.clock, timeoutMs: options.timeoutMs ?? 10_000, ...(signal ? { signal } : {}),
  });
  const device = deviceUrl.toString();
  const { events, media } = await serviceAddresses(client, device, signal);
  if (!events) return undefined;
  const configurations = new Map<string, string>();
  if (media) {
    const reply = await optional(() => client.call(rebase(media, deviceUrl), { namespace: MEDIA_NS, name: 'GetVideoSourceConfigurations', ...(signal ? { signal } : {}) }));
    for (const c of children(reply, 'Configurations')) {
      const token = attribute(c, 'token');
      const source = text(child(c, 'SourceToken'));
      if (token && source) configurations.set(token, source);
    }
  }
  return { events: new OnvifEventsClient(client, deviceUrl, rebase(events, deviceUrl)), videoSourceOfConfiguration: configurations };
}

/** GetCapabilities (every Profile S device) first, GetServices as the fallback, as for Media and PTZ. */
async function serviceAddresses(client: OnvifSoapClient, device: string, signal: AbortSignal | undefined): Promise<{ events?: string; media?: string }> {
  const cancellable = signal ? { signal } : {};
  const capabilities = child(
    await optional(() => client.call(device, { namespace: DEVICE_NS, name: 'GetCapabilities', body: '<Category>All</Category>', ...cancellable })),
    'Capabilities',
  );
  let events = text(child(capabilities, 'Events', 'XAddr'));
  let media = text(child(capabilities, 'Media', 'XAddr'));
  if (!events || !media) {
    const services = await optional(() =>
      client.call(device, { namespace: DEVICE_NS, name: 'GetServices', body: '<IncludeCapability>false</IncludeCapability>', ...cancellable }),
    );
    const xaddr = (ns: string) => text(child(children(services, 'Service').find((s) => text(child(s, 'Namespace')) === ns), 'XAddr'));
    events ||= xaddr(EVENTS_NS);
    media ||= xaddr(MEDIA_NS);
  }
  return { ...(events ? { events } : {}), ...(media ? { media } : {}) };
}
