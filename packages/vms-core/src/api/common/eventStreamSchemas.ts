import { Type } from 'typebox';
import type { Static } from 'typebox';
import { EVENT_TYPES } from '../../events/common/vmsEvent';
import { EVENT_STREAM_LIMITS } from '../../events/common/eventStreamFilter';

/**
 * The live event stream, `GET /api/events/stream` (WebSocket; docs/design/events-and-rules.md,
 * "Live event stream"). Every event raised on the event server, as it happens, to each client
 * only when its user may see it (events/common/eventVisibility.ts), narrowed by the client's
 * filter. The client's first text message is EventStreamAuth; then the site sends
 * EventStreamMessage objects, one per text message. A socket is not a request/response
 * operation, so the OpenAPI document describes it under the top-level `x-websockets`
 * (EVENT_STREAM_OPENAPI below) with these schemas.
 */

export const EVENT_STREAM_CLOSE = {
  /** No valid auth message within 5 s, or the sign-in behind the socket ended: sign in again. */
  unauthenticated: 4401,
  /** The auth message's filter or afterId was not valid (the close reason names the field). */
  badRequest: 4400,
  /** The client read too slowly and events piled up: reconnect with afterId to resume (1013: try again later). */
  tooSlow: 1013,
} as const;

export const EventStreamFilterSchema = Type.Object({
  types: Type.Optional(Type.Array(Type.Enum([...EVENT_TYPES]), { minItems: 1, description: 'event types wanted; absent: any' })),
  sourceIds: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: EVENT_STREAM_LIMITS.maxIdLength }), {
    minItems: 1, maxItems: EVENT_STREAM_LIMITS.maxSourceIds,
    description: 'source ids wanted (cameras, inputs, outputs, hardware, storages, recording servers, user-defined and generic events, analytics sources); absent: any',
  })),
}, { additionalProperties: false });

export const EventStreamAuthSchema = Type.Object({
  type: Type.Literal('auth'),
  accessToken: Type.String({ minLength: 1, maxLength: 200, description: 'the bearer token of POST /api/login or /api/token/refresh' }),
  filter: Type.Optional(EventStreamFilterSchema),
  afterId: Type.Optional(Type.Integer({ minimum: 0, description: 'first replay the events after this id the site still holds in memory (the last 10,000), e.g. after a reconnect' })),
}, { additionalProperties: false });

/** Replaces the filter at any time; answered with "subscribed", or "error" (the old filter stays). */
export const EventStreamSubscribeSchema = Type.Object({
  type: Type.Literal('subscribe'),
  filter: EventStreamFilterSchema,
}, { additionalProperties: false });

const DateTime = Type.String({ format: 'date-time' });
const Box = Type.Object({ x: Type.Number(), y: Type.Number(), width: Type.Number(), height: Type.Number() });

export const StreamedEventSchema = Type.Object({
  id: Type.Integer({ description: 'increasing per site process; use as afterId to resume' }),
  type: Type.Enum([...EVENT_TYPES]),
  at: DateTime,
  source: Type.Object({ kind: Type.String(), id: Type.String(), name: Type.Optional(Type.String()) }),
  definitionId: Type.Optional(Type.String()),
  severity: Type.Enum(['information', 'warning', 'error']),
  message: Type.String(),
  code: Type.Optional(Type.String()),
  data: Type.Optional(Type.Record(Type.String(), Type.String())),
  analytics: Type.Optional(Type.Object({
    ruleName: Type.String(),
    objects: Type.Array(Type.Object({ type: Type.String(), confidence: Type.Optional(Type.Number()), boundingBox: Type.Optional(Box) })),
    locations: Type.Array(Type.Object({ name: Type.String(), latitude: Type.Optional(Type.Number()), longitude: Type.Optional(Type.Number()) })),
    description: Type.Optional(Type.String()),
    reportedAt: Type.Optional(DateTime),
  })),
  cause: Type.Optional(Type.Object({ ruleIds: Type.Array(Type.String()) }, { description: 'the rules that raised it; sent to users who may manage configuration' })),
});

export const EventStreamMessageSchema = Type.Union([
  Type.Object({ type: Type.Literal('hello'), serverTime: DateTime, lastEventId: Type.Integer({ description: 'the newest event id now (0: none yet)' }), filter: EventStreamFilterSchema }),
  Type.Object({ type: Type.Literal('event'), event: StreamedEventSchema }),
  Type.Object({ type: Type.Literal('subscribed'), filter: EventStreamFilterSchema }),
  Type.Object({ type: Type.Literal('error'), code: Type.String(), message: Type.String(), field: Type.Optional(Type.String()) }),
]);

export type EventStreamAuth = Static<typeof EventStreamAuthSchema>;
export type EventStreamSubscribe = Static<typeof EventStreamSubscribeSchema>;
export type StreamedEvent = Static<typeof StreamedEventSchema>;
export type EventStreamMessage = Static<typeof EventStreamMessageSchema>;

/** The stream as the OpenAPI document's `x-websockets` describes it. */
export const EVENT_STREAM_OPENAPI = {
  '/api/events/stream': {
    summary: 'Live event stream: every event the caller may see, as it is raised',
    description:
      'WebSocket (ws:// or wss://, no bearer header: browsers cannot set one). Send EventStreamAuth as the first text message ' +
      'within 5 s; the site answers "hello" and then one "event" message per event raised on the event server that passes the ' +
      'filter and that the user may see: camera events with some right on the camera (as listEvents), user-defined events with ' +
      'manage configuration or the live right on some camera, analytics events of a source watching a camera with a right on it, ' +
      'all other events (storages, servers, generic and analytics events) with manage configuration. Rights are re-read when roles ' +
      'change and every 5 s. Send "subscribe" to change the filter. Close codes: 4401 not signed in or session ended, ' +
      '4400 bad auth message, 1013 the client read too slowly (more than 1 MiB unsent): reconnect with afterId = the last id received.',
    clientMessages: { auth: EventStreamAuthSchema, subscribe: EventStreamSubscribeSchema },
    serverMessages: EventStreamMessageSchema,
    closeCodes: EVENT_STREAM_CLOSE,
  },
} as const;
