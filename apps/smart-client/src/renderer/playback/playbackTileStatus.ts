/**
 * What a playback tile says instead of a picture. Playback has states live view has not: no
 * recording at this instant (with when recording resumes), nothing recorded after it, and one
 * camera of the view refused while the others play. Pure, so the wording is tested.
 */
import type { CameraPlayback, PlayerState } from '@nightjar/ui';
import { CLOSE_FORBIDDEN, CLOSE_NOT_FOUND, CLOSE_UNAUTHENTICATED } from '@nightjar/ui';
import { formatInstant } from './timeFormat';

export type PlaybackTileStatus =
  | { kind: 'picture' }
  | { kind: 'busy'; text: string }
  /** No picture at this instant, and that is normal (a gap, the end): a calm, opaque tile. */
  | { kind: 'empty'; text: string; detail?: string }
  | { kind: 'error'; text: string; detail?: string };

export function playbackTileStatus(player: PlayerState, camera: CameraPlayback, nowMs: number): PlaybackTileStatus {
  if (camera.kind === 'unavailable') return unavailable(camera.code, camera.message);
  if (player.kind === 'closed') {
    if (player.code === CLOSE_FORBIDDEN) return { kind: 'error', text: 'No access', detail: 'You may not play back these cameras.' };
    if (player.code === CLOSE_UNAUTHENTICATED) return { kind: 'error', text: 'Sign in again', detail: 'Your session has expired.' };
    if (player.code === CLOSE_NOT_FOUND) return { kind: 'error', text: 'Camera not found' };
    const detail = player.retryInMs !== undefined ? 'Reconnecting…' : player.reason;
    return detail ? { kind: 'error', text: 'Playback interrupted', detail } : { kind: 'error', text: 'Playback interrupted' };
  }
  switch (camera.kind) {
    case 'picture':
      return { kind: 'picture' };
    case 'gap':
      return { kind: 'empty', text: 'No recording', detail: `Recording resumes at ${formatInstant(camera.untilMs, nowMs)}` };
    case 'ended':
      return { kind: 'empty', text: 'No recording after this time' };
    case 'waiting':
      return { kind: 'busy', text: player.kind === 'connecting' && player.attempt > 0 ? 'Reconnecting…' : 'Loading recording…' };
  }
}

function unavailable(code: string, message: string): PlaybackTileStatus {
  if (code === 'VMS_ERR_PERMISSION_DENIED') return { kind: 'error', text: 'No access', detail: 'You may not play back this camera.' };
  if (code === 'VMS_ERR_NOT_FOUND') return { kind: 'error', text: 'Camera not found' };
  return { kind: 'error', text: 'Playback unavailable', detail: message };
}
