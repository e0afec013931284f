/**
 * An ONVIF device's devices other than cameras: audio sources (microphones) and audio outputs
 * (speakers) and metadata configurations from the Media service, digital inputs and relay
 * outputs from DeviceIO (deviceIo.ts). Each list is optional in the profiles, so a device that
 * does not know an operation simply has none of that kind.
 */
import type { DeviceInfo, DeviceKind } from '../../common/types';
import { findDeviceIoService, getDigitalInputs, getRelayOutputs, relayService } from './deviceIo';
import type { OnvifSoapClient } from './soapClient';
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
function named(kind: DeviceKind, items: readonly { token: string; name?: string }[]): DeviceInfo[] {
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

export async function probeOnvifDevices(client: OnvifSoapClient, device: string, mediaUrl: string, optional: Optional, rebase: (url: string) => string): Promise<DeviceInfo[]> {
  const media = (name: string) => optional(() => client.call(mediaUrl, { namespace: MEDIA_NS, name }));
  const microphones = tokens(await media('GetAudioSources'), 'AudioSources').map(({ token }) => ({ token }));
  const speakers = tokens(await media('GetAudioOutputs'), 'AudioOutputs').map(({ token }) => ({ token }));
  const metadata = tokens(await media('GetMetadataConfigurations'), 'Configurations');
  const found = await findDeviceIoService(client, device, optional);
  const ioUrl = found && rebase(found);
  const inputs = await getDigitalInputs(client, ioUrl, optional);
  const outputs = await getRelayOutputs(client, relayService(ioUrl, device), optional);
  return [
    ...named('microphone', microphones), ...named('speaker', speakers), ...named('metadata', metadata),
    ...named('input', inputs), ...named('output', outputs),
  ];
}
