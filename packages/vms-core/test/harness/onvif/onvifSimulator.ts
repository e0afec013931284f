/**
 * A simulated ONVIF camera for tests: Device, Media and (optionally) PTZ and DeviceIO services over SOAP 1.2 on 127.0.0.1,
 * WS-Security UsernameToken checking, and an optional WS-Discovery responder. No real cameras
 * are reachable from CI, so this is what the ONVIF driver is tested against.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleDeviceOperation, preAuthDeviceOperations } from './deviceService';
import { handleDeviceIoOperation, initialOutputs } from './deviceIoService';
import { SimulatedEvents } from './eventService';
import type { EventsState, SimulatedPropertyOperation } from './eventService';
import type { OutputsState } from './deviceIoService';
import type { OperationResult, ServiceContext } from './deviceService';
import { startDiscoveryResponder } from './discoveryResponder';
import type { DiscoveryResponder } from './discoveryResponder';
import { handleMediaOperation } from './mediaService';
import { handlePtzOperation } from './ptzService';
import type { PtzState } from './ptzService';
import { resolveConfig } from './simulatorConfig';
import type { OnvifSimulatorOptions } from './simulatorConfig';
import { bodyOperation, child, envelope, faultEnvelope, notAuthorized, parseXml } from './soapXml';
import type { SoapFault } from './soapXml';
import { UsernameTokenCheck } from './usernameTokenCheck';

export type { OnvifSimulatorOptions, SimulatedPreset, SimulatedProfile, SimulatedPtz } from './simulatorConfig';
export type { PtzCommand, PtzState } from './ptzService';
export type { OutputsState, RelayCommand, RelayLogicalState } from './deviceIoService';
export type { SimulatedDigitalInput, SimulatedRelayOutput } from './simulatorConfig';
export type { EventsState, SimulatedNotification, SimulatedPropertyOperation } from './eventService';

export interface OnvifSimulator {
  /** Device service URL, as a camera announces it in WS-Discovery. */
  xaddr: string;
  port: number;
  /** WS-Discovery endpoint reference (urn:uuid:...). */
  endpoint: string;
  /** With `ptz`: the presets as they are now and every move, stop and preset command received, in order. */
  ptz: PtzState | undefined;
  /** Each relay output's state and every SetRelayOutputState received (through DeviceIO or the Device service), in order. */
  outputs: OutputsState;
  /** The Events service's live pull points and the operations they received. */
  events: EventsState;
  /** Changes a digital input; live subscriptions get a Changed notification when its state changes. */
  setInput(token: string, active: boolean): void;
  /** Sends a notification ("tns1:..." topic) to every live subscription. */
  raiseEvent(topic: string, source: Record<string, string>, data: Record<string, string>, operation?: SimulatedPropertyOperation): void;
  /** Forgets every subscription, as a restarting device does. */
  dropSubscriptions(): void;
  stop(): Promise<void>;
}

const DEVICE_PATH = '/onvif/device_service';
const MEDIA_PATH = '/onvif/media_service';
const PTZ_PATH = '/onvif/ptz_service';
const DEVICE_IO_PATH = '/onvif/deviceio_service';
const EVENTS_PATH = '/onvif/event_service';
const SUBSCRIPTION_PATH = '/onvif/event_service/subscription';
const SNAPSHOT_PATH = '/onvif/snapshot';
/** A 1x1 grey JPEG, so snapshot URIs lead somewhere real. */
const SNAPSHOT_JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAACf/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AKp//2Q==',
  'base64',
);

export async function startOnvifSimulator(opts: OnvifSimulatorOptions = {}): Promise<OnvifSimulator> {
  const config = resolveConfig(opts);
  const deviceNow = () => Date.now() + config.clockOffsetMs;
  const tokens = new UsernameTokenCheck(config.username, config.password, deviceNow);
  const endpoint = `urn:uuid:${randomUUID()}`;
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const httpBase = `http://127.0.0.1:${port}`;
  const ctx: ServiceContext = {
    config,
    deviceXAddr: httpBase + DEVICE_PATH,
    mediaXAddr: httpBase + MEDIA_PATH,
    ptzXAddr: httpBase + PTZ_PATH,
    deviceIoXAddr: httpBase + DEVICE_IO_PATH,
    eventsXAddr: httpBase + EVENTS_PATH,
    events: new SimulatedEvents({
      inputs: config.digitalInputs, renew: config.renewPullPoints, subscriptionXAddr: httpBase + SUBSCRIPTION_PATH, deviceNow,
    }),
    outputs: initialOutputs(config.relayOutputs.map((r) => r.token)),
    ptzState: config.ptz && { presets: config.ptz.presets.map((p) => ({ ...p })), commands: [] },
    httpBase,
    deviceNow,
  };
  // Attached only now because the service addresses depend on the port listen() picked; no
  // request can arrive before this line runs.
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res, ctx, tokens).catch(() => res.destroy());
  });

  let responder: DiscoveryResponder | undefined;
  if (opts.discovery) {
    const multicastInterface =
      (typeof opts.discovery === 'object' && opts.discovery.multicastInterface) || '127.0.0.1';
    const scopes = [
      'onvif://www.onvif.org/type/video_encoder',
      'onvif://www.onvif.org/Profile/Streaming',
      `onvif://www.onvif.org/hardware/${encodeURIComponent(config.model)}`,
      `onvif://www.onvif.org/name/${encodeURIComponent(config.manufacturer)}`,
    ];
    try {
      responder = await startDiscoveryResponder({ endpoint, xaddrs: [ctx.deviceXAddr], scopes }, multicastInterface);
    } catch (e) {
      await closeServer(server);
      throw e;
    }
  }

  return {
    xaddr: ctx.deviceXAddr,
    port,
    endpoint,
    ptz: ctx.ptzState,
    outputs: ctx.outputs,
    events: ctx.events,
    setInput: (token, active) => ctx.events.setInput(token, active),
    raiseEvent: (topic, source, data, operation) => ctx.events.raise({ topic, source, data, ...(operation ? { operation } : {}) }),
    dropSubscriptions: () => ctx.events.dropAll(),
    async stop() {
      ctx.events.close();
      await responder?.close();
      await closeServer(server);
    },
  };
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: ServiceContext,
  tokens: UsernameTokenCheck,
): Promise<void> {
  const path = new URL(req.url ?? '/', ctx.httpBase).pathname;
  if (req.method === 'GET' && path === SNAPSHOT_PATH) {
    res.writeHead(200, { 'content-type': 'image/jpeg' }).end(SNAPSHOT_JPEG);
    return;
  }
  const served = path === DEVICE_PATH || path === MEDIA_PATH || (path === PTZ_PATH && ctx.config.ptz) || (path === DEVICE_IO_PATH && ctx.config.deviceIo) ||
    ((path === EVENTS_PATH || path === SUBSCRIPTION_PATH) && ctx.config.events);
  if (req.method !== 'POST' || !served) {
    res.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const doc = parseXml(Buffer.concat(chunks).toString('utf8'));
  const operation = doc && bodyOperation(doc);
  if (!doc || !operation) {
    return sendFault(res, { status: 400, code: 'env:Sender', subcodes: ['ter:WellFormed'], reason: 'Malformed SOAP' });
  }

  const raw = ctx.config.rawResponses[operation.name];
  if (raw !== undefined) {
    res.writeHead(200, { 'content-type': 'application/soap+xml; charset=utf-8' }).end(raw);
    return;
  }
  const isPreAuth = path === DEVICE_PATH && preAuthDeviceOperations.has(operation.name);
  if (!isPreAuth && tokens.verify(doc) !== 'ok') {
    return sendFault(res, notAuthorized(ctx.config.authFailureStatus));
  }

  const relaysBefore = { ...ctx.outputs.states };
  const result: OperationResult | undefined =
    path === DEVICE_PATH
      ? handleDeviceOperation(operation.name, ctx, operation.payload)
      : path === MEDIA_PATH
        ? handleMediaOperation(operation.name, operation.payload, ctx)
        : path === DEVICE_IO_PATH
          ? handleDeviceIoOperation(operation.name, operation.payload, ctx)
          : path === EVENTS_PATH
            ? ctx.events.handleService(operation.name, operation.payload)
            : path === SUBSCRIPTION_PATH
              ? await ctx.events.handleSubscription(operation.name, operation.payload, child(child(doc, 'Envelope'), 'Header'))
              : handlePtzOperation(operation.name, operation.payload, ctx);
  // A relay that changed is an event too, as on real devices.
  for (const [token, state] of Object.entries(ctx.outputs.states)) {
    if (relaysBefore[token] !== state) ctx.events.raise({ topic: 'tns1:Device/Trigger/Relay', operation: 'Changed', source: { RelayToken: token }, data: { LogicalState: state } });
  }
  if (!result) {
    return sendFault(res, {
      status: 400,
      code: 'env:Receiver',
      subcodes: ['ter:ActionNotSupported'],
      reason: `${operation.name} is not supported`,
    });
  }
  if ('status' in result) return sendFault(res, result);
  res.writeHead(200, { 'content-type': 'application/soap+xml; charset=utf-8' }).end(envelope(result.body));
}

function sendFault(res: ServerResponse, fault: SoapFault): void {
  res.writeHead(fault.status, { 'content-type': 'application/soap+xml; charset=utf-8' }).end(faultEnvelope(fault));
}

function closeServer(server: ReturnType<typeof createServer>): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((err) => (err ? reject(err) : resolve()));
    // Clients keep SOAP connections alive; drop them so stop() does not wait for their timeout.
    server.closeAllConnections();
  });
}
