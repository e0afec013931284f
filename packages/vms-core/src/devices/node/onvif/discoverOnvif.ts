/**
 * WS-Discovery client: multicasts a Probe for ONVIF NetworkVideoTransmitters and collects the
 * unicast ProbeMatches that arrive within the time window.
 */
import { randomUUID } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { isIPv4 } from 'node:net';
import { networkInterfaces } from 'node:os';
import { VmsError, errorMessage } from '../../../base/common/errors';
import { child, children, parseXml, text } from './xml';

const GROUP = '239.255.255.250';
const PORT = 3702;
/** SOAP-over-UDP sends a multicast message twice, 50–250 ms apart, because UDP drops packets. */
const REPEAT_DELAY_MS = 100;

export interface DiscoverOnvifOptions {
  /** How long to listen for answers; cameras answer within about 0.5 s (APP_MAX_DELAY). */
  timeoutMs: number;
  /** Interface name (e.g. "eth0", "lo") or its IPv4 address; default: the OS's multicast route. */
  interface?: string;
}

export interface DiscoveredOnvifDevice {
  /** Device service URLs the device announced. */
  xaddrs: string[];
  scopes: string[];
  /** Stable device identity (usually urn:uuid:...), the same across IP address changes. */
  endpoint: string;
}

export async function discoverOnvif(options: DiscoverOnvifOptions): Promise<DiscoveredOnvifDevice[]> {
  const localAddress = options.interface === undefined ? undefined : interfaceAddress(options.interface);
  const messageId = `urn:uuid:${randomUUID()}`;
  const probe = Buffer.from(probeMessage(messageId));
  const found = new Map<string, DiscoveredOnvifDevice>();
  const socket = createSocket('udp4');

  socket.on('message', (message) => {
    const doc = parseXml(message.toString('utf8'));
    // Answers to other clients' probes are not ours to report.
    if (text(child(doc, 'Envelope', 'Header', 'RelatesTo')) !== messageId) return;
    for (const match of children(child(doc, 'Envelope', 'Body', 'ProbeMatches'), 'ProbeMatch')) {
      const endpoint = text(child(match, 'EndpointReference', 'Address'));
      if (!endpoint) continue;
      const device = found.get(endpoint) ?? { endpoint, xaddrs: [], scopes: [] };
      device.xaddrs = union(device.xaddrs, words(text(child(match, 'XAddrs'))));
      device.scopes = union(device.scopes, words(text(child(match, 'Scopes'))));
      found.set(endpoint, device);
    }
  });

  let repeat: NodeJS.Timeout | undefined;
  let window: NodeJS.Timeout | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      // Binding to the interface's address also makes Linux route the multicast out of that
      // interface, a second guard next to setMulticastInterface.
      socket.bind(0, localAddress, () => resolve());
    });
    if (localAddress) socket.setMulticastInterface(localAddress);
    // WS-Discovery is link-local: the probe must not be routed beyond the local network.
    socket.setMulticastTTL(1);
    await new Promise<void>((resolve, reject) => {
      const send = () => socket.send(probe, PORT, GROUP);
      send();
      repeat = setTimeout(send, REPEAT_DELAY_MS);
      window = setTimeout(resolve, options.timeoutMs);
      socket.on('error', reject);
    });
  } catch (e) {
    const where = options.interface ? ` on ${options.interface}` : '';
    throw new VmsError('VMS_ERR_DEVICE_UNREACHABLE', `WS-Discovery failed${where}: ${errorMessage(e)}`, { cause: e });
  } finally {
    clearTimeout(repeat);
    clearTimeout(window);
    await new Promise<void>((resolve) => socket.close(() => resolve()));
  }
  return [...found.values()];
}

function interfaceAddress(nameOrAddress: string): string {
  if (isIPv4(nameOrAddress)) return nameOrAddress;
  const ipv4 = networkInterfaces()[nameOrAddress]?.find((a) => a.family === 'IPv4');
  if (!ipv4) throw new VmsError('VMS_ERR_BAD_INPUT', `No IPv4 network interface named ${nameOrAddress}`);
  return ipv4.address;
}

function probeMessage(messageId: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>` +
    `<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" ` +
    `xmlns:a="http://schemas.xmlsoap.org/ws/2004/08/addressing" ` +
    `xmlns:d="http://schemas.xmlsoap.org/ws/2005/04/discovery" ` +
    `xmlns:dn="http://www.onvif.org/ver10/network/wsdl">` +
    `<s:Header><a:MessageID>${messageId}</a:MessageID>` +
    `<a:To>urn:schemas-xmlsoap-org:ws:2005:04:discovery</a:To>` +
    `<a:Action>http://schemas.xmlsoap.org/ws/2005/04/discovery/Probe</a:Action></s:Header>` +
    `<s:Body><d:Probe><d:Types>dn:NetworkVideoTransmitter</d:Types></d:Probe></s:Body>` +
    `</s:Envelope>`
  );
}

function words(value: string | undefined): string[] {
  return value ? value.split(/\s+/).filter(Boolean) : [];
}

function union(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])];
}
