/**
 * WS-Discovery target service for the simulator: answers Probe on UDP 3702 with a unicast
 * ProbeMatches naming the device's XAddrs, as ONVIF cameras do.
 */
import { randomUUID } from 'node:crypto';
import { createSocket } from 'node:dgram';
import type { RemoteInfo, Socket } from 'node:dgram';
import { bodyOperation, child, envelope, escapeXml, parseXml, text } from './soapXml';

export const DISCOVERY_GROUP = '239.255.255.250';
export const DISCOVERY_PORT = 3702;

export interface DiscoveryIdentity {
  endpoint: string;
  xaddrs: string[];
  scopes: string[];
}

export interface DiscoveryResponder {
  close(): Promise<void>;
}

export async function startDiscoveryResponder(
  identity: DiscoveryIdentity,
  multicastInterface: string,
): Promise<DiscoveryResponder> {
  // reuseAddr: every simulator in every test worker shares port 3702, as cameras on a LAN do.
  const socket = createSocket({ type: 'udp4', reuseAddr: true });
  socket.on('message', (message, remote) => answer(socket, identity, multicastInterface, message, remote));
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(DISCOVERY_PORT, () => {
      socket.off('error', reject);
      resolve();
    });
  });
  // Joining only on the given interface keeps probes from other networks out.
  socket.addMembership(DISCOVERY_GROUP, multicastInterface);
  socket.setMulticastInterface(multicastInterface);
  // A late error must not crash the test run; the responder just stops answering.
  socket.on('error', () => undefined);
  return {
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}

function answer(
  socket: Socket,
  identity: DiscoveryIdentity,
  multicastInterface: string,
  message: Buffer,
  remote: RemoteInfo,
): void {
  // Linux hands a wildcard-bound socket group traffic joined by any socket on the host, so
  // answer only probes from our own interface: the simulator must never talk to a real network.
  if (remote.address !== multicastInterface && !remote.address.startsWith('127.')) return;
  const doc = parseXml(message.toString('utf8'));
  if (!doc) return;
  const operation = bodyOperation(doc);
  if (operation?.name !== 'Probe') return;
  if (!wantsOnvifDevice(text(child(operation.payload, 'Types')))) return;
  const messageId = text(child(child(child(doc, 'Envelope'), 'Header'), 'MessageID'));
  if (!messageId) return;
  const reply = Buffer.from(probeMatches(identity, messageId));
  socket.send(reply, remote.port, remote.address);
}

/** No Types means "anything"; otherwise the probe must ask for something we are. */
function wantsOnvifDevice(types: string | undefined): boolean {
  if (!types) return true;
  return types
    .split(/\s+/)
    .map((qname) => qname.slice(qname.indexOf(':') + 1))
    .some((local) => local === 'NetworkVideoTransmitter' || local === 'Device');
}

function probeMatches(identity: DiscoveryIdentity, relatesTo: string): string {
  const header =
    `<wsa:MessageID>urn:uuid:${randomUUID()}</wsa:MessageID>` +
    `<wsa:RelatesTo>${escapeXml(relatesTo)}</wsa:RelatesTo>` +
    `<wsa:To>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</wsa:To>` +
    `<wsa:Action>http://schemas.xmlsoap.org/ws/2005/04/discovery/ProbeMatches</wsa:Action>`;
  const body =
    `<wsd:ProbeMatches><wsd:ProbeMatch>` +
    `<wsa:EndpointReference><wsa:Address>${escapeXml(identity.endpoint)}</wsa:Address></wsa:EndpointReference>` +
    `<wsd:Types>dn:NetworkVideoTransmitter tds:Device</wsd:Types>` +
    `<wsd:Scopes>${escapeXml(identity.scopes.join(' '))}</wsd:Scopes>` +
    `<wsd:XAddrs>${escapeXml(identity.xaddrs.join(' '))}</wsd:XAddrs>` +
    `<wsd:MetadataVersion>1</wsd:MetadataVersion>` +
    `</wsd:ProbeMatch></wsd:ProbeMatches>`;
  return envelope(body, header);
}
