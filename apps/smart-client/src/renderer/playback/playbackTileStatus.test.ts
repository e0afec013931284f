import { describe, expect, it } from 'vitest';
import { playbackTileStatus } from './playbackTileStatus';

const NOW = new Date(2026, 2, 1, 12, 0, 0).getTime();

describe('playbackTileStatus', () => {
  const open = { kind: 'playing' } as const;

  it('shows the picture, or says why there is none at this instant', () => {
    expect(playbackTileStatus(open, { kind: 'picture' }, NOW)).toEqual({ kind: 'picture' });
    expect(playbackTileStatus(open, { kind: 'gap', untilMs: new Date(2026, 2, 1, 11, 30, 5).getTime() }, NOW))
      .toEqual({ kind: 'empty', text: 'No recording', detail: 'Recording resumes at 11:30:05' });
    expect(playbackTileStatus(open, { kind: 'ended' }, NOW).kind).toBe('empty');
    expect(playbackTileStatus({ kind: 'connecting', attempt: 2 }, { kind: 'waiting' }, NOW)).toEqual({ kind: 'busy', text: 'Reconnecting…' });
  });

  it('names a refused camera even while the others play', () => {
    expect(playbackTileStatus(open, { kind: 'unavailable', code: 'VMS_ERR_PERMISSION_DENIED', message: 'x' }, NOW))
      .toEqual({ kind: 'error', text: 'No access', detail: 'You may not play back this camera.' });
  });

  it('explains a closed session by its close code', () => {
    expect(playbackTileStatus({ kind: 'closed', code: 4401, reason: '' }, { kind: 'picture' }, NOW).kind).toBe('error');
    expect(playbackTileStatus({ kind: 'closed', code: 4401, reason: '' }, { kind: 'picture' }, NOW)).toMatchObject({ text: 'Sign in again' });
    expect(playbackTileStatus({ kind: 'closed', code: 1006, reason: '', retryInMs: 500, attempt: 1 }, { kind: 'picture' }, NOW))
      .toEqual({ kind: 'error', text: 'Playback interrupted', detail: 'Reconnecting…' });
  });
});
