/**
 * Synthetic alarms for the alarm list benchmark, written straight into a site's DATA/alarms.db
 * through AlarmStore (the API would take minutes for 100,000), while the site runs: SQLite in
 * WAL mode lets the site read what this process commits.
 */
import { randomInt } from 'node:crypto';
import { AlarmStore } from '../../packages/vms-core/src/alarms/node/alarmStore';
import type { AlarmState } from '../../packages/vms-core/src/alarms/common/alarm';

export interface FillDefinition {
  id: string;
  name: string;
  category: string;
}

/**
 * How alarms end up on a site that has run a while: most closed, some being handled, a few new.
 * Priorities lean to the middle, as administrators keep 1 for the few that matter.
 */
const STATES: [AlarmState, number][] = [['closed', 0.7], ['inProgress', 0.12], ['onHold', 0.08], ['new', 0.1]];
const PRIORITIES: [number, number][] = [[1, 0.05], [2, 0.15], [3, 0.4], [4, 0.25], [5, 0.15]];

function pick<T>(weights: [T, number][]): T {
  let r = Math.random();
  for (const [value, w] of weights) {
    if ((r -= w) < 0) return value;
  }
  return weights.at(-1)![0];
}

const DAY = 24 * 3600_000;

/**
 * Adds `count` alarms raised over the `days` before `now`, in time order, spread over the
 * definitions and four cameras, with the state mix above (set by SQL: the state machine's
 * history rows are not what the list reads). Returns the milliseconds the writes took.
 */
export function fillAlarms(path: string, definitions: FillDefinition[], count: number, now: number, days: number, assignees: string[]): number {
  const t0 = performance.now();
  const store = new AlarmStore(path);
  try {
    const times = Array.from({ length: count }, () => now - randomInt(days * DAY)).sort((a, b) => a - b);
    const setState = store.db.prepare('UPDATE alarm SET state = ?, assignee_id = ?, closed_at = ? WHERE id = ?');
    const batch = store.db.transaction((from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const def = definitions[i % definitions.length]!;
        const camera = `camera-${i % 4}`;
        const at = times[i]!;
        const alarm = store.insert({
          definitionId: def.id, definitionName: def.name, raisedAt: at, priority: pick(PRIORITIES), category: def.category,
          source: { kind: 'camera', id: camera, name: `Camera ${i % 4}` },
          event: { id: i + 1, type: 'motionStarted', at, message: `motion on Camera ${i % 4}` },
          relatedCameraIds: [camera], instructions: 'Look at the camera; call the guard if someone is there.', sound: 'chime',
        }, at);
        const state = pick(STATES);
        if (state !== 'new') setState.run(state, state === 'closed' || randomInt(2) ? assignees[i % assignees.length] ?? null : null, state === 'closed' ? at + 60_000 : null, alarm.id);
      }
    });
    for (let i = 0; i < count; i += 5000) batch(i, Math.min(count, i + 5000));
  } finally {
    store.close();
  }
  return performance.now() - t0;
}
