/**
 * Browser entry for e2e/tests/videoTile.test.ts, bundled with esbuild at test start. The test
 * calls window.renderTiles() with getLiveStream bodies; the page also counts live WebSockets
 * and object URLs so the test can prove that unmounting a tile releases everything.
 */
import { createRoot } from 'react-dom/client';
import type { Root } from 'react-dom/client';
import { HlsPlayer, VideoTile } from '@nightjar/ui';
import type { PlayerState, VideoTileProps } from '@nightjar/ui';

declare global {
  interface Window {
    renderTiles: (tiles: VideoTileProps[]) => void;
    unmountTiles: () => void;
    /** Sockets not yet closed, and object URLs not yet revoked. */
    leaks: () => { sockets: number; objectUrls: number };
    /** WebSockets opened since the page loaded (reconnects count). */
    socketsOpened: () => number;
    /** Plays an HLS URL with HlsPlayer in a bare <video>; states seen so far in hlsStates. */
    playHls: (url: string) => void;
    stopHls: () => void;
    hlsStates: PlayerState['kind'][];
  }
}

const sockets = new Set<WebSocket>();
let opened = 0;
const NativeWebSocket = window.WebSocket;
window.WebSocket = class TrackedWebSocket extends NativeWebSocket {
  constructor(url: string | URL, protocols?: string | string[]) {
    super(url, protocols);
    sockets.add(this);
    opened++;
    this.addEventListener('close', () => sockets.delete(this));
  }
};

const objectUrls = new Set<string>();
const createObjectURL = URL.createObjectURL.bind(URL);
const revokeObjectURL = URL.revokeObjectURL.bind(URL);
URL.createObjectURL = (source: Blob | MediaSource) => {
  const url = createObjectURL(source);
  objectUrls.add(url);
  return url;
};
URL.revokeObjectURL = (url: string) => {
  objectUrls.delete(url);
  revokeObjectURL(url);
};

let root: Root | undefined;

window.renderTiles = (tiles) => {
  root ??= createRoot(document.getElementById('root')!);
  root.render(
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(3, 320px)', gridAutoRows: '240px', gap: 4 }}>
      {tiles.map((tile) => <VideoTile key={tile.label} {...tile} />)}
    </div>,
  );
};

window.unmountTiles = () => {
  root?.unmount();
  root = undefined;
};

window.leaks = () => ({ sockets: sockets.size, objectUrls: objectUrls.size });
window.socketsOpened = () => opened;

let hls: { player: HlsPlayer; video: HTMLVideoElement } | undefined;
window.hlsStates = [];

window.playHls = (url) => {
  const video = document.createElement('video');
  video.muted = true;
  video.width = 320;
  document.body.append(video);
  const player = new HlsPlayer(video, url);
  window.hlsStates = [player.state.kind];
  player.onDidChangeState((state) => window.hlsStates.push(state.kind));
  hls = { player, video };
};

window.stopHls = () => {
  hls?.player.dispose();
  hls?.video.remove();
  hls = undefined;
};
