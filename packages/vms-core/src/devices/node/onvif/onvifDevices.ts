/**
 * An ONVIF device's devices other than cameras: audio sources (microphones) and audio outputs
 * (speakers) and metadata configurations from the Media service, digital inputs and relay
 * outputs from DeviceIO (deviceIo.ts). Each list is optional in the profiles: a device that
 * answers an operation with a "not supported" fault has none of that kind. Any other failure
 * (another fault, an unreadable reply) means the list could not be read this time, which is
 * not the same as empty: that kind is reported as not read, and "update hardware" leaves its
 * configured devices as they are rather than disabling them all.
 */
import { isVmsError } from '../../../base/common/errors';
import type { DeviceInfo, DeviceKind } from '../../common/types';
import { findDeviceIoService, getDigitalInputs, getRelayOutputs, relayService } from './deviceIo';
import type { OnvifSoapClient } from './soapClient';
import { isNotSupportedFault } from './soapReply';
import { attribute, child, children, text } from './xml';

const MEDIA_NS = 'http://www.onvif.org/ver10/media/wsdl';

type Optional = <T>(call: () => Promise<T>) => Promise<T | undefined>;

const LABEL: Record<DeviceKind, string> = {
  microphone: 'Microphone', speaker: 'Speaker', metadata: 'Metadata', input: 'Input', output: 'Output',
};

/**
 * Names for devices the protocol gives no name (audio sources and outputs, inputs, relays):
 * the kind, numbered in the device's order. Inputs and outputs are always numbered, as their
 * connectors are, so a relay added later does not rename the first; audio only when there are several.
 */
function named(kind: DeviceKind, listed: readonly { token: string; name?: string }[]): DeviceInfo[] {
  // A token listed twice (firmware bugs do that) is one device: the site keys devices by it.
  const items = listed.filter((item, i) => listed.findIndex((other) => other.token === item.token) === i);
  const numbered = kind === 'input' || kind === 'output' || items.length > 1;
  return items.map((item, i) => ({ kind, key: item.token, name: item.name || (numbered ? `${LABEL[kind]} ${i + 1}` : LABEL[kind]) }));
}

/** Tokens (and Name, when the element has one) of repeated elements of a reply. */
function tokens(reply: unknown, element: string): { token: string; name?: string }[] {
  return children(reply, element).flatMap((node) => {
    const token = attribute(node, 'token');
    const name = text(child(node, 'Name'));
    return token ? [{ token, ...(name ? { name } : {}) }] : [];
  });
}

export interface ProbedDevices {
  devices: DeviceInfo[];
  /** Kinds whose list the device failed to give (not a "not supported" answer): nothing is known of them this time. */
  notRead: DeviceKind[];
}

export async function probeOnvifDevices(client: OnvifSoapClient, device: string, mediaUrl: string, optional: Optional, rebase: (url: string) => string): Promise<ProbedDevices> {
  const notRead = new Set<DeviceKind>();
  /** As `optional`, noting the kind as not read when the device failed the call rather than not offering it. */
  const listing = (kind: DeviceKind): Optional => async (call) => {
    try {
      return await call();
    } catch (e) {
      if (!isVmsError(e, 'VMS_ERR_DEVICE_PROTOCOL')) throw e;
      if (!isNotSupportedFault(e)) notRead.add(kind);
      return undefined;
    }
  };
  const media = (kind: DeviceKind, name: string) => listing(kind)(() => client.call(mediaUrl, { namespace: MEDIA_NS, name }));
  const microphones = tokens(await media('microphone', 'GetAudioSources'), 'AudioSources').map(({ token }) => ({ token }));
  const speakers = tokens(await media('speaker', 'GetAudioOutputs'), 'AudioOutputs').map(({ token }) => ({ token }));
  const metadata = tokens(await media('metadata', 'GetMetadataConfigurations'), 'Configurations');
  const found = await findDeviceIoService(client, device, optional);
  const ioUrl = found && rebase(found);
  const inputs = await getDigitalInputs(client, ioUrl, listing('input'));
  const outputs = await getRelayOutputs(client, relayService(ioUrl, device), listing('output'));
  return {
    devices: [
      ...named('microphone', microphones), ...named('speaker', speakers), ...named('metadata', metadata),
      ...named('input', inputs), ...named('output', outputs),
    ],
    notRead: [...notRead],
  };
}
