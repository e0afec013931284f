/**
 * What colour a state is shown in, and its words: the tones of admin.css's `.state-pill`
 * (ok green, warn amber, error red, rec red dot; idle is the muted default).
 */
export type Tone = 'ok' | 'warn' | 'error' | 'rec' | 'idle';

export interface ToneLabel {
  tone: Tone;
  label: string;
}

/** A camera's connection as the system monitor reports it (`connection` is null when not running). */
export function connectionTone(connection: string | null, enabled: boolean): ToneLabel {
  if (!enabled) return { tone: 'idle', label: 'Disabled' };
  switch (connection) {
    case 'streaming': return { tone: 'ok', label: 'Streaming' };
    case 'connecting': return { tone: 'warn', label: 'Connecting' };
    case 'lost': return { tone: 'error', label: 'Connection lost' };
    case null: return { tone: 'warn', label: 'Not running' };
    default: return { tone: 'warn', label: connection.charAt(0).toUpperCase() + connection.slice(1) };
  }
}

/** Recording state: recording is red like the clients' REC mark; a streaming camera that is not recording is fine (its mode decides). */
export function recordingTone(recording: boolean): ToneLabel {
  return recording ? { tone: 'rec', label: 'Recording' } : { tone: 'idle', label: 'Not recording' };
}

/** How full something is: amber from 80 %, red from 95 % (storage soon deletes or refuses, a machine soon swaps). */
export function usageTone(percent: number): Tone {
  if (percent >= 95) return 'error';
  if (percent >= 80) return 'warn';
  return 'ok';
}

/** Export job states (vms-core exportJobs.ts). */
export function jobTone(state: string): ToneLabel {
  switch (state) {
    case 'queued': return { tone: 'idle', label: 'Queued' };
    case 'running': return { tone: 'ok', label: 'Running' };
    case 'done': return { tone: 'ok', label: 'Done' };
    case 'failed': return { tone: 'error', label: 'Failed' };
    case 'cancelled': return { tone: 'warn', label: 'Cancelled' };
    default: return { tone: 'warn', label: state };
  }
}
