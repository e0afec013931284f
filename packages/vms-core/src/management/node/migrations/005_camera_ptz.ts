import type { Migration } from '../../../base/node/sqlite';

/**
 * Whether each camera can be steered: the driver's PTZ description as JSON (ONVIF: the media
 * profile whose PTZ configuration takes commands, and which axes it moves), NULL for a fixed
 * camera. Cameras added before this migration count as fixed until their hardware is probed
 * again (updateHardware); a probe cannot run inside a migration.
 */
export const m005CameraPtz: Migration = {
  version: 5,
  name: 'camera_ptz',
  sql: `
ALTER TABLE camera ADD COLUMN ptz TEXT;
`,
};
