import { Type } from 'typebox';
import type { Static } from 'typebox';
import { ANALYTICS_LIMITS } from '../../events/common/analyticsEvent';
import { DEFINED_EVENT_LIMITS } from '../../events/common/definedEvents';

/** Shapes of analytics events over HTTP and of the analytics sources they are accepted from (issue 6). */

const L = ANALYTICS_LIMITS;
const DateTime = Type.String({ format: 'date-time' });
const Text = (description: string) => Type.String({ minLength: 1, maxLength: L.maxTextLength, description });
const Fraction = Type.Number({ minimum: 0, maximum: 1 });

export const AnalyticsEventRequest = Type.Object({
  source: Text('the analytics source, as configured on the site (its name, case-insensitive, or id)'),
  ruleName: Text('the analytics rule that fired ("Loitering", "Line crossing north"); rules and alarm definitions can trigger on it'),
  time: Type.Optional(Type.String({ description: 'when it happened, ISO 8601 (kept as reportedAt; the event\'s time is when the site received it)' })),
  description: Type.Optional(Type.String({ maxLength: L.maxDescriptionLength })),
  objects: Type.Optional(Type.Array(Type.Object({
    type: Text('what was detected: person, car...'),
    confidence: Type.Optional(Fraction),
    boundingBox: Type.Optional(Type.Object({ x: Fraction, y: Fraction, width: Fraction, height: Fraction }, {
      additionalProperties: false, description: 'in fractions of the picture, origin top left',
    })),
  }, { additionalProperties: false }), { maxItems: L.maxObjects })),
  locations: Type.Optional(Type.Array(Type.Object({
    name: Text('a named place: "Entrance", "Fence north"'),
    latitude: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    longitude: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
  }, { additionalProperties: false }), { maxItems: L.maxLocations })),
}, { additionalProperties: false });

export const ANALYTICS_XML_EXAMPLE = '<AnalyticsEvent><Source>Lobby VCA</Source><RuleName>Loitering</RuleName><Time>2026-01-04T10:00:00Z</Time>' +
  '<Objects><Object><Type>person</Type><Confidence>0.9</Confidence><BoundingBox X="0.1" Y="0.2" Width="0.3" Height="0.4"/></Object></Objects>' +
  '<Locations><Location><Name>Entrance</Name><Latitude>55.68</Latitude><Longitude>12.57</Longitude></Location></Locations></AnalyticsEvent>';

export const AnalyticsEventAccepted = Type.Object({
  eventId: Type.Integer({ description: 'the analytics event raised on the event server' }),
  at: DateTime,
});

export const analyticsSourceFields = {
  name: Type.String({ minLength: 1, maxLength: DEFINED_EVENT_LIMITS.nameMaxLength, description: 'what the analytics system sends as source' }),
  description: Type.String({ maxLength: DEFINED_EVENT_LIMITS.descriptionMaxLength }),
  allowedAddresses: Type.Array(Type.String(), { maxItems: L.maxAllowedAddresses, description: 'IPv4 addresses or CIDR blocks events may come from; empty: any address (then a token is required)' }),
  cameraId: Type.String({ description: 'the camera the analytics watch: its viewers see the events on the live event stream, and rules may act on "the event\'s camera"' }),
  maxEventsPerSecond: Type.Integer({ minimum: 1, maximum: L.maxEventsPerSecond, description: 'more are refused (429) and the flood logged once (default 20)' }),
  enabled: Type.Boolean(),
  token: Type.String({ minLength: L.minTokenLength, maxLength: L.maxTokenLength, description: 'a shared secret the source sends in X-Analytics-Token; stored hashed, never returned' }),
};

export const AnalyticsSourceSchema = Type.Object({
  id: Type.String(), name: Type.String(), description: Type.String(), allowedAddresses: Type.Array(Type.String()),
  cameraId: Type.Optional(Type.String()), maxEventsPerSecond: Type.Integer(), enabled: Type.Boolean(),
  hasToken: Type.Boolean({ description: 'whether events must carry the token in X-Analytics-Token' }),
  createdAt: DateTime, updatedAt: DateTime,
  usedBy: Type.Array(Type.String(), { description: 'names of the rules triggered by its events' }),
});

export const CreateAnalyticsSourceRequest = Type.Object({
  name: analyticsSourceFields.name, description: Type.Optional(analyticsSourceFields.description), allowedAddresses: Type.Optional(analyticsSourceFields.allowedAddresses),
  cameraId: Type.Optional(analyticsSourceFields.cameraId), maxEventsPerSecond: Type.Optional(analyticsSourceFields.maxEventsPerSecond), enabled: Type.Optional(analyticsSourceFields.enabled),
  token: Type.Optional(analyticsSourceFields.token),
}, { additionalProperties: false });

export const UpdateAnalyticsSourceRequest = Type.Object({
  name: Type.Optional(analyticsSourceFields.name), description: Type.Optional(analyticsSourceFields.description), allowedAddresses: Type.Optional(analyticsSourceFields.allowedAddresses),
  // One schema with both types, not a union: the validator would coerce null into the string branch ("").
  cameraId: Type.Optional(Type.Unsafe<string | null>({ type: ['string', 'null'], description: 'the camera the analytics watch; null: none' })),
  maxEventsPerSecond: Type.Optional(analyticsSourceFields.maxEventsPerSecond), enabled: Type.Optional(analyticsSourceFields.enabled),
  token: Type.Optional(Type.Union([analyticsSourceFields.token, Type.Null()], { description: 'a new token; null: none (then allowedAddresses must list addresses)' })),
}, { additionalProperties: false });

export const AnalyticsSourceParams = Type.Object({ analyticsSourceId: Type.String() });

export type AnalyticsEventBody = Static<typeof AnalyticsEventRequest>;
export type AnalyticsSourceBody = Static<typeof AnalyticsSourceSchema>;
export type CreateAnalyticsSourceBody = Static<typeof CreateAnalyticsSourceRequest>;
export type UpdateAnalyticsSourceBody = Static<typeof UpdateAnalyticsSourceRequest>;
