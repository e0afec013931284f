/**
 * A camera's connection and recording state as the overview and the properties header show
 * it: a short label and a tone for the state pill, and a longer line for its tooltip.
 */
import type { CameraStatusBody } from '@nightjar/vms-core';

export type Tone = 'ok' | 'warn' | 'error' | 'rec' | 'muted';

export interface StatePill {
  label: string;
  tone: Tone;
  detail?: string;
}

/** Connection: disabled cameras are not connected on purpose; a lost one says why. */
export function connectionPill(enabled: boolean, status: CameraStatusBody | undefined): StatePill {
  if (!enabled) return { label: 'Disabled', tone: 'muted' };
  if (!status) return { label: 'Unknown', tone: 'muted' };
  const c = status.connection;
  if (!c) return { label: 'Not started', tone: 'warn' };
  const since = `since ${new Date(c.since).toLocaleString()}`;
  switch (c.state) {
    case 'streaming': return { label: 'Connected', tone: 'ok', detail: `${since}; ${c.framesReceived} frames received` };
    case 'connecting': return { label: c.attempts > 1 ? `Reconnecting (${c.attempts})` : 'Connecting', tone: 'warn', detail: c.error?.message ?? since };
    case 'lost': return { label: 'Connection lost', tone: 'error', detail: c.error ? `${c.error.message} (${c.error.code})` : since };
    case 'stopped': return { label: 'Stopped', tone: 'muted', detail: since };
    default: return { label: c.state, tone: 'muted', detail: since };
  }
}

/** Recording: what the recorder does now, whatever the mode says it may do. */
export function recordingPill(enabled: boolean, status: CameraStatusBody | undefined): StatePill {
  if (!enabled || !status) return { label: 'Not recording', tone: 'muted' };
  if (status.lastError) return { label: 'Recording error', tone: 'error', detail: `${status.lastError.message} (${status.lastError.code})` };
  if (status.manualUntil) return { label: 'Manual recording', tone: 'rec', detail: `until ${new Date(status.manualUntil).toLocaleTimeString()}` };
  if (status.recording) return { label: status.motion ? 'Recording · motion' : 'Recording', tone: 'rec', detail: `${status.framesWritten} frames written, ${status.framesLost} lost` };
  return { label: status.motion ? 'Motion' : 'Idle', tone: status.motion ? 'warn' : 'muted' };
}
