import { describe, expect, it } from 'vitest';
import { PlaybackModel } from './playbackModel';

const T0 = Date.parse('2026-03-01T10:00:00Z');
const k90 = (ms: number) => ms * 90;

describe('PlaybackModel', () => {
  it('follows the server state and runs the clock at its speed while playing', () => {
    const m = new PlaybackModel(['a'], T0, 0);
    expect(m.positionAt(5000)).toBe(T0);
    const effects = m.onMessage({ type: 'state', state: 'playing', speed: 4, position90k: k90(T0 + 1000) }, 100);
    expect(effects).toEqual([{ type: 'answered', state: 'playing' }]);
    expect(m.positionAt(600)).toBe(T0 + 1000 + 500 * 4);
    m.onMessage({ type: 'state', state: 'paused', speed: 4, position90k: k90(T0 + 3000) }, 700);
    expect(m.positionAt(10_000)).toBe(T0 + 3000);
  });

  it('shows the seeked frame in every tile of that camera and reports pictures', () => {
    const m = new PlaybackModel(['a', 'b', 'a'], T0, 0);
    expect(m.camera(0).kind).toBe('waiting');
    const effects = m.onMessage({ type: 'seeked', camera: 'a', decodeFrom90k: 0, showFrom90k: k90(T0), mediaTime90k: 180_000 }, 0);
    expect(effects).toEqual([{ type: 'show', index: 0, mediaSeconds: 2 }, { type: 'show', index: 2, mediaSeconds: 2 }]);
    expect([m.camera(0).kind, m.camera(1).kind, m.camera(2).kind]).toEqual(['picture', 'waiting', 'picture']);
    expect(m.onMessage({ type: 'seeked', camera: 'zzz', decodeFrom90k: 0, showFrom90k: 0, mediaTime90k: 0 }, 0)).toEqual([]);
  });

  it('moves the clock to a stepped frame and stops it', () => {
    const m = new PlaybackModel(['a'], T0, 0);
    m.setPlaying(true, 1, 0);
    m.onMessage({ type: 'stepped', camera: 'a', showFrom90k: k90(T0 + 40), mediaTime90k: 90 }, 500);
    expect(m.playing).toBe(false);
    expect(m.positionAt(9999)).toBe(T0 + 40);
  });

  it('marks gaps and ends per camera; media after a gap is a picture again', () => {
    const m = new PlaybackModel(['a', 'b'], T0, 0);
    m.onMessage({ type: 'gap', camera: 'a', start90k: k90(T0), end90k: k90(T0 + 60_000), mediaTime90k: 0 }, 0);
    m.onMessage({ type: 'ended', camera: 'b' }, 0);
    expect(m.camera(0)).toEqual({ kind: 'gap', untilMs: T0 + 60_000 });
    expect(m.camera(1)).toEqual({ kind: 'ended' });
    m.onMedia(0);
    expect(m.camera(0).kind).toBe('picture');
  });

  it('jumps the clock over a gap every playing camera is in, as the server does', () => {
    const m = new PlaybackModel(['a', 'b', 'c'], T0, 0);
    m.onMessage({ type: 'state', state: 'playing', speed: 1, position90k: k90(T0) }, 0);
    m.onMessage({ type: 'ended', camera: 'c' }, 0);
    m.onMessage({ type: 'gap', camera: 'a', start90k: k90(T0), end90k: k90(T0 + 90_000), mediaTime90k: 0 }, 10);
    expect(m.positionAt(10)).toBe(T0 + 10);
    m.onMessage({ type: 'gap', camera: 'b', start90k: k90(T0), end90k: k90(T0 + 30_000), mediaTime90k: 0 }, 20);
    expect(m.positionAt(20)).toBe(T0 + 30_000);
  });

  it('does not jump over a common gap while paused', () => {
    const m = new PlaybackModel(['a'], T0, 0);
    m.onMessage({ type: 'gap', camera: 'a', start90k: k90(T0), end90k: k90(T0 + 90_000), mediaTime90k: 0 }, 10);
    expect(m.positionAt(10)).toBe(T0);
  });

  it('keeps an unavailable camera so until it is available again', () => {
    const m = new PlaybackModel(['a', 'b'], T0, 0);
    m.markUnavailable(1, 'VMS_ERR_PERMISSION_DENIED', 'no playback right');
    m.onMessage({ type: 'ended', camera: 'b' }, 0);
    expect(m.camera(1)).toEqual({ kind: 'unavailable', code: 'VMS_ERR_PERMISSION_DENIED', message: 'no playback right' });
    m.markAvailable(1);
    expect(m.camera(1).kind).toBe('waiting');
  });

  it('moves to a client seek at once and answers errors', () => {
    const m = new PlaybackModel(['a'], T0, 0);
    m.moveTo(T0 - 3_600_000, 5);
    expect(m.positionAt(100)).toBe(T0 - 3_600_000);
    expect(m.onMessage({ type: 'error', code: 'VMS_ERR_BAD_INPUT', message: 'bad' }, 0))
      .toEqual([{ type: 'answered' }, { type: 'error', code: 'VMS_ERR_BAD_INPUT', message: 'bad' }]);
  });
});
