/**
 * Reading XML with its namespace declarations kept, for the few ONVIF values that are QNames
 * inside text: an event's topic ("tns1:Device/Trigger/DigitalInput") means what its prefix is
 * declared as, and devices pick their own prefixes. xml.ts drops prefixes, which is right for
 * element names and wrong for these. Also re-writes an element with every namespace it may
 * use declared on it, so a subscription's reference parameters can be echoed back as SOAP
 * headers outside the envelope they came in.
 */
import { XMLBuilder } from 'fast-xml-parser';
import { deviceXmlParser, isNode, parseXml } from './xml';

/** Prefix → namespace URI in scope at an element ('' for the default namespace). */
export type NamespaceScope = ReadonlyMap<string, string>;

export interface XmlElement {
  /** The qualified name as written ("wsnt:Topic"). */
  name: string;
  /** What the parser made of the element: a string for text-only elements, else an object. */
  node: unknown;
  scope: NamespaceScope;
}

const parser = deviceXmlParser({ keepPrefixes: true });

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  suppressEmptyNode: true,
  // Its default writes an attribute valued "true" bare, which is HTML, not XML.
  suppressBooleanAttributes: false,
  processEntities: true,
});

/**
 * The document as an element above its root, or undefined if the text is not well-formed XML or
 * the parser refuses it (it throws on element names such as "constructor" that well-formed XML
 * allows): the text comes from devices, and each caller says what unreadable means to it.
 */
export function parseNamespacedXml(xml: string): XmlElement | undefined {
  const node = parseXml(xml, parser);
  return node ? { name: '', node, scope: new Map() } : undefined;
}

export const localName = (qualified: string): string => qualified.slice(qualified.indexOf(':') + 1);

function declaredIn(node: unknown, parent: NamespaceScope): NamespaceScope {
  if (!isNode(node)) return parent;
  let scope: Map<string, string> | undefined;
  for (const [key, value] of Object.entries(node)) {
    if (key !== '@_xmlns' && !key.startsWith('@_xmlns:')) continue;
    scope ??= new Map(parent);
    scope.set(key === '@_xmlns' ? '' : key.slice('@_xmlns:'.length), String(value));
  }
  return scope ?? parent;
}

/** Child elements of any prefix whose local name is `local`; every child element when omitted. */
export function elements(parent: XmlElement | undefined, local?: string): XmlElement[] {
  if (!parent || !isNode(parent.node)) return [];
  const out: XmlElement[] = [];
  for (const [key, value] of Object.entries(parent.node)) {
    if (key.startsWith('@_') || key === '#text' || key.startsWith('?')) continue;
    if (local !== undefined && localName(key) !== local) continue;
    for (const item of Array.isArray(value) ? (value as unknown[]) : [value]) {
      out.push({ name: key, node: item, scope: declaredIn(item, parent.scope) });
    }
  }
  return out;
}

/** The first child element along a path of local names. */
export function element(parent: XmlElement | undefined, ...path: string[]): XmlElement | undefined {
  let current = parent;
  for (const local of path) current = elements(current, local)[0];
  return current;
}

export function elementText(el: XmlElement | undefined): string | undefined {
  if (!el) return undefined;
  if (typeof el.node === 'string') return el.node;
  return isNode(el.node) && typeof el.node['#text'] === 'string' ? el.node['#text'] : undefined;
}

/** An attribute by its local name (devices qualify some attributes and not others). */
export function elementAttribute(el: XmlElement | undefined, local: string): string | undefined {
  if (!el || !isNode(el.node)) return undefined;
  for (const [key, value] of Object.entries(el.node)) {
    if (key.startsWith('@_') && !key.startsWith('@_xmlns') && localName(key.slice(2)) === local && typeof value === 'string') return value;
  }
  return undefined;
}

/**
 * A QName written in text ("tns1:Device"), resolved: its namespace URI (undefined when the
 * prefix is not declared) and local part. Unprefixed names take the default namespace.
 */
export function resolveQName(qname: string, scope: NamespaceScope): { namespace: string | undefined; local: string; prefix: string } {
  const colon = qname.indexOf(':');
  const prefix = colon < 0 ? '' : qname.slice(0, colon);
  return { namespace: scope.get(prefix), local: qname.slice(colon + 1), prefix };
}

/**
 * The element as XML that stands on its own: every namespace in scope where it sat is declared
 * on it (unused ones are harmless), plus any `extraAttributes` (qualified names, with values).
 */
export function serializeElement(el: XmlElement, extraAttributes: Record<string, string> = {}): string {
  const body: Record<string, unknown> = typeof el.node === 'string' ? { '#text': el.node } : isNode(el.node) ? { ...el.node } : {};
  for (const [prefix, uri] of el.scope) {
    const key = prefix === '' ? '@_xmlns' : `@_xmlns:${prefix}`;
    if (!(key in body)) body[key] = uri;
  }
  for (const [name, value] of Object.entries(extraAttributes)) body[`@_${name}`] = value;
  return builder.build({ [el.name]: body }) as string;
}
