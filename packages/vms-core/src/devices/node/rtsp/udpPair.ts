import dgram from 'node:dgram';
import net from 'node:net';
import { VmsError } from '../../../base/common/errors';
import type { Disposable } from '../../../base/common/event';

/**
 * The two UDP sockets of an RTP/RTCP pair on consecutive ports (RTP even, RFC 3550 §11).
 * Packets are accepted only from the camera's address, so nothing else on the network can
 * inject video into a recording.
 */
export class UdpPair implements Disposable {
  private constructor(
    readonly rtp: dgram.Socket,
    readonly rtcp: dgram.Socket,
  ) {}

  get rtpPort(): number {
    return this.rtp.address().port;
  }

  static async bind(remoteAddress: string, localAddress: string | undefined): Promise<UdpPair> {
    const type = net.isIPv6(remoteAddress) ? 'udp6' : 'udp4';
    // Loopback cameras (tests, local proxies) answer to a loopback bind; others need any.
    const bindAddress =
      remoteAddress.startsWith('127.') || remoteAddress === '::1'
        ? remoteAddress
        : localAddress ?? (type === 'udp6' ? '::' : '0.0.0.0');
    for (let attempt = 0; attempt < 20; attempt++) {
      const rtp = await bindSocket(type, bindAddress, 0);
      if (!rtp) continue;
      const port = rtp.address().port;
      if (port % 2 === 0 && port < 65535) {
        const rtcp = await bindSocket(type, bindAddress, port + 1);
        if (rtcp) return new UdpPair(rtp, rtcp);
      }
      rtp.close();
    }
    throw new VmsError('VMS_ERR_INTERNAL', 'could not bind a pair of UDP ports for RTP');
  }

  /** Delivers packets from `remoteAddress` only. */
  listen(remoteAddress: string, onRtp: (packet: Buffer) => void, onRtcp: (packet: Buffer) => void): void {
    const from = normalize(remoteAddress);
    this.rtp.on('message', (msg, rinfo) => {
      if (normalize(rinfo.address) === from) onRtp(msg);
    });
    this.rtcp.on('message', (msg, rinfo) => {
      if (normalize(rinfo.address) === from) onRtcp(msg);
    });
  }

  dispose(): void {
    for (const s of [this.rtp, this.rtcp]) {
      s.removeAllListeners('message');
      try {
        s.close();
      } catch {
        // already closed
      }
    }
  }
}

function bindSocket(type: 'udp4' | 'udp6', address: string, port: number): Promise<dgram.Socket | undefined> {
  return new Promise((resolve) => {
    const socket = dgram.createSocket({ type, recvBufferSize: 4 << 20 });
    socket.once('error', () => {
      socket.close();
      resolve(undefined);
    });
    socket.bind(port, address, () => {
      socket.removeAllListeners('error');
      // Errors after bind (e.g. ICMP unreachable) are not fatal for a receive-only socket.
      socket.on('error', () => {});
      resolve(socket);
    });
  });
}

function normalize(address: string): string {
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}
