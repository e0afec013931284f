/**
 * Reads what the ONVIF Events service sends: the notifications of a PullMessages reply (or a
 * base-notification Notify, which carries the same wsnt:NotificationMessage elements) and the
 * subscription reference of CreatePullPointSubscription. Devices write these with any prefixes
 * and put namespace declarations anywhere up the tree, so topics are resolved by namespace,
 * not by the prefix a device happened to choose.
 */
import { VmsError } from '../../../base/common/errors';
import type { OnvifNotification, PropertyOperation } from '../../common/onvifNotification';
import { ONVIF_TOPIC_NAMESPACE } from '../../common/onvifNotification';
import type { NamespaceScope, XmlElement } from './namespacedXml';
import { element, elementAttribute, elements, elementText, parseNamespacedXml, resolveQName, serializeElement } from './namespacedXml';

export const WSA_NS = 'http://www.w3.org/2005/08/addressing';

export interface PulledMessages {
  messages: OnvifNotification[];
  /** The device's clock when it answered (ms), if it said. */
  currentTime?: number;
  /** When the device will drop the subscription unless pulled or renewed again (device clock). */
  terminationTime?: number;
}

export interface SubscriptionReference {
  /** The pull point's address as the device announced it (the wsa:To of every later request). */
  address: string;
  /**
   * The reference parameters, each re-written as a SOAP header block marked
   * wsa:IsReferenceParameter: WS-Addressing requires them on every message to the pull point,
   * and devices that keep several subscriptions at one address tell them apart by these.
   */
  headerBlocks: string[];
  currentTime?: number;
  terminationTime?: number;
}

const PROPERTY_OPERATIONS: ReadonlySet<string> = new Set(['Initialized', 'Changed', 'Deleted']);

function bodyOf(xml: string, what: string): XmlElement {
  const body = element(parseNamespacedXml(xml), 'Envelope', 'Body');
  if (!body) throw new VmsError('VMS_ERR_DEVICE_PROTOCOL', `ONVIF ${what}: reply is not a SOAP envelope`);
  return body;
}

const time = (el: XmlElement | undefined): number | undefined => {
  const ms = Date.parse(elementText(el) ?? '');
  return Number.isNaN(ms) ? undefined : ms;
};

/**
 * A topic path with ONVIF's namespace written "tns1:" whatever the device's prefix for it.
 * Other prefixes stay as written: a vendor tree has no prefix everyone agrees on.
 */
export function normalizeTopic(raw: string, scope: NamespaceScope): string {
  return raw.trim().split('/').map((segment, i) => {
    const q = resolveQName(segment, scope);
    if (q.namespace === ONVIF_TOPIC_NAMESPACE && (q.prefix !== '' || i === 0)) return `tns1:${q.local}`;
    return segment;
  }).join('/');
}

function simpleItems(parent: XmlElement | undefined): Record<string, string> {
  const items: Record<string, string> = {};
  for (const item of elements(parent, 'SimpleItem')) {
    const name = elementAttribute(item, 'Name');
    const value = elementAttribute(item, 'Value');
    if (name !== undefined && value !== undefined) items[name] = value;
  }
  return items;
}

/** One wsnt:NotificationMessage, or undefined when it has no topic or no tt:Message. */
export function readNotificationMessage(notification: XmlElement): OnvifNotification | undefined {
  const topicElement = element(notification, 'Topic');
  const topic = elementText(topicElement);
  // wsnt:Message wraps the ONVIF tt:Message; a few devices put the tt:Message's content directly in it.
  const wrapper = element(notification, 'Message');
  const message = element(wrapper, 'Message') ?? wrapper;
  if (!topicElement || !topic || !message) return undefined;
  const operation = elementAttribute(message, 'PropertyOperation');
  const utcTime = Date.parse(elementAttribute(message, 'UtcTime') ?? '');
  return {
    topic: normalizeTopic(topic, topicElement.scope),
    ...(Number.isNaN(utcTime) ? {} : { utcTime }),
    ...(operation !== undefined && PROPERTY_OPERATIONS.has(operation) ? { operation: operation as PropertyOperation } : {}),
    source: simpleItems(element(message, 'Source')),
    key: simpleItems(element(message, 'Key')),
    data: simpleItems(element(message, 'Data')),
  };
}

/** The notifications of a PullMessagesResponse or a Notify (the whole envelope), in the order the device sent them. */
export function parsePullMessages(xml: string): PulledMessages {
  return readPullMessages(elements(bodyOf(xml, 'PullMessages'))[0]);
}

/** As parsePullMessages, from the reply element itself (the SOAP client has read the envelope). */
export function readPullMessages(reply: XmlElement | undefined): PulledMessages {
  const messages: OnvifNotification[] = [];
  for (const n of elements(reply, 'NotificationMessage')) {
    const m = readNotificationMessage(n);
    if (m) messages.push(m);
  }
  const currentTime = time(element(reply, 'CurrentTime'));
  const terminationTime = time(element(reply, 'TerminationTime'));
  return { messages, ...(currentTime !== undefined ? { currentTime } : {}), ...(terminationTime !== undefined ? { terminationTime } : {}) };
}

/** The pull point of a CreatePullPointSubscriptionResponse (the whole envelope). */
export function parseSubscriptionReference(xml: string): SubscriptionReference {
  return readSubscriptionReference(element(bodyOf(xml, 'CreatePullPointSubscription'), 'CreatePullPointSubscriptionResponse'));
}

/** As parseSubscriptionReference, from the reply element itself. */
export function readSubscriptionReference(reply: XmlElement | undefined): SubscriptionReference {
  const reference = element(reply, 'SubscriptionReference');
  const address = elementText(element(reference, 'Address'))?.trim();
  if (!address) throw new VmsError('VMS_ERR_DEVICE_PROTOCOL', 'ONVIF CreatePullPointSubscription: reply names no subscription address');
  const headerBlocks = elements(element(reference, 'ReferenceParameters')).map((p) => {
    // The marker attribute needs the WS-Addressing namespace under a prefix of ours, declared
    // alongside the device's own declarations (which may use "wsa" for something else).
    const declared = { ...p, scope: new Map(p.scope).set('njwsa', WSA_NS) };
    return serializeElement(declared, { 'njwsa:IsReferenceParameter': 'true' });
  });
  const currentTime = time(element(reply, 'CurrentTime'));
  const terminationTime = time(element(reply, 'TerminationTime'));
  return {
    address, headerBlocks,
    ...(currentTime !== undefined ? { currentTime } : {}), ...(terminationTime !== undefined ? { terminationTime } : {}),
  };
}
