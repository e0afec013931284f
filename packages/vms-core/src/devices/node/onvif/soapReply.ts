/**
 * Reading what a device answered to a SOAP request. Devices are not trusted: the body is read
 * up to a cap (a broken or hostile device could otherwise stream until memory runs out), and
 * every way a reply can be wrong (too large, not XML, not an envelope, a fault, another
 * operation's answer) becomes a VmsError. A reply is parsed once, into the tree its reader
 * needs: prefix-free (xml.ts) for most operations, with namespaces (namespacedXml.ts) for the
 * Events service; a fault in the latter is re-read prefix-free, which only costs on failures.
 */
import { VmsError, errorMessage } from '../../../base/common/errors';
import type { XmlElement } from './namespacedXml';
import { element, localName, parseNamespacedXml } from './namespacedXml';
import { child, children, isNode, parseXml, text } from './xml';

/** Replies are small (a few KiB; a NVR's profile list some tens); PullMessages raises it for a burst of notifications. */
export const DEFAULT_MAX_REPLY_BYTES = 1024 * 1024;

/** Fault subcodes devices use for bad credentials (ONVIF Core, plus the WS-Security ones). */
const AUTH_SUBCODES = new Set(['NotAuthorized', 'FailedAuthentication', 'InvalidSecurityToken', 'InvalidSecurity']);

/**
 * A device's SOAP fault: its codes without prefixes, outermost first. Kept as the cause of the
 * VmsError so callers can tell "the device does not offer this" from other faults.
 */
export class SoapFault extends Error {
  constructor(readonly codes: readonly string[], reason: string) {
    super(reason);
    this.name = 'SoapFault';
  }
}

/**
 * True for a fault saying the device does not offer the operation or what it asks about:
 * ONVIF's ter:ActionNotSupported and the operation-specific ones (ter:AudioNotSupported...).
 * A device answering so has none of that kind, which is different from failing to list them.
 */
export function isNotSupportedFault(e: unknown): boolean {
  const cause = e instanceof Error ? e.cause : undefined;
  return cause instanceof SoapFault && cause.codes.some((c) => c.endsWith('NotSupported'));
}

/**
 * The body as text, at most `maxBytes` of it (a Content-Length above it is refused before
 * reading). Over the cap the request is aborted (`abort`), so the device's connection is
 * closed instead of drained.
 */
export async function readCappedBody(response: Response, maxBytes: number, abort: () => void, where: string): Promise<string> {
  const tooLarge = () => {
    abort();
    return new VmsError('VMS_ERR_DEVICE_PROTOCOL', `ONVIF ${where}: reply larger than ${maxBytes} bytes`);
  };
  if (Number(response.headers.get('content-length')) > maxBytes) throw tooLarge();
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let read: ReadableStreamReadResult<Uint8Array>;
    try {
      read = await reader.read();
    } catch (e) {
      throw new VmsError('VMS_ERR_DEVICE_UNREACHABLE', `ONVIF ${where}: reply cut off (${errorMessage(e)})`, { cause: e });
    }
    if (read.done) break;
    size += read.value.byteLength;
    if (size > maxBytes) throw tooLarge();
    chunks.push(read.value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The content of `<name>Response`, prefix-free (xml.ts). */
export function readReply(where: string, status: number, xml: string, name: string): unknown {
  const body = child(parseXml(xml), 'Envelope', 'Body');
  check(where, status, xml, isNode(body), child(body, 'Fault'));
  const payload = isNode(body) ? body[`${name}Response`] : undefined;
  if (payload === undefined) throw new VmsError('VMS_ERR_DEVICE_PROTOCOL', `ONVIF ${where}: reply has no ${name}Response`);
  return payload;
}

/** The `<name>Response` element with its namespace declarations (namespacedXml.ts). */
export function readNamespacedReply(where: string, status: number, xml: string, name: string): XmlElement {
  const body = element(parseNamespacedXml(xml), 'Envelope', 'Body');
  const fault = element(body, 'Fault') && child(parseXml(xml), 'Envelope', 'Body', 'Fault');
  check(where, status, xml, body !== undefined, fault);
  const response = element(body, `${name}Response`);
  if (!response) throw new VmsError('VMS_ERR_DEVICE_PROTOCOL', `ONVIF ${where}: reply has no ${name}Response`);
  return response;
}

/** Throws what is wrong with a reply: a fault, refused credentials, no envelope, an HTTP error. */
function check(where: string, status: number, xml: string, isEnvelope: boolean, fault: unknown): void {
  if (fault !== undefined) throw faultError(where, status, fault);
  if (status === 401 || status === 403) throw new VmsError('VMS_ERR_DEVICE_AUTH', `ONVIF ${where}: HTTP ${status}, credentials rejected`);
  if (!isEnvelope) {
    const what = xml.trim() !== '' && parseXml(xml) === undefined ? 'not well-formed XML' : 'not a SOAP envelope';
    throw new VmsError('VMS_ERR_DEVICE_PROTOCOL', `ONVIF ${where}: HTTP ${status}, reply is ${what}`);
  }
  if (status < 200 || status >= 300) throw new VmsError('VMS_ERR_DEVICE_PROTOCOL', `ONVIF ${where}: HTTP ${status}`);
}

/** Maps a SOAP fault: credential subcodes become DEVICE_AUTH, anything else DEVICE_PROTOCOL. */
function faultError(where: string, status: number, fault: unknown): VmsError {
  const codes: string[] = [];
  for (let code = child(fault, 'Code'); code !== undefined; code = child(code, 'Subcode')) {
    const value = text(child(code, 'Value'));
    if (value) codes.push(localName(value));
  }
  // Older firmware answers with SOAP 1.1 faults even to SOAP 1.2 requests.
  const legacyCode = text(child(fault, 'faultcode'));
  if (legacyCode) codes.push(localName(legacyCode));
  const reason =
    children(child(fault, 'Reason'), 'Text').map(text).find(Boolean) ??
    text(child(fault, 'faultstring')) ??
    'no reason given';
  const detail = `ONVIF ${where}: SOAP fault ${codes.join('/') || '(no code)'} (HTTP ${status}): ${reason}`;
  const isAuth = codes.some((c) => AUTH_SUBCODES.has(c)) || status === 401 || status === 403;
  return new VmsError(isAuth ? 'VMS_ERR_DEVICE_AUTH' : 'VMS_ERR_DEVICE_PROTOCOL', detail, { cause: new SoapFault(codes, reason) });
}
