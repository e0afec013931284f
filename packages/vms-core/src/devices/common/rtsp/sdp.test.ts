import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VmsError, isVmsError } from '../../../base/common/errors';
import { encodeBase64 } from './base64';
import { findAudioTrack, findVideoTrack, parseSdp, resolveControl } from './sdp';
import { H264_PPS, H264_VECTORS, H265_PPS, H265_VECTORS, hex } from '../../../media/common/testVectors';

const GST_H264 = [
  'v=0',
  'o=- 1188340656180883 1 IN IP4 127.0.0.1',
  's=Session streamed with GStreamer',
  't=0 0',
  'a=tool:GStreamer',
  'a=type:broadcast',
  'a=control:*',
  'a=range:npt=now-',
  'm=audio 0 RTP/AVP 0',
  'a=control:stream=1',
  'm=video 0 RTP/AVP 96',
  'c=IN IP4 0.0.0.0',
  'b=AS:2000',
  'a=rtpmap:96 H264/90000',
  `a=fmtp:96 packetization-mode=1;profile-level-id=64001f;sprop-parameter-sets=${encodeBase64(hex(H264_VECTORS[0]!.sps))},${encodeBase64(hex(H264_PPS))}`,
  'a=control:stream=0',
  'a=framerate:25',
  '',
].join('\r\n');

describe('SDP', () => {
  it('finds the H.264 track with parameter sets and resolves its control URL', () => {
    const sdp = parseSdp(GST_H264);
    expect(sdp.control).toBe('*');
    const track = findVideoTrack(sdp, 'rtsp://127.0.0.1:8554/stream/');
    expect(track).toMatchObject({ codec: 'h264', payloadType: 96, clockRate: 90000, controlUrl: 'rtsp://127.0.0.1:8554/stream/stream=0', framerate: 25 });
    expect(track.parameterSets.map((p) => p[0]! & 0x1f)).toEqual([7, 8]);
  });

  it('reads H.265 sprop-vps/sps/pps', () => {
    const v = H265_VECTORS[0]!;
    const text = `v=0\nm=video 0 RTP/AVP 97\na=rtpmap:97 H265/90000\na=fmtp:97 sprop-vps=${encodeBase64(hex(v.vps))}; sprop-sps=${encodeBase64(hex(v.sps))}; sprop-pps=${encodeBase64(hex(H265_PPS))}\na=control:rtsp://cam/track1\n`;
    const track = findVideoTrack(parseSdp(text), 'rtsp://cam/');
    expect(track.codec).toBe('h265');
    expect(track.controlUrl).toBe('rtsp://cam/track1');
    expect(track.parameterSets).toHaveLength(3);
  });

  it('reports other video codecs as unsupported and missing video as a protocol error', () => {
    const mjpeg = 'v=0\nm=video 0 RTP/AVP 26\na=rtpmap:26 JPEG/90000\n';
    expect(() => findVideoTrack(parseSdp(mjpeg), 'rtsp://x/')).toThrow(expect.objectContaining({ code: 'VMS_ERR_UNSUPPORTED_CODEC' }));
    const audio = 'v=0\nm=audio 0 RTP/AVP 0\n';
    expect(() => findVideoTrack(parseSdp(audio), 'rtsp://x/')).toThrow(expect.objectContaining({ code: 'VMS_ERR_DEVICE_PROTOCOL' }));
    expect(() => parseSdp('<html>')).toThrow(VmsError);
  });

  it('appends relative controls to the base as cameras expect', () => {
    expect(resolveControl('trackID=1', 'rtsp://cam/stream1')).toBe('rtsp://cam/stream1/trackID=1');
    expect(resolveControl('trackID=1', 'rtsp://cam/stream1/')).toBe('rtsp://cam/stream1/trackID=1');
    expect(resolveControl('*', 'rtsp://cam/s')).toBe('rtsp://cam/s');
    expect(resolveControl(undefined, 'rtsp://cam/s')).toBe('rtsp://cam/s');
    expect(resolveControl('RTSP://other/x', 'rtsp://cam/s')).toBe('RTSP://other/x');
  });

  it('throws only VmsError on random and mutated SDP', () => {
    const lines = GST_H264.split('\r\n');
    const mutated = fc.tuple(fc.shuffledSubarray(lines), fc.array(fc.tuple(fc.nat(), fc.string({ maxLength: 10 })), { maxLength: 5 })).map(([ls, edits]) => {
      const out = [...ls];
      for (const [pos, text] of edits) {
        const i = pos % Math.max(1, out.length);
        const line = out[i] ?? '';
        out[i] = line.slice(0, pos % (line.length + 1)) + text + line.slice(pos % (line.length + 1));
      }
      return out.join('\n');
    });
    fc.assert(
      fc.property(fc.oneof(mutated, fc.string({ maxLength: 300 })), (text) => {
        try {
          const sdp = parseSdp(text);
          findVideoTrack(sdp, 'rtsp://cam/');
        } catch (e) {
          expect(isVmsError(e)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('SDP audio (an RTSP camera\'s microphone)', () => {
  it('finds the audio track by rtpmap, by static payload type, or as an unnamed format', () => {
    // GStreamer's SDP above: audio with the static PCMU type and no rtpmap.
    expect(findAudioTrack(parseSdp(GST_H264))).toEqual({ encoding: 'PCMU', clockRate: 8000 });
    const aac = 'v=0\nm=video 0 RTP/AVP 96\na=rtpmap:96 H264/90000\nm=audio 0 RTP/AVP 97\na=rtpmap:97 MPEG4-GENERIC/16000/1\n';
    expect(findAudioTrack(parseSdp(aac))).toEqual({ encoding: 'MPEG4-GENERIC', clockRate: 16000 });
    expect(findAudioTrack(parseSdp('v=0\nm=audio 0 RTP/AVP 101\n'))).toEqual({ encoding: 'payload type 101', clockRate: 0 });
  });

  it('finds none in a video-only stream', () => {
    expect(findAudioTrack(parseSdp('v=0\nm=video 0 RTP/AVP 96\na=rtpmap:96 H264/90000\n'))).toBeUndefined();
  });
});
