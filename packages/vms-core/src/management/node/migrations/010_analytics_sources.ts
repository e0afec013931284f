import type { Migration } from '../../../base/node/sqlite';

/**
 * Analytics sources (issue 6): the outside analytics systems allowed to post events to
 * POST /api/analytics-events (events/common/analyticsEvent.ts).
 *
 * `allowed_addresses` is a JSON array of IPv4 addresses or CIDR blocks (empty: any address,
 * allowed only with a token). `token_hash` is the SHA-256 of the shared token, hex; the token
 * itself is never stored or returned. `camera_id` names the camera the analytics watch; no
 * foreign key, as for rules: deleting the camera leaves the source working, its events then
 * visible only to those who manage configuration.
 */
export const m010AnalyticsSources: Migration = {
  version: 10,
  name: 'analytics_sources',
  sql: `
CREATE TABLE analytics_source (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  description TEXT NOT NULL DEFAULT '',
  allowed_addresses TEXT NOT NULL,
  token_hash TEXT,
  camera_id TEXT,
  max_events_per_second INTEGER NOT NULL,
  enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
`,
};
