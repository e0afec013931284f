// The simulator is the ONVIF driver's only counterpart in CI, so its device-side behaviour
// (what it rejects, and how) is tested here directly, at the SOAP level.
import { createHash, randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { startOnvifSimulator } from './onvifSimulator';
import type { OnvifSimulator, OnvifSimulatorOptions } from './onvifSimulator';
import { child, parseXml, text } from './soapXml';

const DIGEST_TYPE =
  'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest';
const TEXT_TYPE =
  'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText';

interface Token {
  username?: string;
  password?: string;
  nonce?: Buffer;
  created?: string;
  type?: string;
}

function usernameToken(t: Token): string {
  const nonce = t.nonce ?? randomBytes(16);
  const created = t.created ?? new Date().toISOString();
  const password = t.password ?? 'admin';
  const value =
    t.type === TEXT_TYPE
      ? password
      : createHash('sha1').update(Buffer.concat([nonce, Buffer.from(created), Buffer.from(password)])).digest('base64');
  return (
    `<Security xmlns="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd">` +
    `<UsernameToken><Username>${t.username ?? 'admin'}</Username>` +
    `<Password Type="${t.type ?? DIGEST_TYPE}">${value}</Password>` +
    `<Nonce>${nonce.toString('base64')}</Nonce><Created>${created}</Created></UsernameToken></Security>`
  );
}

async function soap(url: string, body: string, token?: Token) {
  const header = token ? `<s:Header>${usernameToken(token)}</s:Header>` : '';
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/soap+xml; charset=utf-8' },
    body: `<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope">${header}<s:Body>${body}</s:Body></s:Envelope>`,
  });
  const doc = parseXml(await response.text());
  const fault = at(doc, 'Envelope', 'Body', 'Fault');
  // The innermost subcode is the specific one (e.g. ter:InvalidArgVal → ter:NoProfile).
  let subcode: string | undefined;
  for (let code = at(fault, 'Code', 'Subcode'); code !== undefined; code = at(code, 'Subcode')) {
    subcode = text(at(code, 'Value'));
  }
  return { status: response.status, doc, fault, subcode };
}

function at(node: unknown, ...path: string[]): unknown {
  return path.reduce((current, name) => child(current, name), node);
}

const MEDIA_NS = 'http://www.onvif.org/ver10/media/wsdl';
const DEVICE_NS = 'http://www.onvif.org/ver10/device/wsdl';
const getProfiles = `<GetProfiles xmlns="${MEDIA_NS}"/>`;

let sim: OnvifSimulator | undefined;
afterEach(async () => {
  await sim?.stop();
  sim = undefined;
});

async function start(opts: OnvifSimulatorOptions = {}): Promise<{ device: string; media: string }> {
  sim = await startOnvifSimulator(opts);
  return { device: sim.xaddr, media: sim.xaddr.replace('device_service', 'media_service') };
}

describe('ONVIF simulator', () => {
  it('answers an authenticated request', async () => {
    const { media } = await start();
    const reply = await soap(media, getProfiles, {});
    expect(reply.status).toBe(200);
    expect(reply.fault).toBeUndefined();
  });

  it('rejects missing, wrong, plain-text, stale and replayed tokens with NotAuthorized', async () => {
    const { media } = await start();
    const nonce = randomBytes(16);
    const created = new Date().toISOString();
    expect((await soap(media, getProfiles, { nonce, created })).status).toBe(200);
    const rejected: (Token | undefined)[] = [
      undefined,
      { password: 'wrong' },
      { username: 'root' },
      { type: TEXT_TYPE },
      { created: new Date(Date.now() - 3600_000).toISOString() },
      { nonce, created },
    ];
    for (const token of rejected) {
      const reply = await soap(media, getProfiles, token);
      expect(reply.status).toBe(400);
      expect(reply.subcode).toBe('ter:NotAuthorized');
    }
  });

  it('can fail authentication with HTTP 401 like many cameras', async () => {
    const { media } = await start({ authFailureStatus: 401 });
    expect((await soap(media, getProfiles)).status).toBe(401);
  });

  it('tells its clock without credentials, offset as configured', async () => {
    const { device } = await start({ clockOffsetMs: 2 * 3600_000 });
    const reply = await soap(device, `<GetSystemDateAndTime xmlns="${DEVICE_NS}"/>`);
    expect(reply.status).toBe(200);
    const utc = at(reply.doc, 'Envelope', 'Body', 'GetSystemDateAndTimeResponse', 'SystemDateAndTime', 'UTCDateTime');
    const part = (...path: string[]) => Number(text(at(utc, ...path)));
    const deviceTime = Date.UTC(
      part('Date', 'Year'), part('Date', 'Month') - 1, part('Date', 'Day'),
      part('Time', 'Hour'), part('Time', 'Minute'), part('Time', 'Second'),
    );
    expect(Math.abs(deviceTime - (Date.now() + 2 * 3600_000))).toBeLessThan(5000);
  });

  it('faults on unknown profiles, multicast streams and unsupported operations', async () => {
    const { device, media } = await start();
    const streamUri = (stream: string, token: string) =>
      `<GetStreamUri xmlns="${MEDIA_NS}"><StreamSetup><Stream>${stream}</Stream><Transport><Protocol>RTSP</Protocol></Transport></StreamSetup><ProfileToken>${token}</ProfileToken></GetStreamUri>`;
    expect((await soap(media, streamUri('RTP-Unicast', 'main'), {})).status).toBe(200);
    expect((await soap(media, streamUri('RTP-Unicast', 'nope'), {})).subcode).toBe('ter:NoProfile');
    expect((await soap(media, streamUri('RTP-Multicast', 'main'), {})).subcode).toBe('ter:InvalidStreamSetup');
    const reboot = await soap(device, `<SystemReboot xmlns="${DEVICE_NS}"/>`, {});
    expect(reboot.subcode).toBe('ter:ActionNotSupported');
  });

  it('serves PTZ only when configured, and refuses what strict heads refuse without recording it', async () => {
    const { device } = await start({ ptz: { profiles: ['main'], zoom: false } });
    const ptzUrl = device.replace('device_service', 'ptz_service');
    const ns = 'http://www.onvif.org/ver20/ptz/wsdl';
    const move = (profile: string, velocity: string, timeout = '') =>
      soap(ptzUrl, `<ContinuousMove xmlns="${ns}"><ProfileToken>${profile}</ProfileToken><Velocity>${velocity}</Velocity>${timeout}</ContinuousMove>`, {});
    expect((await move('main', '<PanTilt x="0.5" y="0"/>', '<Timeout>PT1S</Timeout>')).status).toBe(200);
    expect((await move('sub', '<PanTilt x="0.5" y="0"/>')).subcode).toBe('ter:NoPTZProfile');
    expect((await move('main', '<PanTilt x="1.5" y="0"/>')).subcode).toBe('ter:InvalidVelocity');
    expect((await move('main', '<Zoom x="0"/>')).subcode).toBe('ter:InvalidVelocity');
    expect((await move('main', '<PanTilt x="0.5" y="0"/>', '<Timeout>PT0.5S</Timeout>')).subcode).toBe('ter:InvalidTimeout');
    expect(sim!.ptz!.commands).toEqual([{ operation: 'ContinuousMove', profileToken: 'main', velocity: { pan: 0.5, tilt: 0 }, timeout: 'PT1S' }]);
    expect((await soap(ptzUrl, `<GetNodes xmlns="${ns}"/>`, {})).subcode).toBe('ter:ActionNotSupported');

    const capabilities = await soap(device, `<GetCapabilities xmlns="${DEVICE_NS}"><Category>All</Category></GetCapabilities>`);
    expect(text(at(capabilities.doc, 'Envelope', 'Body', 'GetCapabilitiesResponse', 'Capabilities', 'PTZ', 'XAddr'))).toBe(ptzUrl);
    await sim!.stop();
    const fixed = await start();
    expect((await fetch(fixed.device.replace('device_service', 'ptz_service'), { method: 'POST', body: '<x/>' })).status).toBe(404);
    expect(sim!.ptz).toBeUndefined();
  });

  it('faults on a body that is not XML', async () => {
    const { device } = await start();
    const response = await fetch(device, { method: 'POST', body: 'hello' });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('ter:WellFormed');
  });
});
