/**
 * Analytics events over HTTP (POST /api/analytics-events): what an outside video analytics
 * system reports (its source, the analytics rule that fired, the objects it saw and where),
 * and the analytics sources the site accepts them from. Pure: the body is checked here,
 * whichever format (JSON or XML) it came in, so a problem names the same field either way.
 */
import type { FieldProblem } from './definedEvents';
import { isAllowedAddressEntry, nameProblem } from './definedEvents';
import type { AnalyticsLocation, AnalyticsObject } from './vmsEvent';

export const ANALYTICS_LIMITS = {
  /** A request body larger than this is refused (413) before it is parsed. */
  maxBodyBytes: 64 * 1024,
  maxObjects: 100,
  maxLocations: 20,
  maxTextLength: 200,
  maxDescriptionLength: 1000,
  maxAllowedAddresses: 50,
  maxEventsPerSecond: 1000,
  minTokenLength: 16,
  maxTokenLength: 200,
} as const;

/** An outside analytics system allowed to send events, as configured. */
export interface AnalyticsSourceConfig {
  /** What the system sends as `source` (matched case-insensitively; the id works too). */
  name: string;
  description: string;
  /** IPv4 addresses or CIDR blocks the events may come from; empty: any address, which needs a token. */
  allowedAddresses: string[];
  /** The camera the analytics watch: its viewers see the events, and rules may act on "the event's camera". */
  cameraId?: string;
  /** Events beyond this many a second are refused (429) and the flood logged once. */
  maxEventsPerSecond: number;
  enabled: boolean;
}

export interface AnalyticsSource extends AnalyticsSourceConfig {
  id: string;
  /** Whether a shared token is required (sent as X-Analytics-Token); the token itself is never returned. */
  hasToken: boolean;
  createdAt: number;
  updatedAt: number;
}

export const defaultAnalyticsSource: Omit<AnalyticsSourceConfig, 'name'> = { description: '', allowedAddresses: [], maxEventsPerSecond: 20, enabled: true };

/** A received analytics event, checked. */
export interface AnalyticsEventReport {
  source: string;
  ruleName: string;
  objects: AnalyticsObject[];
  locations: AnalyticsLocation[];
  description?: string;
  /** ms, when the body gave a time. */
  time?: number;
}

export function analyticsSourceProblem(s: AnalyticsSourceConfig & { hasToken: boolean }, cameraIds: ReadonlySet<string>): FieldProblem | undefined {
  const named = nameProblem(s.name, s.description);
  if (named) return named;
  if (s.allowedAddresses.length > ANALYTICS_LIMITS.maxAllowedAddresses) return { field: 'allowedAddresses', message: `at most ${ANALYTICS_LIMITS.maxAllowedAddresses} entries` };
  const bad = s.allowedAddresses.findIndex((a) => !isAllowedAddressEntry(a));
  if (bad >= 0) return { field: `allowedAddresses[${bad}]`, message: `"${s.allowedAddresses[bad]}" is not an IPv4 address or CIDR block` };
  if (s.allowedAddresses.length === 0 && !s.hasToken) {
    return { field: 'allowedAddresses', message: 'list the addresses the events come from, or set a token: a source open to any address must prove who it is' };
  }
  if (s.cameraId !== undefined && !cameraIds.has(s.cameraId)) return { field: 'cameraId', message: `camera ${s.cameraId} does not exist` };
  if (!Number.isInteger(s.maxEventsPerSecond) || s.maxEventsPerSecond < 1 || s.maxEventsPerSecond > ANALYTICS_LIMITS.maxEventsPerSecond) {
    return { field: 'maxEventsPerSecond', message: `1 to ${ANALYTICS_LIMITS.maxEventsPerSecond}` };
  }
  return undefined;
}

export function tokenProblem(token: string): FieldProblem | undefined {
  const L = ANALYTICS_LIMITS;
  return token.length < L.minTokenLength || token.length > L.maxTokenLength || !/^[\x21-\x7e]+$/.test(token)
    ? { field: 'token', message: `${L.minTokenLength} to ${L.maxTokenLength} printable characters without spaces` } : undefined;
}

type Parse<T> = { ok: true; value: T } | { ok: false; field: string; message: string };
const fail = (field: string, message: string): { ok: false; field: string; message: string } => ({ ok: false, field, message });
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function text(v: unknown, field: string, max: number, required: boolean): Parse<string | undefined> {
  if (v === undefined && !required) return { ok: true, value: undefined };
  if (typeof v !== 'string' || v.trim() === '' || v.length > max) return fail(field, `text of 1 to ${max} characters`);
  return { ok: true, value: v.trim() };
}

function number(v: unknown, field: string, min: number, max: number): Parse<number | undefined> {
  if (v === undefined) return { ok: true, value: undefined };
  return typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max ? { ok: true, value: v } : fail(field, `a number from ${min} to ${max}`);
}

function only(o: Record<string, unknown>, field: string, keys: readonly string[]): Parse<true> {
  const extra = Object.keys(o).find((k) => !keys.includes(k));
  return extra === undefined ? { ok: true, value: true } : fail(field ? `${field}.${extra}` : extra, `not a field here; expected ${keys.join(', ')}`);
}

function parseObject(raw: unknown, field: string): Parse<AnalyticsObject> {
  if (!isRecord(raw)) return fail(field, 'an object with type, and optionally confidence and boundingBox');
  const keys = only(raw, field, ['type', 'confidence', 'boundingBox']);
  if (!keys.ok) return keys;
  const type = text(raw.type, `${field}.type`, ANALYTICS_LIMITS.maxTextLength, true);
  if (!type.ok) return type;
  const confidence = number(raw.confidence, `${field}.confidence`, 0, 1);
  if (!confidence.ok) return confidence;
  const out: AnalyticsObject = { type: type.value!, ...(confidence.value !== undefined ? { confidence: confidence.value } : {}) };
  if (raw.boundingBox === undefined) return { ok: true, value: out };
  const b = raw.boundingBox;
  const bf = `${field}.boundingBox`;
  if (!isRecord(b)) return fail(bf, 'x, y, width and height in fractions of the picture (0 to 1)');
  const bk = only(b, bf, ['x', 'y', 'width', 'height']);
  if (!bk.ok) return bk;
  const box: Record<string, number> = {};
  for (const k of ['x', 'y', 'width', 'height'] as const) {
    const n = number(b[k], `${bf}.${k}`, 0, 1);
    if (!n.ok) return n;
    if (n.value === undefined) return fail(`${bf}.${k}`, 'a number from 0 to 1');
    box[k] = n.value;
  }
  if (box.x! + box.width! > 1 + 1e-9 || box.y! + box.height! > 1 + 1e-9) return fail(bf, 'the box must lie inside the picture (x + width and y + height at most 1)');
  return { ok: true, value: { ...out, boundingBox: { x: box.x!, y: box.y!, width: box.width!, height: box.height! } } };
}

function parseLocation(raw: unknown, field: string): Parse<AnalyticsLocation> {
  if (!isRecord(raw)) return fail(field, 'an object with name, and optionally latitude and longitude');
  const keys = only(raw, field, ['name', 'latitude', 'longitude']);
  if (!keys.ok) return keys;
  const name = text(raw.name, `${field}.name`, ANALYTICS_LIMITS.maxTextLength, true);
  if (!name.ok) return name;
  const lat = number(raw.latitude, `${field}.latitude`, -90, 90);
  if (!lat.ok) return lat;
  const lon = number(raw.longitude, `${field}.longitude`, -180, 180);
  if (!lon.ok) return lon;
  if ((lat.value === undefined) !== (lon.value === undefined)) return fail(field, 'give both latitude and longitude, or neither');
  return { ok: true, value: { name: name.value!, ...(lat.value !== undefined ? { latitude: lat.value, longitude: lon.value! } : {}) } };
}

function list<T>(raw: unknown, field: string, max: number, item: (v: unknown, f: string) => Parse<T>): Parse<T[]> {
  if (raw === undefined) return { ok: true, value: [] };
  if (!Array.isArray(raw) || raw.length > max) return fail(field, `a list of at most ${max}`);
  const out: T[] = [];
  for (const [i, v] of raw.entries()) {
    const p = item(v, `${field}[${i}]`);
    if (!p.ok) return p;
    out.push(p.value);
  }
  return { ok: true, value: out };
}

/** Checks a body (JSON as sent, or XML turned into the same shape by analyticsXml.ts). */
export function parseAnalyticsEvent(raw: unknown): Parse<AnalyticsEventReport> {
  const L = ANALYTICS_LIMITS;
  if (!isRecord(raw)) return fail('', 'an analytics event object: source, ruleName, objects, locations');
  const keys = only(raw, '', ['source', 'ruleName', 'objects', 'locations', 'description', 'time']);
  if (!keys.ok) return keys;
  const source = text(raw.source, 'source', L.maxTextLength, true);
  if (!source.ok) return source;
  const ruleName = text(raw.ruleName, 'ruleName', L.maxTextLength, true);
  if (!ruleName.ok) return ruleName;
  const description = text(raw.description, 'description', L.maxDescriptionLength, false);
  if (!description.ok) return description;
  let time: number | undefined;
  if (raw.time !== undefined) {
    time = typeof raw.time === 'string' ? Date.parse(raw.time) : Number.NaN;
    if (Number.isNaN(time)) return fail('time', 'an ISO 8601 date-time');
  }
  const objects = list(raw.objects, 'objects', L.maxObjects, parseObject);
  if (!objects.ok) return objects;
  const locations = list(raw.locations, 'locations', L.maxLocations, parseLocation);
  if (!locations.ok) return locations;
  return {
    ok: true,
    value: {
      source: source.value!, ruleName: ruleName.value!, objects: objects.value, locations: locations.value,
      ...(description.value !== undefined ? { description: description.value } : {}), ...(time !== undefined ? { time } : {}),
    },
  };
}

/** The event's one-line message: "Lobby VCA: Loitering (2 person, 1 car)". */
export function analyticsMessage(sourceName: string, r: Pick<AnalyticsEventReport, 'ruleName' | 'objects'>): string {
  const counts = new Map<string, number>();
  for (const o of r.objects) counts.set(o.type, (counts.get(o.type) ?? 0) + 1);
  const objects = [...counts].map(([t, n]) => `${n} ${t}`).join(', ');
  return `${sourceName}: ${r.ruleName}${objects ? ` (${objects})` : ''}`;
}
