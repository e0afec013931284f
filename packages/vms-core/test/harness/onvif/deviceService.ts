/** The simulated ONVIF Device service (ver10): identity, capabilities, services, clock. */
import { escapeXml, NS } from './soapXml';
import type { SoapFault } from './soapXml';
import type { SimulatorConfig } from './simulatorConfig';
import type { PtzState } from './ptzService';
import { relayOperation } from './deviceIoService';
import type { OutputsState } from './deviceIoService';
import type { SimulatedEvents } from './eventService';

export interface ServiceContext {
  config: SimulatorConfig;
  deviceXAddr: string;
  mediaXAddr: string;
  ptzXAddr: string;
  /** Listed only when config.deviceIo. */
  deviceIoXAddr: string;
  /** Relay states and the SetRelayOutputState commands received (DeviceIO or Device service). */
  outputs: OutputsState;
  /** Listed only when config.events. */
  eventsXAddr: string;
  events: SimulatedEvents;
  /** Present when the device has PTZ (config.ptz). */
  ptzState: PtzState | undefined;
  /** Base URL of the simulator's HTTP server, for snapshot URIs. */
  httpBase: string;
  deviceNow(): number;
}

export type OperationResult = { body: string } | SoapFault;

/**
 * Operations any caller may use without credentials (ONVIF Core, access class PRE_AUTH): a
 * client needs the device clock before it can build a valid WS-Security timestamp.
 */
export const preAuthDeviceOperations = new Set(['GetSystemDateAndTime', 'GetServices', 'GetCapabilities']);

export function handleDeviceOperation(name: string, ctx: ServiceContext, payload?: unknown): OperationResult | undefined {
  const { config } = ctx;
  switch (name) {
    case 'GetRelayOutputs':
    case 'SetRelayOutputState':
      return relayOperation(name, payload, ctx, 'device');
    case 'GetDeviceInformation':
      return {
        body:
          `<tds:GetDeviceInformationResponse>` +
          `<tds:Manufacturer>${escapeXml(config.manufacturer)}</tds:Manufacturer>` +
          `<tds:Model>${escapeXml(config.model)}</tds:Model>` +
          `<tds:FirmwareVersion>${escapeXml(config.firmware)}</tds:FirmwareVersion>` +
          `<tds:SerialNumber>${escapeXml(config.serial)}</tds:SerialNumber>` +
          `<tds:HardwareId>sim</tds:HardwareId>` +
          `</tds:GetDeviceInformationResponse>`,
      };
    case 'GetCapabilities':
      return {
        body:
          `<tds:GetCapabilitiesResponse><tds:Capabilities>` +
          `<tt:Device><tt:XAddr>${escapeXml(ctx.deviceXAddr)}</tt:XAddr>` +
          `<tt:IO><tt:InputConnectors>${config.digitalInputs.length}</tt:InputConnectors>` +
          `<tt:RelayOutputs>${config.relayOutputs.length}</tt:RelayOutputs></tt:IO></tt:Device>` +
          `<tt:Media><tt:XAddr>${escapeXml(ctx.mediaXAddr)}</tt:XAddr>` +
          `<tt:StreamingCapabilities><tt:RTPMulticast>false</tt:RTPMulticast>` +
          `<tt:RTP_TCP>true</tt:RTP_TCP><tt:RTP_RTSP_TCP>true</tt:RTP_RTSP_TCP>` +
          `</tt:StreamingCapabilities></tt:Media>` +
          (config.ptz ? `<tt:PTZ><tt:XAddr>${escapeXml(ctx.ptzXAddr)}</tt:XAddr></tt:PTZ>` : '') +
          (config.events
            ? `<tt:Events><tt:XAddr>${escapeXml(ctx.eventsXAddr)}</tt:XAddr><tt:WSSubscriptionPolicySupport>false</tt:WSSubscriptionPolicySupport>` +
              `<tt:WSPullPointSupport>true</tt:WSPullPointSupport><tt:WSPausableSubscriptionManagerInterfaceSupport>false</tt:WSPausableSubscriptionManagerInterfaceSupport></tt:Events>`
            : '') +
          (config.deviceIo
            ? `<tt:Extension><tt:DeviceIO><tt:XAddr>${escapeXml(ctx.deviceIoXAddr)}</tt:XAddr><tt:VideoSources>1</tt:VideoSources>` +
              `<tt:VideoOutputs>0</tt:VideoOutputs><tt:AudioSources>${config.audioSources.length}</tt:AudioSources>` +
              `<tt:AudioOutputs>${config.audioOutputs.length}</tt:AudioOutputs><tt:RelayOutputs>${config.relayOutputs.length}</tt:RelayOutputs>` +
              `</tt:DeviceIO></tt:Extension>`
            : '') +
          `</tds:Capabilities></tds:GetCapabilitiesResponse>`,
      };
    case 'GetServices':
      return {
        body:
          `<tds:GetServicesResponse>` +
          service(NS.tds, ctx.deviceXAddr) +
          service(NS.trt, ctx.mediaXAddr) +
          (config.ptz ? service(NS.tptz, ctx.ptzXAddr) : '') +
          (config.deviceIo ? service(NS.tmd, ctx.deviceIoXAddr) : '') +
          (config.events ? service('http://www.onvif.org/ver10/events/wsdl', ctx.eventsXAddr) : '') +
          `</tds:GetServicesResponse>`,
      };
    case 'GetSystemDateAndTime':
      return { body: systemDateAndTime(new Date(ctx.deviceNow())) };
    default:
      return undefined;
  }
}

function service(namespace: string, xaddr: string): string {
  return (
    `<tds:Service><tds:Namespace>${namespace}</tds:Namespace>` +
    `<tds:XAddr>${escapeXml(xaddr)}</tds:XAddr>` +
    `<tds:Version><tt:Major>2</tt:Major><tt:Minor>60</tt:Minor></tds:Version></tds:Service>`
  );
}

function systemDateAndTime(now: Date): string {
  return (
    `<tds:GetSystemDateAndTimeResponse><tds:SystemDateAndTime>` +
    `<tt:DateTimeType>NTP</tt:DateTimeType><tt:DaylightSavings>false</tt:DaylightSavings>` +
    `<tt:TimeZone><tt:TZ>UTC0</tt:TZ></tt:TimeZone>` +
    `<tt:UTCDateTime>` +
    `<tt:Time><tt:Hour>${now.getUTCHours()}</tt:Hour><tt:Minute>${now.getUTCMinutes()}</tt:Minute>` +
    `<tt:Second>${now.getUTCSeconds()}</tt:Second></tt:Time>` +
    `<tt:Date><tt:Year>${now.getUTCFullYear()}</tt:Year><tt:Month>${now.getUTCMonth() + 1}</tt:Month>` +
    `<tt:Day>${now.getUTCDate()}</tt:Day></tt:Date>` +
    `</tt:UTCDateTime>` +
    `</tds:SystemDateAndTime></tds:GetSystemDateAndTimeResponse>`
  );
}
