import { describe, expect, it } from 'vitest';
import { tileStatus } from './tileStatus';

describe('tile status', () => {
  it('shows nothing while live, a spinner text while connecting or stalled', () => {
    expect(tileStatus({ kind: 'playing' })).toEqual({ kind: 'live' });
    expect(tileStatus({ kind: 'connecting', attempt: 0 })).toEqual({ kind: 'busy', text: 'Connecting…' });
    expect(tileStatus({ kind: 'connecting', attempt: 2 })).toEqual({ kind: 'busy', text: 'Reconnecting…' });
    expect(tileStatus({ kind: 'stalled' }).kind).toBe('busy');
  });

  it('names the access problems the server reports by close code', () => {
    expect(tileStatus({ kind: 'closed', code: 4403, reason: 'x' })).toMatchObject({ kind: 'error', text: 'No access' });
    expect(tileStatus({ kind: 'closed', code: 4401, reason: 'x' })).toMatchObject({ kind: 'error', text: 'Sign in again' });
    expect(tileStatus({ kind: 'closed', code: 4404, reason: 'x' })).toMatchObject({ text: 'Camera not found' });
  });

  it('calls any other close a disconnection, saying when it retries', () => {
    expect(tileStatus({ kind: 'closed', code: 1006, reason: '', retryInMs: 500, attempt: 1 })).toEqual({ kind: 'error', text: 'Camera disconnected', detail: 'Retrying…' });
    expect(tileStatus({ kind: 'closed', code: 4000, reason: 'SourceBuffer error' })).toEqual({ kind: 'error', text: 'Camera disconnected', detail: 'SourceBuffer error' });
  });
});
