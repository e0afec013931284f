/**
 * XML plumbing shared by the simulated ONVIF services: envelopes, faults and a tolerant parser
 * that drops namespace prefixes (clients use whatever prefixes they like, as real devices allow).
 */
import { isNode, parseXml } from '../../../src/devices/node/onvif/xml';
import type { XmlNode } from '../../../src/devices/node/onvif/xml';

export const NS = {
  env: 'http://www.w3.org/2003/05/soap-envelope',
  tds: 'http://www.onvif.org/ver10/device/wsdl',
  trt: 'http://www.onvif.org/ver10/media/wsdl',
  tptz: 'http://www.onvif.org/ver20/ptz/wsdl',
  tmd: 'http://www.onvif.org/ver10/deviceIO/wsdl',
  tt: 'http://www.onvif.org/ver10/schema',
  ter: 'http://www.onvif.org/ver10/error',
  wsa: 'http://schemas.xmlsoap.org/ws/2004/08/addressing',
  wsd: 'http://schemas.xmlsoap.org/ws/2005/04/discovery',
  dn: 'http://www.onvif.org/ver10/network/wsdl',
} as const;

const namespaceDeclarations = Object.entries(NS)
  .map(([prefix, uri]) => `xmlns:${prefix}="${uri}"`)
  .join(' ');

export function escapeXml(value: string | number | boolean): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

export function envelope(body: string, header = ''): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>` +
    `<env:Envelope ${namespaceDeclarations}>` +
    (header ? `<env:Header>${header}</env:Header>` : '') +
    `<env:Body>${body}</env:Body></env:Envelope>`
  );
}

export interface SoapFault {
  /** HTTP status the fault travels with; ONVIF uses 400 for sender faults, 500 for receiver. */
  status: number;
  code: 'env:Sender' | 'env:Receiver';
  subcodes: string[];
  reason: string;
}

export function faultEnvelope(fault: SoapFault): string {
  // Subcodes nest, outermost first, as in the ONVIF Core spec's fault table.
  const subcodes = fault.subcodes.reduceRight(
    (inner, value) => `<env:Subcode><env:Value>${value}</env:Value>${inner}</env:Subcode>`,
    '',
  );
  return envelope(
    `<env:Fault><env:Code><env:Value>${fault.code}</env:Value>${subcodes}</env:Code>` +
      `<env:Reason><env:Text xml:lang="en">${escapeXml(fault.reason)}</env:Text></env:Reason></env:Fault>`,
  );
}

export const notAuthorized = (status: number): SoapFault => ({
  status,
  code: 'env:Sender',
  subcodes: ['ter:NotAuthorized'],
  reason: 'Sender not Authorized',
});

export const invalidArgument = (subcode: string, reason: string): SoapFault => ({
  status: 400,
  code: 'env:Sender',
  subcodes: ['ter:InvalidArgVal', subcode],
  reason,
});

// Reading XML is the driver's (same parser settings both ways); the simulator adds SOAP faults.
export { isNode, parseXml };
export type { XmlNode };

export function child(node: unknown, name: string): unknown {
  return isNode(node) ? node[name] : undefined;
}

/** Text content of an element that may carry attributes (then the parser gives `#text`). */
export function text(node: unknown): string | undefined {
  if (typeof node === 'string') return node;
  if (isNode(node) && typeof node['#text'] === 'string') return node['#text'];
  return undefined;
}

/** The first element inside Body, i.e. the operation and its payload. */
export function bodyOperation(doc: XmlNode): { name: string; payload: unknown } | undefined {
  const body = child(child(doc, 'Envelope'), 'Body');
  if (!isNode(body)) return undefined;
  const name = Object.keys(body).find((key) => !key.startsWith('@_'));
  return name === undefined ? undefined : { name, payload: body[name] };
}
