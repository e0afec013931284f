/**
 * A minimal SOAP 1.2 client for ONVIF: one POST per operation, WS-Security UsernameToken
 * (PasswordDigest) stamped with the device's clock, and every failure mapped to a VmsError so
 * the recording server can tell "wrong password" from "camera is off" from "camera is broken".
 */
import { createHash, randomBytes } from 'node:crypto';
import { VmsError, errorMessage } from '../../../base/common/errors';
import type { Credentials } from '../../common/types';
import { child, children, escapeXml, isNode, parseXml, text } from './xml';

const PASSWORD_DIGEST =
  'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest';
const BASE64_BINARY =
  'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary';
const WSSE = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd';
const WSU = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd';

/** Fault subcodes devices use for bad credentials (ONVIF Core, plus the WS-Security ones). */
const AUTH_SUBCODES = new Set(['NotAuthorized', 'FailedAuthentication', 'InvalidSecurityToken', 'InvalidSecurity']);

export interface SoapClientOptions {
  credentials: Credentials;
  timeoutMs: number;
  /** Wall clock of this host, injected so tests can put host and device clocks apart. */
  now: () => number;
}

export interface SoapOperation {
  /** Service namespace, e.g. http://www.onvif.org/ver10/media/wsdl. */
  namespace: string;
  name: string;
  /** Inner XML of the request element, with prefixes declared on `namespaces`. */
  body?: string;
  /** Operations the device answers without credentials (ONVIF access class PRE_AUTH). */
  anonymous?: boolean;
  /** The SOAP action when it is not `namespace/name` (WS-Notification operations name their port type). */
  action?: string;
  /** Further SOAP header blocks, e.g. WS-Addressing for a subscription (eventsService.ts). */
  headers?: string;
  /** Replaces the client's timeout for this call: a PullMessages long poll waits longer than other calls. */
  timeoutMs?: number;
  /** Abandons the call (a subscription stopping while its long poll waits). */
  signal?: AbortSignal;
}

/** An operation's payload, and the reply as it came, for readers that need its namespace declarations. */
export interface SoapReply {
  payload: unknown;
  xml: string;
}

export class OnvifSoapClient {
  /** Device clock minus host clock; WS-Security timestamps must be in the device's time. */
  private clockOffsetMs = 0;

  constructor(private readonly options: SoapClientOptions) {}

  setClockOffset(deviceTimeMs: number): void {
    this.clockOffsetMs = deviceTimeMs - this.options.now();
  }

  /** Calls an operation and returns the content of its `<name>Response` element. */
  async call(url: string, op: SoapOperation): Promise<unknown> {
    return (await this.callForReply(url, op)).payload;
  }

  /** As `call`, with the reply's text too. */
  async callForReply(url: string, op: SoapOperation): Promise<SoapReply> {
    const where = `${op.name} at ${new URL(url).host}`;
    const request = this.envelope(op);
    const timeout = AbortSignal.timeout(op.timeoutMs ?? this.options.timeoutMs);
    let status: number;
    let responseText: string;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': `application/soap+xml; charset=utf-8; action="${op.action ?? `${op.namespace}/${op.name}`}"` },
        body: request,
        signal: op.signal ? AbortSignal.any([timeout, op.signal]) : timeout,
      });
      status = response.status;
      responseText = await response.text();
    } catch (e) {
      throw new VmsError('VMS_ERR_DEVICE_UNREACHABLE', `ONVIF ${where}: ${networkReason(e)}`, { cause: e });
    }

    const doc = parseXml(responseText);
    const body = child(doc, 'Envelope', 'Body');
    const fault = child(body, 'Fault');
    if (fault !== undefined) throw faultError(where, status, fault);
    if (status === 401 || status === 403) {
      throw new VmsError('VMS_ERR_DEVICE_AUTH', `ONVIF ${where}: HTTP ${status}, credentials rejected`);
    }
    if (!isNode(body)) {
      throw new VmsError('VMS_ERR_DEVICE_PROTOCOL', `ONVIF ${where}: HTTP ${status}, reply is not a SOAP envelope`);
    }
    if (status < 200 || status >= 300) {
      throw new VmsError('VMS_ERR_DEVICE_PROTOCOL', `ONVIF ${where}: HTTP ${status}`);
    }
    const payload = body[`${op.name}Response`];
    if (payload === undefined) {
      throw new VmsError('VMS_ERR_DEVICE_PROTOCOL', `ONVIF ${where}: reply has no ${op.name}Response`);
    }
    return { payload, xml: responseText };
  }

  private envelope(op: SoapOperation): string {
    const username = this.options.credentials.username;
    const header = (username && !op.anonymous ? this.securityHeader(username) : '') + (op.headers ?? '');
    return (
      `<?xml version="1.0" encoding="UTF-8"?>` +
      `<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:tt="http://www.onvif.org/ver10/schema">` +
      (header ? `<s:Header>${header}</s:Header>` : '') +
      `<s:Body><${op.name} xmlns="${op.namespace}">${op.body ?? ''}</${op.name}></s:Body></s:Envelope>`
    );
  }

  private securityHeader(username: string): string {
    const nonce = randomBytes(16);
    // Whole seconds: some cameras reject fractional seconds in Created.
    const created = new Date(this.options.now() + this.clockOffsetMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const digest = createHash('sha1')
      .update(Buffer.concat([nonce, Buffer.from(created), Buffer.from(this.options.credentials.password ?? '')]))
      .digest('base64');
    return (
      `<wsse:Security s:mustUnderstand="1" xmlns:wsse="${WSSE}" xmlns:wsu="${WSU}"><wsse:UsernameToken>` +
      `<wsse:Username>${escapeXml(username)}</wsse:Username>` +
      `<wsse:Password Type="${PASSWORD_DIGEST}">${digest}</wsse:Password>` +
      `<wsse:Nonce EncodingType="${BASE64_BINARY}">${nonce.toString('base64')}</wsse:Nonce>` +
      `<wsu:Created>${created}</wsu:Created>` +
      `</wsse:UsernameToken></wsse:Security>`
    );
  }
}

/** Maps a SOAP fault: credential subcodes become DEVICE_AUTH, anything else DEVICE_PROTOCOL. */
function faultError(where: string, status: number, fault: unknown): VmsError {
  const codes: string[] = [];
  for (let code = child(fault, 'Code'); code !== undefined; code = child(code, 'Subcode')) {
    const value = text(child(code, 'Value'));
    if (value) codes.push(value.slice(value.indexOf(':') + 1));
  }
  // Older firmware answers with SOAP 1.1 faults even to SOAP 1.2 requests.
  const legacyCode = text(child(fault, 'faultcode'));
  if (legacyCode) codes.push(legacyCode.slice(legacyCode.indexOf(':') + 1));
  const reason =
    children(child(fault, 'Reason'), 'Text').map(text).find(Boolean) ??
    text(child(fault, 'faultstring')) ??
    'no reason given';
  const detail = `ONVIF ${where}: SOAP fault ${codes.join('/') || '(no code)'} (HTTP ${status}): ${reason}`;
  const isAuth = codes.some((c) => AUTH_SUBCODES.has(c)) || status === 401 || status === 403;
  return new VmsError(isAuth ? 'VMS_ERR_DEVICE_AUTH' : 'VMS_ERR_DEVICE_PROTOCOL', detail);
}

function networkReason(e: unknown): string {
  if (e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError')) return 'no reply in time';
  const cause = e instanceof Error ? e.cause : undefined;
  const code = isNode(cause) && typeof cause['code'] === 'string' ? cause['code'] : undefined;
  return code ?? errorMessage(cause ?? e);
}
