/**
 * The simulated ONVIF Events service (ver10): real-time pull points as a strict device keeps
 * them. Every subscription shares one address and is told apart by a reference parameter, so
 * a client that does not echo its subscription reference as WS-Addressing headers (wsa:To and
 * the parameter) is refused, as such devices refuse it. Subscriptions end at their termination
 * time (moved by Renew, and by each PullMessages for at least its timeout, per ONVIF Core).
 * Tests change inputs (`setInput`), raise any notification (`raise`), and drop every
 * subscription as a rebooting device would (`dropAll`).
 */
import { escapeXml, invalidArgument } from './soapXml';
import type { SoapFault } from './soapXml';
import type { OperationResult } from './deviceService';
import type { SimulatedDigitalInput } from './simulatorConfig';

export type SimulatedPropertyOperation = 'Initialized' | 'Changed' | 'Deleted';

export interface SimulatedNotification {
  /** "tns1:..." for ONVIF's topic tree; the simulator writes that prefix as its own ("ev:"). */
  topic: string;
  operation?: SimulatedPropertyOperation;
  source: Record<string, string>;
  data: Record<string, string>;
}

/** What a test can see of the service: live subscriptions and every pull-point operation received. */
export interface EventsState {
  /** Ids of the subscriptions alive now. */
  live(): string[];
  /** Operation names in order ("CreatePullPointSubscription", "Renew 3", "Unsubscribe 3"...), pulls left out. */
  readonly operations: string[];
}

interface Subscription {
  id: string;
  terminationAt: number;
  queue: SimulatedNotification[];
  wake: (() => void) | undefined;
}

const TEV = 'http://www.onvif.org/ver10/events/wsdl';
const WSNT = 'http://docs.oasis-open.org/wsn/b-2';
const WSA = 'http://www.w3.org/2005/08/addressing';
const TOPICS = 'http://www.onvif.org/ver10/topics';
const SIM = 'urn:nightjar:onvif-simulator';
const DIALECT = 'http://www.onvif.org/ver10/tev/topicExpression/ConcreteSet';
/** Longest PullMessages wait the simulated device grants. */
const MAX_PULL_TIMEOUT_MS = 60_000;

const resourceUnknown = (reason: string): SoapFault => ({ status: 400, code: 'env:Sender', subcodes: ['ter:InvalidArgVal', 'ter:ResourceUnknown'], reason });

/** xs:duration (PnDTnHnMnS, whole or decimal seconds) or xs:dateTime, as ms from `now`. */
export function parseTermination(value: string | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const d = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(value.trim());
  if (d) return ((Number(d[1] ?? 0) * 24 + Number(d[2] ?? 0)) * 60 + Number(d[3] ?? 0)) * 60_000 + Number(d[4] ?? 0) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : at - now;
}

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

function items(values: Record<string, string>): string {
  return Object.entries(values).map(([name, value]) => `<tt:SimpleItem Name="${escapeXml(name)}" Value="${escapeXml(value)}"/>`).join('');
}

function notificationXml(n: SimulatedNotification, at: number): string {
  return (
    `<wsnt:NotificationMessage><wsnt:Topic Dialect="${DIALECT}">${escapeXml(n.topic.replace(/^tns1:/, 'ev:'))}</wsnt:Topic>` +
    `<wsnt:Message><tt:Message UtcTime="${iso(at)}"${n.operation ? ` PropertyOperation="${n.operation}"` : ''}>` +
    `<tt:Source>${items(n.source)}</tt:Source><tt:Data>${items(n.data)}</tt:Data>` +
    `</tt:Message></wsnt:Message></wsnt:NotificationMessage>`
  );
}

export class SimulatedEvents implements EventsState {
  readonly operations: string[] = [];
  private readonly subscriptions = new Map<string, Subscription>();
  private readonly inputs: Map<string, boolean>;
  private nextId = 1;

  constructor(
    private readonly o: { inputs: readonly SimulatedDigitalInput[]; renew: boolean; subscriptionXAddr: string; deviceNow: () => number },
  ) {
    this.inputs = new Map(o.inputs.map((i) => [i.token, false]));
  }

  live(): string[] {
    this.expire();
    return [...this.subscriptions.keys()];
  }

  /** Changes a digital input; a change is sent to every subscription. */
  setInput(token: string, active: boolean): void {
    if (!this.inputs.has(token)) throw new Error(`the simulator has no digital input ${token}`);
    if (this.inputs.get(token) === active) return;
    this.inputs.set(token, active);
    this.raise({ topic: 'tns1:Device/Trigger/DigitalInput', operation: 'Changed', source: { InputToken: token }, data: { LogicalState: String(active) } });
  }

  /** Queues a notification on every live subscription. */
  raise(n: SimulatedNotification): void {
    this.expire();
    for (const s of this.subscriptions.values()) {
      s.queue.push(n);
      s.wake?.();
    }
  }

  /** Forgets every subscription without telling anyone, as a device does when it restarts. */
  dropAll(): void {
    const dropped = [...this.subscriptions.values()];
    this.subscriptions.clear();
    for (const s of dropped) s.wake?.();
  }

  close(): void {
    this.dropAll();
  }

  /** The Events service's own operations (on the service address). */
  handleService(name: string, payload: unknown): OperationResult | undefined {
    switch (name) {
      case 'GetEventProperties':
        return { body: this.eventProperties() };
      case 'CreatePullPointSubscription': {
        const now = this.o.deviceNow();
        const ms = parseTermination(text(child(payload, 'InitialTerminationTime')), now) ?? 60_000;
        if (ms <= 0) return invalidArgument('ter:InvalidTerminationTime', 'InitialTerminationTime is in the past');
        const id = String(this.nextId++);
        // The device sends every property's value at subscription (ONVIF Core, property events).
        const initial = [...this.inputs].map(([token, active]) => this.inputNotification(token, active, 'Initialized'));
        this.subscriptions.set(id, { id, terminationAt: now + ms, queue: initial, wake: undefined });
        this.operations.push(`CreatePullPointSubscription ${id}`);
        return {
          body:
            `<tev:CreatePullPointSubscriptionResponse xmlns:tev="${TEV}" xmlns:wsnt="${WSNT}" xmlns:wsa5="${WSA}">` +
            `<tev:SubscriptionReference><wsa5:Address>${escapeXml(this.o.subscriptionXAddr)}</wsa5:Address>` +
            `<wsa5:ReferenceParameters><sim:SubscriptionId xmlns:sim="${SIM}">${id}</sim:SubscriptionId></wsa5:ReferenceParameters>` +
            `</tev:SubscriptionReference><wsnt:CurrentTime>${iso(now)}</wsnt:CurrentTime>` +
            `<wsnt:TerminationTime>${iso(now + ms)}</wsnt:TerminationTime></tev:CreatePullPointSubscriptionResponse>`,
        };
      }
      default:
        return undefined;
    }
  }

  /** Operations on a pull point (the subscription address), which the headers name. */
  async handleSubscription(name: string, payload: unknown, header: unknown): Promise<OperationResult | undefined> {
    if (!['PullMessages', 'Renew', 'Unsubscribe', 'SetSynchronizationPoint'].includes(name)) return undefined;
    if (text(child(header, 'To')) !== this.o.subscriptionXAddr) return resourceUnknown('wsa:To does not name this pull point');
    const sub = this.find(text(child(header, 'SubscriptionId')));
    if (!sub) return resourceUnknown('No such subscription');
    const now = this.o.deviceNow();
    switch (name) {
      case 'PullMessages':
        return this.pull(sub, payload);
      case 'Renew': {
        this.operations.push(`Renew ${sub.id}`);
        if (!this.o.renew) return { status: 400, code: 'env:Receiver', subcodes: ['ter:ActionNotSupported'], reason: 'Renew is not supported on pull points' };
        const ms = parseTermination(text(child(payload, 'TerminationTime')), now);
        if (ms === undefined || ms <= 0) return invalidArgument('ter:InvalidTerminationTime', 'TerminationTime is missing or past');
        sub.terminationAt = now + ms;
        return {
          body: `<wsnt:RenewResponse xmlns:wsnt="${WSNT}"><wsnt:TerminationTime>${iso(sub.terminationAt)}</wsnt:TerminationTime>` +
            `<wsnt:CurrentTime>${iso(now)}</wsnt:CurrentTime></wsnt:RenewResponse>`,
        };
      }
      case 'Unsubscribe':
        this.operations.push(`Unsubscribe ${sub.id}`);
        this.subscriptions.delete(sub.id);
        sub.wake?.();
        return { body: `<wsnt:UnsubscribeResponse xmlns:wsnt="${WSNT}"/>` };
      default:
        this.operations.push(`SetSynchronizationPoint ${sub.id}`);
        sub.queue.push(...[...this.inputs].map(([token, active]) => this.inputNotification(token, active, 'Initialized')));
        sub.wake?.();
        return { body: `<tev:SetSynchronizationPointResponse xmlns:tev="${TEV}"/>` };
    }
  }

  private async pull(sub: Subscription, payload: unknown): Promise<OperationResult> {
    const timeoutMs = Math.min(parseTermination(text(child(payload, 'Timeout')), 0) ?? 10_000, MAX_PULL_TIMEOUT_MS);
    const limit = Math.max(1, Number(text(child(payload, 'MessageLimit')) ?? 1) || 1);
    if (sub.queue.length === 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        sub.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      sub.wake = undefined;
      // Unsubscribed, dropped or expired while the pull waited.
      if (this.find(sub.id) !== sub) return resourceUnknown('The subscription ended');
    }
    const now = this.o.deviceNow();
    sub.terminationAt = Math.max(sub.terminationAt, now + timeoutMs);
    const sent = sub.queue.splice(0, limit);
    return {
      body:
        `<tev:PullMessagesResponse xmlns:tev="${TEV}" xmlns:wsnt="${WSNT}" xmlns:ev="${TOPICS}">` +
        `<tev:CurrentTime>${iso(now)}</tev:CurrentTime><tev:TerminationTime>${iso(sub.terminationAt)}</tev:TerminationTime>` +
        sent.map((n) => notificationXml(n, now)).join('') +
        `</tev:PullMessagesResponse>`,
    };
  }

  private find(id: string | undefined): Subscription | undefined {
    this.expire();
    return id === undefined ? undefined : this.subscriptions.get(id);
  }

  private expire(): void {
    const now = this.o.deviceNow();
    for (const s of [...this.subscriptions.values()]) {
      if (s.terminationAt >= now) continue;
      this.subscriptions.delete(s.id);
      this.operations.push(`expired ${s.id}`);
      s.wake?.();
    }
  }

  private inputNotification(token: string, active: boolean, operation: SimulatedPropertyOperation): SimulatedNotification {
    return { topic: 'tns1:Device/Trigger/DigitalInput', operation, source: { InputToken: token }, data: { LogicalState: String(active) } };
  }

  private eventProperties(): string {
    const property = `wstop:topic="true"`;
    return (
      `<tev:GetEventPropertiesResponse xmlns:tev="${TEV}" xmlns:wsnt="${WSNT}" xmlns:wstop="http://docs.oasis-open.org/wsn/t-1" xmlns:ev="${TOPICS}">` +
      `<tev:TopicNamespaceLocation>http://www.onvif.org/onvif/ver10/topics/topicns.xml</tev:TopicNamespaceLocation>` +
      `<wsnt:FixedTopicSet>true</wsnt:FixedTopicSet>` +
      `<wstop:TopicSet><ev:Device><Trigger><DigitalInput ${property}/><Relay ${property}/></Trigger></ev:Device>` +
      `<ev:VideoSource><MotionAlarm ${property}/></ev:VideoSource>` +
      `<ev:RuleEngine><CellMotionDetector><Motion ${property}/></CellMotionDetector></ev:RuleEngine></wstop:TopicSet>` +
      `<wsnt:TopicExpressionDialect>${DIALECT}</wsnt:TopicExpressionDialect>` +
      `</tev:GetEventPropertiesResponse>`
    );
  }
}

// Local readers: the simulator's parser drops prefixes, so headers and payloads read by local name.
function child(node: unknown, name: string): unknown {
  const first = Array.isArray(node) ? (node as unknown[])[0] : node;
  return typeof first === 'object' && first !== null ? (first as Record<string, unknown>)[name] : undefined;
}

function text(node: unknown): string | undefined {
  const first = Array.isArray(node) ? (node as unknown[])[0] : node;
  if (typeof first === 'string') return first;
  if (typeof first === 'object' && first !== null && typeof (first as Record<string, unknown>)['#text'] === 'string') return (first as Record<string, string>)['#text'];
  return undefined;
}
