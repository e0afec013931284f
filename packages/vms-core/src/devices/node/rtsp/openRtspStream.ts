import { VmsError } from '../../../base/common/errors';
import { resolveControl } from '../../common/rtsp/sdp';
import type { OpenStreamOptions, StreamOpener } from '../frameSource';
import { connectAndDescribe, expectOk, parseSessionHeader, parseTransportHeader } from './rtspHandshake';
import type { HandshakeOptions } from './rtspHandshake';
import { DEFAULT_TIMINGS, RtspSession } from './rtspSession';
import type { PlayingStream, RtspSessionTimings } from './rtspSession';
import { UdpPair } from './udpPair';

export type OpenRtspOptions = OpenStreamOptions &
  Partial<RtspSessionTimings> &
  Pick<HandshakeOptions, 'connectTimeoutMs' | 'requestTimeoutMs'>;

/**
 * StreamOpener for rtsp:// URLs: DESCRIBE, SETUP of the first H.264/H.265 video track over
 * TCP (interleaved) or UDP, PLAY. Resolves once PLAY has succeeded.
 */
export const openRtspStream: StreamOpener = (options) => openRtspSession(options);

export async function openRtspSession(options: OpenRtspOptions): Promise<RtspSession> {
  const described = await connectAndDescribe(options);
  const { connection, track, sdp, baseUrl } = described;
  let udp: UdpPair | undefined;
  const onAbort = () => {
    connection.dispose();
    udp?.dispose();
  };
  options.signal.addEventListener('abort', onAbort, { once: true });
  try {
    let transport: string;
    if (options.transport === 'udp') {
      udp = await UdpPair.bind(connection.remoteAddress ?? '127.0.0.1', connection.localAddress);
      transport = `RTP/AVP;unicast;client_port=${udp.rtpPort}-${udp.rtpPort + 1}`;
    } else {
      transport = 'RTP/AVP/TCP;unicast;interleaved=0-1';
    }
    const setup = await connection.request('SETUP', track.controlUrl, { Transport: transport });
    expectOk(setup, 'SETUP');
    const session = parseSessionHeader(setup.headers.get('session'));
    if (!session) throw new VmsError('VMS_ERR_DEVICE_PROTOCOL', 'SETUP reply has no Session header');
    connection.session = session.id;
    const reply = parseTransportHeader(setup.headers.get('transport'));
    const interleaved = options.transport === 'udp' ? undefined : (reply.interleaved ?? [0, 1]);

    const controlUrl = resolveControl(sdp.control, baseUrl);
    const play = await connection.request('PLAY', controlUrl, { Range: 'npt=0.000-' });
    expectOk(play, 'PLAY');
    if (options.signal.aborted) throw options.signal.reason;
    const stream: PlayingStream = {
      connection,
      track,
      controlUrl,
      udp,
      interleaved: interleaved ? { rtp: interleaved[0], rtcp: interleaved[1] } : undefined,
      sessionTimeoutS: session.timeoutS ?? 60,
      supportsGetParameter: described.supportsGetParameter,
    };
    return new RtspSession(stream, options.frameBlocks, {
      dataTimeoutMs: options.dataTimeoutMs ?? DEFAULT_TIMINGS.dataTimeoutMs,
      defaultSessionTimeoutS: options.defaultSessionTimeoutS ?? DEFAULT_TIMINGS.defaultSessionTimeoutS,
    });
  } catch (e) {
    connection.dispose();
    udp?.dispose();
    throw options.signal.aborted ? options.signal.reason : e;
  } finally {
    options.signal.removeEventListener('abort', onAbort);
  }
}
