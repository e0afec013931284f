import { Type } from 'typebox';
import type { Static } from 'typebox';
import { ALARM_STATES } from '../../alarms/common/alarm';
import { CONFIGURATION_RESOURCES } from './configurationResources';
import { CameraStatusSchema } from './schemas';
import { ViewSchema } from './viewSchemas';

/**
 * The site updates socket, `GET /api/updates` (WebSocket; docs/design/smart-client.md, "Site
 * updates socket"). The client's first text message is SiteUpdatesAuth; then the site sends
 * SiteUpdate messages, one JSON object per text message, each only to users entitled to it.
 * The socket is not in the OpenAPI document (it is not a request/response operation): these
 * schemas are its contract.
 */

/** Close codes: 4401 mirrors HTTP 401 (sign in again); the others are worth a reconnect. */
export const SITE_UPDATES_CLOSE = {
  /** No valid auth message within the first seconds, or the session ended (logout, user deleted). */
  unauthenticated: 4401,
  /** The client read too slowly and messages piled up: reconnect and refetch (1013: try again later). */
  tooSlow: 1013,
} as const;

export const SiteUpdatesAuthSchema = Type.Object({
  type: Type.Literal('auth'),
  accessToken: Type.String({ minLength: 1, maxLength: 200, description: 'the bearer token of POST /api/login or /api/token/refresh' }),
});

export const SiteUpdateSchema = Type.Union([
  Type.Object({ type: Type.Literal('hello'), serverTime: Type.String({ format: 'date-time' }) }),
  Type.Object({ type: Type.Literal('cameraStatus'), status: CameraStatusSchema }),
  /** Cameras were added, changed or removed, or the caller's rights changed: refetch the camera list. */
  Type.Object({ type: Type.Literal('camerasChanged') }),
  Type.Object({ type: Type.Literal('view'), action: Type.Literal('upserted'), view: ViewSchema }),
  /** Also sent when a view stops being visible to this user (it was made private by its owner). */
  Type.Object({ type: Type.Literal('view'), action: Type.Literal('deleted'), viewId: Type.String() }),
  /** "deleted" also when an edit moved the bookmark onto a camera this user may not see. */
  Type.Object({
    type: Type.Literal('bookmark'), action: Type.Enum(['created', 'updated', 'deleted']), bookmarkId: Type.String(), cameraIds: Type.Array(Type.String()),
  }),
  Type.Object({
    type: Type.Literal('evidenceLock'), action: Type.Enum(['created', 'extended', 'deleted']), lockId: Type.String(), cameraIds: Type.Array(Type.String()),
  }),
  /**
   * Configuration changed: refetch these resources. Sent to users who may manage configuration or
   * users; "viewGroups" and "clientProfiles" to every signed-in user (they shape every Smart Client).
   */
  Type.Object({ type: Type.Literal('configurationChanged'), resources: Type.Array(Type.Enum([...CONFIGURATION_RESOURCES])) }),
  /**
   * An alarm was raised or changed (state, assignee, comment, repeats), sent to the users it is
   * shown to: refetch it, or the list; a badge counts `state: new` (listAlarms?state=new&limit=0).
   */
  Type.Object({
    type: Type.Literal('alarm'), action: Type.Enum(['created', 'updated']), alarmId: Type.Integer(),
    state: Type.Enum([...ALARM_STATES]), priority: Type.Integer({ minimum: 1, maximum: 5 }),
  }),
  /**
   * An output was switched on its hardware (by a user, a rule or a pulse ending), sent to those
   * who see its device as listDevices decides: the state a device list shows for it.
   */
  Type.Object({
    type: Type.Literal('outputState'), deviceId: Type.String(), hardwareId: Type.String(), state: Type.Enum(['on', 'off']),
  }),
  Type.Object({
    type: Type.Literal('exportJob'), jobId: Type.String(),
    state: Type.Enum(['queued', 'running', 'done', 'failed', 'cancelled']),
    progress: Type.Number({ minimum: 0, maximum: 1 }),
  }),
]);

export type SiteUpdatesAuth = Static<typeof SiteUpdatesAuthSchema>;
export type SiteUpdate = Static<typeof SiteUpdateSchema>;
export type SiteUpdateType = SiteUpdate['type'];
