/**
 * Reading ONVIF XML without a schema: namespace prefixes are dropped (devices use any prefixes
 * they like) and values stay strings (tokens such as "001" are not numbers). Accessors return
 * undefined rather than throwing, so each caller decides what a missing element means.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export type XmlNode = Record<string, unknown>;

/**
 * A parser for device XML; `keepPrefixes` for namespacedXml.ts, which needs them. URIs carry
 * &amp;; fast-xml-parser caps DOCTYPE entity expansion by default, which keeps a hostile device
 * from blowing up memory.
 */
export function deviceXmlParser(o: { keepPrefixes: boolean }): XMLParser {
  return new XMLParser({
    removeNSPrefix: !o.keepPrefixes,
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    processEntities: true,
  });
}

const parser = deviceXmlParser({ keepPrefixes: false });

/**
 * The document, or undefined if the text is not well-formed XML or the parser refuses it (it
 * throws on names such as "constructor" that well-formed XML allows). Callers read devices and
 * outside systems (analytics events), so none may see the parser's own errors.
 */
export function parseXml(xml: string, using: XMLParser = parser): XmlNode | undefined {
  if (xml.trim() === '' || XMLValidator.validate(xml) !== true) return undefined;
  let parsed: unknown;
  try {
    parsed = using.parse(xml);
  } catch {
    return undefined;
  }
  return isNode(parsed) ? parsed : undefined;
}

export function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Follows a path of element names; the first array element is taken when one repeats. */
export function child(node: unknown, ...path: string[]): unknown {
  let current = node;
  for (const name of path) {
    const first = Array.isArray(current) ? (current as unknown[])[0] : current;
    current = isNode(first) ? first[name] : undefined;
  }
  return current;
}

/** Elements that may occur once or many times come back as an array either way. */
export function children(node: unknown, name: string): unknown[] {
  const value = child(node, name);
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** Text of an element that may carry attributes (then the parser gives `#text`). */
export function text(node: unknown): string | undefined {
  const first = Array.isArray(node) ? (node as unknown[])[0] : node;
  if (typeof first === 'string') return first;
  if (isNode(first) && typeof first['#text'] === 'string') return first['#text'];
  return undefined;
}

export function attribute(node: unknown, name: string): string | undefined {
  const value = child(node, `@_${name}`);
  return typeof value === 'string' ? value : undefined;
}

export function integer(node: unknown): number | undefined {
  const value = text(node);
  if (value === undefined || !/^\s*-?\d+(\.\d+)?\s*$/.test(value)) return undefined;
  return Number(value);
}

export function escapeXml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
