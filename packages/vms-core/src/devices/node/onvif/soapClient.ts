/**
 * A minimal SOAP 1.2 client for ONVIF: one POST per operation, WS-Security UsernameToken
 * (PasswordDigest) stamped with the device's clock, and every failure mapped to a VmsError so
 * the recording server can tell "wrong password" from "camera is off" from "camera is broken".
 */
import { createHash, randomBytes } from 'node:crypto';
import { VmsError, errorMessage } from '../../../base/common/errors';
import type { Credentials } from '../../common/types';
import type { XmlElement } from './namespacedXml';
import { DEFAULT_MAX_REPLY_BYTES, readCappedBody, readNamespacedReply, readReply } from './soapReply';
import { escapeXml, isNode } from './xml';

const PASSWORD_DIGEST =
  'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest';
const BASE64_BINARY =
  'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary';
const WSSE = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd';
const WSU = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd';

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
  /**
   * Abandons the call (a subscription stopping while its long poll waits). May live far longer
   * than the call: the client only listens to it while the call runs.
   */
  signal?: AbortSignal;
  /** The largest reply accepted (default DEFAULT_MAX_REPLY_BYTES); a larger one fails the call. */
  maxReplyBytes?: number;
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
    const { where, status, text } = await this.post(url, op);
    return readReply(where, status, text, op.name);
  }

  /** As `call`, with the `<name>Response` element read with its namespace declarations (QNames in text, reference parameters). */
  async callNamespaced(url: string, op: SoapOperation): Promise<XmlElement> {
    const { where, status, text } = await this.post(url, op);
    return readNamespacedReply(where, status, text, op.name);
  }

  /**
   * Sends the request and reads the reply's text (capped). The call has its own AbortController,
   * ended by its timeout or by `op.signal`; the listener on `op.signal` is removed when the call
   * ends, so a signal that outlives many calls (a subscription's) does not keep each of them.
   */
  private async post(url: string, op: SoapOperation): Promise<{ where: string; status: number; text: string }> {
    const where = `${op.name} at ${new URL(url).host}`;
    const request = this.envelope(op);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new DOMException('no reply in time', 'TimeoutError')), op.timeoutMs ?? this.options.timeoutMs);
    timer.unref();
    const cancel = () => controller.abort(new DOMException('cancelled', 'AbortError'));
    op.signal?.addEventListener('abort', cancel, { once: true });
    if (op.signal?.aborted) cancel();
    try {
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': `application/soap+xml; charset=utf-8; action="${op.action ?? `${op.namespace}/${op.name}`}"` },
          body: request,
          signal: controller.signal,
        });
      } catch (e) {
        throw new VmsError('VMS_ERR_DEVICE_UNREACHABLE', `ONVIF ${where}: ${networkReason(e, op.signal)}`, { cause: e });
      }
      const text = await readCappedBody(response, op.maxReplyBytes ?? DEFAULT_MAX_REPLY_BYTES, cancel, where);
      return { where, status: response.status, text };
    } finally {
      clearTimeout(timer);
      op.signal?.removeEventListener('abort', cancel);
    }
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

function networkReason(e: unknown, signal: AbortSignal | undefined): string {
  if (signal?.aborted) return 'cancelled';
  if (e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError')) return 'no reply in time';
  const cause = e instanceof Error ? e.cause : undefined;
  const code = isNode(cause) && typeof cause['code'] === 'string' ? cause['code'] : undefined;
  return code ?? errorMessage(cause ?? e);
}
