import { describe, expect, it } from 'vitest';
import type { CameraStatusBody } from '@nightjar/vms-core';
import { connectionPill, recordingPill } from './cameraStatusText';

const status = (o: Partial<CameraStatusBody> = {}): CameraStatusBody => ({
  cameraId: 'c1', enabled: true, connection: { state: 'streaming', since: '2026-01-01T00:00:00.000Z', attempts: 1, framesReceived: 250 },
  recording: false, manualUntil: null, motion: false, framesWritten: 0, framesLost: 0, ...o,
});

describe('camera state pills', () => {
  it('says disabled before anything the status says', () => {
    expect(connectionPill(false, status())).toEqual({ label: 'Disabled', tone: 'muted' });
    expect(recordingPill(false, status({ recording: true }))).toEqual({ label: 'Not recording', tone: 'muted' });
  });

  it('shows the connection state, with the reason a connection was lost', () => {
    expect(connectionPill(true, status())).toMatchObject({ label: 'Connected', tone: 'ok', detail: expect.stringContaining('250 frames') });
    expect(connectionPill(true, status({ connection: { state: 'lost', since: '2026-01-01T00:00:00.000Z', attempts: 3, framesReceived: 0, error: { code: 'VMS_ERR_DEVICE_UNREACHABLE', message: 'connection refused' } } })))
      .toEqual({ label: 'Connection lost', tone: 'error', detail: 'connection refused (VMS_ERR_DEVICE_UNREACHABLE)' });
    expect(connectionPill(true, status({ connection: { state: 'connecting', since: '2026-01-01T00:00:00.000Z', attempts: 4, framesReceived: 0 } })).label).toBe('Reconnecting (4)');
    expect(connectionPill(true, status({ connection: null }))).toMatchObject({ label: 'Not started', tone: 'warn' });
    expect(connectionPill(true, undefined)).toMatchObject({ label: 'Unknown' });
  });

  it('shows what the recorder does now', () => {
    expect(recordingPill(true, status({ recording: true, framesWritten: 10 }))).toMatchObject({ label: 'Recording', tone: 'rec' });
    expect(recordingPill(true, status({ recording: true, motion: true })).label).toBe('Recording · motion');
    expect(recordingPill(true, status({ motion: true }))).toEqual({ label: 'Motion', tone: 'warn' });
    expect(recordingPill(true, status({ manualUntil: '2026-01-01T00:05:00.000Z', recording: true })).label).toBe('Manual recording');
    expect(recordingPill(true, status({ lastError: { code: 'VMS_ERR_STORAGE_FULL', message: 'disk full', at: '2026-01-01T00:00:00.000Z' } })))
      .toMatchObject({ label: 'Recording error', tone: 'error' });
    expect(recordingPill(true, status())).toEqual({ label: 'Idle', tone: 'muted' });
  });
});
