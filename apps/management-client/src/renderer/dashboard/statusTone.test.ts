import { describe, expect, it } from 'vitest';
import { connectionTone, jobTone, recordingTone, usageTone } from './statusTone';

describe('status tones', () => {
  it('maps camera connections, a disabled camera first', () => {
    expect(connectionTone('streaming', true)).toEqual({ tone: 'ok', label: 'Streaming' });
    expect(connectionTone('streaming', false)).toEqual({ tone: 'idle', label: 'Disabled' });
    expect(connectionTone('lost', true).tone).toBe('error');
    expect(connectionTone('connecting', true).tone).toBe('warn');
    expect(connectionTone(null, true)).toEqual({ tone: 'warn', label: 'Not running' });
    expect(connectionTone('paused', true)).toEqual({ tone: 'warn', label: 'Paused' });
  });

  it('maps recording, usage and job states', () => {
    expect(recordingTone(true).tone).toBe('rec');
    expect(recordingTone(false).tone).toBe('idle');
    expect([0, 79.9, 80, 94.9, 95, 100].map(usageTone)).toEqual(['ok', 'ok', 'warn', 'warn', 'error', 'error']);
    expect(jobTone('failed').tone).toBe('error');
    expect(jobTone('running')).toEqual({ tone: 'ok', label: 'Running' });
    expect(jobTone('weird')).toEqual({ tone: 'warn', label: 'weird' });
  });
});
