import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../base/common/clock';
import type { VmsEvent } from '../common/vmsEvent';
import { EventLog } from './eventLog';
import { EventServer } from './eventServer';

describe('EventServer', () => {
  it('delivers events raised by listeners after the current one (breadth-first), and isolates a throwing listener', () => {
    const clock = new ManualClock();
    const errors: string[] = [];
    const server = new EventServer({ clock, onListenerError: (_e, what) => errors.push(what) });
    const heard: string[] = [];
    server.onDidRaise(() => {
      throw new Error('broken listener');
    });
    server.onDidRaise((e) => {
      heard.push(`a:${e.message}`);
      if (e.message === 'first') server.raise({ type: 'userDefined', definitionId: 'x', source: { kind: 'userDefinedEvent', id: 'x' }, severity: 'information', message: 'second' });
    });
    server.onDidRaise((e) => heard.push(`b:${e.message}`));
    server.raise({ type: 'userDefined', definitionId: 'x', source: { kind: 'userDefinedEvent', id: 'x' }, severity: 'information', message: 'first' });
    expect(heard).toEqual(['a:first', 'b:first', 'a:second', 'b:second']);
    expect(errors).toHaveLength(2);
    expect(server.list().map((e) => e.id)).toEqual([1, 2]);
    server.dispose();
  });

  it('lists the newest `capacity` events, however it trims its memory', () => {
    const server = new EventServer({ clock: new ManualClock(), capacity: 8 });
    for (let i = 1; i <= 30; i++) {
      server.raise({ type: 'userDefined', definitionId: 'x', source: { kind: 'userDefinedEvent', id: 'x' }, severity: 'information', message: `${i}` });
      expect(server.list({ limit: 100 }).map((e) => e.id)).toEqual(Array.from({ length: Math.min(i, 8) }, (_, k) => Math.max(i, 8) - 7 + k));
    }
    expect(server.list({ afterId: 27 }).map((e) => e.id)).toEqual([28, 29, 30]);
    server.dispose();
  });

  it('turns the recording server events into typed events with their sources', () => {
    const clock = new ManualClock();
    const log = new EventLog(clock);
    const server = new EventServer({ clock });
    const got: VmsEvent[] = [];
    server.onDidRaise((e) => got.push(e));
    const link = server.connectEventLog(log, { serverId: 'srv', storageOfCamera: (id) => (id === 'cam' ? 'live' : undefined) });
    log.raise({ type: 'motionStarted', cameraId: 'cam', severity: 'info', message: 'motion' });
    log.raise({ type: 'recordingFailed', cameraId: 'cam', severity: 'error', code: 'VMS_ERR_STORAGE_IO', message: 'disk' });
    log.raise({ type: 'recordingFailed', cameraId: 'cam', severity: 'error', code: 'VMS_ERR_DEVICE_PROTOCOL', message: 'camera' });
    log.raise({ type: 'storageRecovered', storageId: 'live', severity: 'info', message: 'space' });
    log.raise({ type: 'archivingFailed', storageId: 'live', severity: 'error', message: 'archive' });
    log.raise({ type: 'serverStarted', severity: 'info', message: 'up' });
    log.raise({ type: 'recordingsDeleted', storageId: 'live', severity: 'info', message: 'retention' });
    expect(got.map((e) => `${e.type} ${e.source.kind}:${e.source.id} ${e.severity}`)).toEqual([
      'motionStarted camera:cam information', 'storageUnavailable storage:live error', 'storageAvailable storage:live information',
      'archivingFailed storage:live error', 'serverStarted server:srv information',
    ]);
    link.dispose();
    log.raise({ type: 'motionStopped', cameraId: 'cam', severity: 'info', message: 'still' });
    expect(got).toHaveLength(5);
    server.dispose();
    log.dispose();
  });
});
