/**
 * Probes an ONVIF device: identity from the Device service, then every Media profile's RTSP
 * stream URI and snapshot URI. Stream URLs are returned without credentials; the recording
 * server passes credentials to the RTSP client separately so they never land in logs or URLs.
 */
import { VmsError, isVmsError } from '../../../base/common/errors';
import type { Clock } from '../../../base/common/clock';
import type { Credentials, HardwareInfo } from '../../common/types';
import { buildCameras, parseProfiles, parseVideoSourceTokens } from './mediaProfiles';
import type { ProfileUris } from './mediaProfiles';
import { probeOnvifDevices } from './onvifDevices';
import { findPtzService } from './ptzService';
import { OnvifSoapClient } from './soapClient';
import { child, children, escapeXml, integer, text } from './xml';

const DEVICE_NS = 'http://www.onvif.org/ver10/device/wsdl';
const MEDIA_NS = 'http://www.onvif.org/ver10/media/wsdl';
const DEFAULT_DEVICE_PATH = '/onvif/device_service';

export interface ProbeOnvifOptions {
  /** Per request. Cameras answer in well under a second; a busy NVR can take a few. */
  timeoutMs?: number;
  clock?: Pick<Clock, 'now'>;
  /** Abandons the requests of openOnvifClient (its clock reading): the caller gave up. */
  signal?: AbortSignal;
}

/** A client for one device, its clock offset already learnt, ready for authenticated calls. */
export async function openOnvifClient(
  address: string,
  credentials: Credentials,
  options: ProbeOnvifOptions = {},
): Promise<{ client: OnvifSoapClient; deviceUrl: URL }> {
  const deviceUrl = deviceServiceUrl(address);
  const clock = options.clock ?? { now: () => Date.now() };
  const client = new OnvifSoapClient({ credentials, timeoutMs: options.timeoutMs ?? 10_000, now: () => clock.now() });
  await syncClock(client, deviceUrl.toString(), options.signal);
  return { client, deviceUrl };
}

export async function probeOnvif(
  address: string,
  credentials: Credentials,
  options: ProbeOnvifOptions = {},
): Promise<HardwareInfo> {
  const { client, deviceUrl } = await openOnvifClient(address, credentials, options);
  const device = deviceUrl.toString();

  const info = await client.call(device, { namespace: DEVICE_NS, name: 'GetDeviceInformation' });
  const mediaUrl = rebase(await mediaServiceUrl(client, device), deviceUrl);

  const profiles = parseProfiles(await client.call(mediaUrl, { namespace: MEDIA_NS, name: 'GetProfiles' }));
  const uris = new Map<string, ProfileUris>();
  // One request at a time: cheap cameras serve few concurrent HTTP connections.
  for (const profile of profiles) {
    uris.set(profile.token, {
      streamUrl: await streamUri(client, mediaUrl, profile.token),
      snapshotUrl: await snapshotUri(client, mediaUrl, profile.token),
    });
  }
  const sourceOrder = await optional(async () =>
    parseVideoSourceTokens(await client.call(mediaUrl, { namespace: MEDIA_NS, name: 'GetVideoSources' })),
  );

  // A PTZ configuration steers nothing without a PTZ service to send commands to.
  if (!(await findPtzService(client, device, optional))) for (const p of profiles) delete p.ptz;

  const model = text(child(info, 'Model'));
  const { devices, notRead } = await probeOnvifDevices(client, device, mediaUrl, optional, (url) => rebase(url, deviceUrl));
  const hardware: HardwareInfo = {
    driver: 'onvif',
    address: device,
    cameras: buildCameras(profiles, uris, sourceOrder ?? [], model),
    devices,
    ...(notRead.length > 0 ? { devicesNotRead: notRead } : {}),
  };
  const fields = { manufacturer: 'Manufacturer', model: 'Model', firmware: 'FirmwareVersion', serial: 'SerialNumber' } as const;
  for (const [key, element] of Object.entries(fields) as [keyof typeof fields, string][]) {
    const value = text(child(info, element));
    if (value) hardware[key] = value;
  }
  return hardware;
}

/** Accepts host, host:port or a full device-service URL. */
export function deviceServiceUrl(address: string): URL {
  const trimmed = address.trim();
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`);
  } catch (e) {
    throw new VmsError('VMS_ERR_BAD_INPUT', `Not an ONVIF device address: ${address}`, { cause: e });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new VmsError('VMS_ERR_BAD_INPUT', `ONVIF needs http or https, not ${url.protocol} (${address})`);
  }
  // Device-service URLs carry no credentials; they travel in WS-Security only.
  url.username = '';
  url.password = '';
  if (url.pathname === '/') url.pathname = DEFAULT_DEVICE_PATH;
  return url;
}

/**
 * WS-Security timestamps must fall within the device's accepted skew of *its* clock, and camera
 * clocks are often hours off. GetSystemDateAndTime needs no credentials for exactly this reason.
 * If a device refuses it anyway, the host clock is the best guess left.
 */
async function syncClock(client: OnvifSoapClient, device: string, signal: AbortSignal | undefined): Promise<void> {
  let reply: unknown;
  try {
    reply = await client.call(device, { namespace: DEVICE_NS, name: 'GetSystemDateAndTime', anonymous: true, ...(signal ? { signal } : {}) });
  } catch (e) {
    if (isVmsError(e, 'VMS_ERR_DEVICE_UNREACHABLE')) throw e;
    return;
  }
  const utc = child(reply, 'SystemDateAndTime', 'UTCDateTime');
  const part = (path: string[]) => integer(child(utc, ...path));
  const [year, month, day] = [part(['Date', 'Year']), part(['Date', 'Month']), part(['Date', 'Day'])];
  const [hour, minute, second] = [part(['Time', 'Hour']), part(['Time', 'Minute']), part(['Time', 'Second'])];
  if (year === undefined || month === undefined || day === undefined) return;
  client.setClockOffset(Date.UTC(year, month - 1, day, hour ?? 0, minute ?? 0, second ?? 0));
}

/** GetCapabilities works on every Profile S device; GetServices is the newer way to ask. */
async function mediaServiceUrl(client: OnvifSoapClient, device: string): Promise<string> {
  const capabilities = await optional(() =>
    client.call(device, { namespace: DEVICE_NS, name: 'GetCapabilities', body: '<Category>Media</Category>' }),
  );
  const fromCapabilities = text(child(capabilities, 'Capabilities', 'Media', 'XAddr'));
  if (fromCapabilities) return fromCapabilities;
  const services = await client.call(device, {
    namespace: DEVICE_NS,
    name: 'GetServices',
    body: '<IncludeCapability>false</IncludeCapability>',
  });
  const media = children(services, 'Service').find((s) => text(child(s, 'Namespace')) === MEDIA_NS);
  const fromServices = text(child(media, 'XAddr'));
  if (!fromServices) throw new VmsError('VMS_ERR_DEVICE_PROTOCOL', `ONVIF device ${device} has no Media service`);
  return fromServices;
}

/**
 * Devices behind NAT or port forwarding announce service addresses only reachable from their own
 * LAN; the address we reached the device service at is the one that works from here.
 */
export function rebase(serviceUrl: string, deviceUrl: URL): string {
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch (e) {
    throw new VmsError('VMS_ERR_DEVICE_PROTOCOL', `ONVIF device announced a bad service address: ${serviceUrl}`, { cause: e });
  }
  url.protocol = deviceUrl.protocol;
  url.host = deviceUrl.host;
  return url.toString();
}

async function streamUri(client: OnvifSoapClient, mediaUrl: string, profileToken: string): Promise<string> {
  const reply = await client.call(mediaUrl, {
    namespace: MEDIA_NS,
    name: 'GetStreamUri',
    body:
      '<StreamSetup><tt:Stream>RTP-Unicast</tt:Stream><tt:Transport><tt:Protocol>RTSP</tt:Protocol></tt:Transport></StreamSetup>' +
      `<ProfileToken>${escapeXml(profileToken)}</ProfileToken>`,
  });
  const uri = parseMediaUri(reply);
  if (!uri) throw new VmsError('VMS_ERR_DEVICE_PROTOCOL', `ONVIF profile ${profileToken}: no usable stream URI`);
  return uri;
}

/** Snapshots are optional in Profile S: a device that refuses them still records fine. */
async function snapshotUri(client: OnvifSoapClient, mediaUrl: string, profileToken: string): Promise<string | undefined> {
  const reply = await optional(() =>
    client.call(mediaUrl, {
      namespace: MEDIA_NS,
      name: 'GetSnapshotUri',
      body: `<ProfileToken>${escapeXml(profileToken)}</ProfileToken>`,
    }),
  );
  return parseMediaUri(reply);
}

/** The URI without embedded credentials, or undefined when it is missing or not a URL. */
function parseMediaUri(reply: unknown): string | undefined {
  const raw = text(child(reply, 'MediaUri', 'Uri'));
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  // Re-serialise only when needed: cameras' URIs can carry oddities a round trip would alter.
  if (!url.username && !url.password) return raw;
  url.username = '';
  url.password = '';
  return url.toString();
}

/**
 * For calls a device may legitimately not support: a protocol failure yields undefined, while an
 * unreachable device or rejected credentials still fail the probe.
 */
export async function optional<T>(call: () => Promise<T>): Promise<T | undefined> {
  try {
    return await call();
  } catch (e) {
    if (isVmsError(e, 'VMS_ERR_DEVICE_PROTOCOL')) return undefined;
    throw e;
  }
}
