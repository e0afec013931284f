// The SOAP client against a plain HTTP server on 127.0.0.1 that answers what each test says:
// what it keeps of a long-lived abort signal, how it bounds and reads what devices send.
import { getEventListeners } from 'node:events';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { isVmsError } from '../../../base/common/errors';
import { OnvifSoapClient } from './soapClient';
import { isNotSupportedFault } from './soapReply';

const ENV = 'http://www.w3.org/2003/05/soap-envelope';
const envelope = (body: string) => `<env:Envelope xmlns:env="${ENV}"><env:Body>${body}</env:Body></env:Envelope>`;
const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

/** A device that answers every request with `respond`; `closed` counts connections that ended. */
async function device(respond: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ url: string; closed: () => number }> {
  let closed = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => respond(req, res));
  });
  server.on('connection', (socket) => socket.on('close', () => closed++));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/onvif/device_service`, closed: () => closed };
}

const client = () => new OnvifSoapClient({ credentials: {}, timeoutMs: 5000, now: () => Date.now() });
const op = { namespace: 'http://www.onvif.org/ver10/device/wsdl', name: 'GetDeviceInformation' };
const failure = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e);

/**
 * What Node keeps on a signal for signals made from it: AbortSignal.any puts each composite
 * in an internal set of the source (Node 20), which a source living as long as a subscription
 * grows by one per call. 0 when this Node keeps no such set.
 */
function dependants(signal: AbortSignal): number {
  const key = Object.getOwnPropertySymbols(signal).find((s) => s.description === 'kDependantSignals');
  // Node's own SafeSet: not an instance of this realm's Set.
  const set = key && ((signal as unknown as Record<symbol, unknown>)[key] as { size?: unknown } | undefined);
  return typeof set?.size === 'number' ? set.size : 0;
}

describe('ONVIF SOAP client', () => {
  it('keeps nothing of a long-lived signal once each call has ended', async () => {
    const d = await device((_req, res) => res.end(envelope('<GetDeviceInformationResponse><Model>M</Model></GetDeviceInformationResponse>')));
    const subscription = new AbortController();
    const c = client();
    for (let i = 0; i < 50; i++) expect(await c.call(d.url, { ...op, signal: subscription.signal })).toEqual({ Model: 'M' });
    expect(getEventListeners(subscription.signal, 'abort')).toHaveLength(0);
    expect(dependants(subscription.signal)).toBe(0);
  });

  it('abandons a waiting call when its signal aborts, saying it was cancelled', async () => {
    const d = await device(() => undefined);
    const subscription = new AbortController();
    const pending = failure(client().call(d.url, { ...op, signal: subscription.signal }));
    setTimeout(() => subscription.abort(), 50);
    const error = await pending;
    expect(isVmsError(error, 'VMS_ERR_DEVICE_UNREACHABLE') && error.message).toBe('ONVIF GetDeviceInformation at ' + new URL(d.url).host + ': cancelled');
    expect(getEventListeners(subscription.signal, 'abort')).toHaveLength(0);
  });

  it('refuses a reply above its cap, announced or streamed, and closes the connection', async () => {
    const big = envelope(`<GetDeviceInformationResponse><Model>${'x'.repeat(1024 * 1024)}</Model></GetDeviceInformationResponse>`);
    const announced = await device((_req, res) => res.writeHead(200, { 'content-length': Buffer.byteLength(big) }).end(big));
    const error = await failure(client().call(announced.url, op));
    expect(isVmsError(error, 'VMS_ERR_DEVICE_PROTOCOL') && error.message).toMatch(/reply larger than 1048576 bytes/);

    // No length given: a device that streams without end is cut off at the cap, not read on.
    let sent = 0;
    const streaming = await device((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/soap+xml' });
      const chunk = Buffer.alloc(64 * 1024, 'x');
      const more = () => {
        while (!res.destroyed && sent < 64 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', more);
        }
      };
      res.on('close', () => res.removeAllListeners('drain'));
      more();
    });
    const cut = await failure(client().call(streaming.url, op));
    expect(isVmsError(cut, 'VMS_ERR_DEVICE_PROTOCOL'), String(cut)).toBe(true);
    await expect.poll(() => streaming.closed()).toBe(1);
    expect(sent).toBeLessThan(16 * 1024 * 1024);

    // A call may allow more (PullMessages does).
    const allowed = await client().call(announced.url, { ...op, maxReplyBytes: 4 * 1024 * 1024 });
    expect((allowed as { Model: string }).Model).toHaveLength(1024 * 1024);
  });

  it('reports a reply the XML parser refuses as a protocol error, in either reading', async () => {
    // Well-formed, but the parser will not make objects with these names.
    const d = await device((_req, res) => res.end(envelope('<GetDeviceInformationResponse><constructor>1</constructor></GetDeviceInformationResponse>')));
    for (const reading of [(c: OnvifSoapClient) => c.call(d.url, op), (c: OnvifSoapClient) => c.callNamespaced(d.url, op)]) {
      const error = await failure(reading(client()));
      expect(isVmsError(error, 'VMS_ERR_DEVICE_PROTOCOL') && error.message).toMatch(/reply is not well-formed XML/);
    }
  });

  it('keeps a fault\'s codes, so a device not offering an operation is told from one failing it', async () => {
    const fault = (subcode: string) => envelope(
      `<env:Fault><env:Code><env:Value>env:Receiver</env:Value><env:Subcode><env:Value>ter:${subcode}</env:Value></env:Subcode></env:Code>` +
      '<env:Reason><env:Text xml:lang="en">no</env:Text></env:Reason></env:Fault>',
    );
    for (const [subcode, notSupported] of [['ActionNotSupported', true], ['AudioNotSupported', true], ['HardwareFailure', false]] as const) {
      const d = await device((_req, res) => res.writeHead(400).end(fault(subcode)));
      for (const reading of [(c: OnvifSoapClient) => c.call(d.url, op), (c: OnvifSoapClient) => c.callNamespaced(d.url, op)]) {
        const error = await failure(reading(client()));
        expect(isVmsError(error, 'VMS_ERR_DEVICE_PROTOCOL') && error.message).toMatch(new RegExp(`SOAP fault Receiver/${subcode} \\(HTTP 400\\): no`));
        expect(isNotSupportedFault(error), subcode).toBe(notSupported);
      }
    }
  });
});
