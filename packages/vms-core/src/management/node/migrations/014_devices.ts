import type { Migration } from '../../../base/node/sqlite';

/**
 * The hardware's devices other than cameras (issue 5; management/common/device.ts,
 * docs/design/devices.md): microphones, speakers, metadata, digital inputs and relay outputs,
 * in one table since they share everything but their settings (JSON per kind).
 *
 * `device_key` is stable within the hardware and kind (the ONVIF token; 'audio' for an RTSP
 * camera's audio track). `reported_name` is the name the device gave at its last probe, so
 * "update hardware" can say when the device renamed one. Hardware added before this migration
 * learns its devices at its next refresh (updateHardware): a probe cannot run inside a migration.
 *
 * Numbered 14: 12 went to closed-alarm retention and 13 is taken by view groups and client profiles.
 */
export const m014Devices: Migration = {
  version: 14,
  name: 'devices',
  sql: `
CREATE TABLE device (
  id TEXT PRIMARY KEY,
  hardware_id TEXT NOT NULL REFERENCES hardware (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('microphone', 'speaker', 'metadata', 'input', 'output')),
  device_key TEXT NOT NULL,
  name TEXT NOT NULL,
  enabled INTEGER NOT NULL DEFAULT 1,
  device_group TEXT NOT NULL DEFAULT '',
  settings TEXT NOT NULL DEFAULT '{}',
  reported_name TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  UNIQUE (hardware_id, kind, device_key)
);
`,
};
