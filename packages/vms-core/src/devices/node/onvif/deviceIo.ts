/**
 * Digital inputs and relay outputs of an ONVIF device. The DeviceIO service (ver10/deviceIO)
 * has both; devices without it may still list and switch relays through the Device service
 * (GetRelayOutputs / SetRelayOutputState there are older, same shapes). Inputs are only ever
 * listed here; their changes arrive as events (the event subscription's business).
 */
import type { OnvifSoapClient } from './soapClient';
import { attribute, child, children, escapeXml, text } from './xml';

export const DEVICE_IO_NS = 'http://www.onvif.org/ver10/deviceIO/wsdl';
export const DEVICE_NS = 'http://www.onvif.org/ver10/device/wsdl';

type Optional = <T>(call: () => Promise<T>) => Promise<T | undefined>;

/** Where relays are switched: the DeviceIO service when the device lists one, else the Device service. */
export interface RelayService {
  url: string;
  namespace: typeof DEVICE_IO_NS | typeof DEVICE_NS;
}

export interface IoToken {
  token: string;
}

/**
 * The DeviceIO service address, or undefined. GetServices names it directly; older devices
 * announce it only in GetCapabilities(All), under Capabilities/Extension/DeviceIO.
 */
export async function findDeviceIoService(client: OnvifSoapClient, device: string, optional: Optional): Promise<string | undefined> {
  const services = await optional(() =>
    client.call(device, { namespace: DEVICE_NS, name: 'GetServices', body: '<IncludeCapability>false</IncludeCapability>' }),
  );
  const io = children(services, 'Service').find((s) => text(child(s, 'Namespace')) === DEVICE_IO_NS);
  const fromServices = text(child(io, 'XAddr'));
  if (fromServices) return fromServices;
  const capabilities = await optional(() =>
    client.call(device, { namespace: DEVICE_NS, name: 'GetCapabilities', body: '<Category>All</Category>' }),
  );
  return text(child(capabilities, 'Capabilities', 'Extension', 'DeviceIO', 'XAddr')) || undefined;
}

/** DigitalInputs or RelayOutputs elements of a reply, in the device's order; one without a token cannot be named and is left out. */
export function parseIoTokens(reply: unknown, element: 'DigitalInputs' | 'RelayOutputs'): IoToken[] {
  return children(reply, element).flatMap((node) => {
    const token = attribute(node, 'token');
    return token ? [{ token }] : [];
  });
}

/** The device's digital inputs (DeviceIO only); none without a DeviceIO service; a refusal is what the caller's `optional` makes of it. */
export async function getDigitalInputs(client: OnvifSoapClient, ioUrl: string | undefined, optional: Optional): Promise<IoToken[]> {
  if (!ioUrl) return [];
  const reply = await optional(() => client.call(ioUrl, { namespace: DEVICE_IO_NS, name: 'GetDigitalInputs' }));
  return parseIoTokens(reply, 'DigitalInputs');
}

/** The relay outputs, from the service relays are switched through. */
export async function getRelayOutputs(client: OnvifSoapClient, service: RelayService, optional: Optional): Promise<IoToken[]> {
  const reply = await optional(() => client.call(service.url, { namespace: service.namespace, name: 'GetRelayOutputs' }));
  return parseIoTokens(reply, 'RelayOutputs');
}

export function relayService(ioUrl: string | undefined, deviceUrl: string): RelayService {
  return ioUrl ? { url: ioUrl, namespace: DEVICE_IO_NS } : { url: deviceUrl, namespace: DEVICE_NS };
}

/** Switches one relay: "active" is the relay's switched state, "inactive" its idle one, whatever its wiring (open or closed at idle). */
export async function setRelayOutputState(client: OnvifSoapClient, service: RelayService, token: string, active: boolean): Promise<void> {
  await client.call(service.url, {
    namespace: service.namespace,
    name: 'SetRelayOutputState',
    body: `<RelayOutputToken>${escapeXml(token)}</RelayOutputToken><LogicalState>${active ? 'active' : 'inactive'}</LogicalState>`,
  });
}
