/**
 * The XML form of an analytics event, turned into the shape of the JSON form so one check
 * (parseAnalyticsEvent) serves both:
 *
 *   <AnalyticsEvent>
 *     <Source>Lobby VCA</Source> <RuleName>Loitering</RuleName> <Time>2026-01-04T10:00:00Z</Time>
 *     <Objects><Object><Type>person</Type><Confidence>0.9</Confidence>
 *       <BoundingBox X="0.1" Y="0.2" Width="0.3" Height="0.4"/></Object></Objects>
 *     <Locations><Location><Name>Entrance</Name></Location></Locations>
 *   </AnalyticsEvent>
 *
 * Element and attribute names map to the JSON fields with their first letter in lower case
 * (an attribute is read as a child element, so either style works), namespace prefixes are
 * dropped, and the fields that are numbers in JSON are read as numbers. A DOCTYPE is refused
 * outright: an analytics event has no use for one, and entity declarations are how XML bodies
 * blow up memory.
 */
import { child, isNode, parseXml } from '../../devices/node/onvif/xml';

const NUMBERS = new Set(['confidence', 'x', 'y', 'width', 'height', 'latitude', 'longitude']);
/** Containers whose repeated children become a JSON list. */
const LISTS: Record<string, string> = { objects: 'object', locations: 'location' };

export type XmlParse = { ok: true; value: unknown } | { ok: false; message: string };

const camel = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);

function leaf(key: string, value: string): unknown {
  if (!NUMBERS.has(key)) return value;
  const n = Number(value);
  // Left as text when it is not a number, so the check says which field is wrong.
  return value.trim() !== '' && Number.isFinite(n) ? n : value;
}

function convert(key: string, node: unknown): unknown {
  if (Array.isArray(node)) return node.map((n) => convert(key, n));
  if (typeof node === 'string') return leaf(key, node);
  if (!isNode(node)) return node;
  if (LISTS[key] !== undefined) {
    const items = Object.entries(node).filter(([k]) => !k.startsWith('@_'));
    const wrong = items.find(([k]) => camel(k) !== LISTS[key]);
    if (wrong) return { [camel(wrong[0])]: 'unexpected element' };
    const inner = items[0]?.[1];
    return inner === undefined ? [] : ([] as unknown[]).concat(inner).map((n) => convert(LISTS[key]!, n));
  }
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(node)) {
    if (name === '#text' || name.startsWith('@_xmlns')) continue;
    const field = camel(name.startsWith('@_') ? name.slice(2) : name);
    out[field] = convert(field, value);
  }
  return out;
}

export function analyticsEventFromXml(xml: string): XmlParse {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) return { ok: false, message: 'DOCTYPE and entity declarations are not accepted' };
  const doc = parseXml(xml);
  if (!doc) return { ok: false, message: 'the body is not well-formed XML' };
  const roots = Object.keys(doc).filter((k) => !k.startsWith('?'));
  if (roots.length !== 1 || roots[0] !== 'AnalyticsEvent') return { ok: false, message: 'the root element must be <AnalyticsEvent>' };
  const root = child(doc, 'AnalyticsEvent');
  // <AnalyticsEvent/> parses as an empty string: an event without fields.
  return { ok: true, value: convert('analyticsEvent', isNode(root) ? root : {}) };
}
