import { describe, expect, it } from 'vitest';
import { encodeCommand, parsePlaybackMessage, splitMediaMessage } from './playbackMessages';

describe('parsePlaybackMessage', () => {
  it('reads each message the session sends', () => {
    const messages = [
      { type: 'seeked', camera: 'a', decodeFrom90k: 1, showFrom90k: 2, mediaTime90k: 3 },
      { type: 'stepped', camera: 'a', showFrom90k: 2, mediaTime90k: 3 },
      { type: 'gap', camera: 'a', start90k: 1, end90k: 2, mediaTime90k: 3 },
      { type: 'ended', camera: 'a' },
      { type: 'state', state: 'paused', speed: 0.5, position90k: 9 },
      { type: 'dropped', camera: 'a', frames: 4 },
      { type: 'error', code: 'VMS_ERR_BAD_INPUT', message: 'no' },
    ];
    for (const m of messages) expect(parsePlaybackMessage(JSON.stringify(m))).toEqual(m);
  });

  it('drops extra fields and ignores what it does not understand', () => {
    expect(parsePlaybackMessage('{"type":"ended","camera":"a","x":1}')).toEqual({ type: 'ended', camera: 'a' });
    for (const text of ['not json', 'null', '[]', '{"type":"seeked","camera":"a"}', '{"type":"state","state":"rewinding","speed":1,"position90k":0}',
      '{"type":"gap","camera":"a","start90k":"1","end90k":2,"mediaTime90k":3}', '{"type":"future"}']) {
      expect(parsePlaybackMessage(text)).toBeUndefined();
    }
  });
});

describe('splitMediaMessage', () => {
  it('takes the first byte as the camera index and leaves the payload in place', () => {
    const buffer = new Uint8Array([3, 10, 11, 12]).buffer;
    const m = splitMediaMessage(buffer)!;
    expect(m.index).toBe(3);
    expect([...m.payload]).toEqual([10, 11, 12]);
    expect(m.payload.buffer).toBe(buffer);
    expect(splitMediaMessage(new Uint8Array([1]).buffer)).toBeUndefined();
  });
});

describe('encodeCommand', () => {
  it('writes the JSON the playback route parses', () => {
    expect(JSON.parse(encodeCommand({ type: 'step', direction: -1 }))).toEqual({ type: 'step', direction: -1 });
  });
});
