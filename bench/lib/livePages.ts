import { LIVE_EDGE } from '../../packages/ui/src/video/liveEdge';

/**
 * Bare live pages for the Smart Client baselines: plain MSE players like e2e/pages/mse-live.html,
 * with no React, no store and no query cache, so what the app adds shows against them. They
 * keep the app's live-edge rule (LIVE_EDGE of packages/ui: jump to the newest data when more
 * than maxLatency behind, trim what is older than keepBehind), or dropped-frame counts would
 * compare a player that skips with one that plays a backlog.
 */

/** One MSE player as a function of the page: (video, webSocketUrl, onError). Plain JavaScript. */
const PLAYER = String.raw`
const EDGE = ${JSON.stringify(LIVE_EDGE)};
const playLive = (video, wsUrl, fail) => {
  const queue = [];
  let ms, sb;
  const pump = () => {
    if (!sb || sb.updating || ms.readyState !== 'open') return;
    const b = sb.buffered;
    if (b.length) {
      const last = b.length - 1;
      let inRange = false;
      for (let i = 0; i < b.length; i++) if (video.currentTime >= b.start(i) && video.currentTime <= b.end(i)) inRange = true;
      if (!inRange || b.end(last) - video.currentTime > EDGE.maxLatency) video.currentTime = Math.max(b.start(last), b.end(last) - EDGE.targetLatency);
      if (video.currentTime - EDGE.keepBehind - b.start(0) >= 1) return sb.remove(b.start(0), video.currentTime - EDGE.keepBehind);
    }
    const next = queue.shift();
    if (next) { try { sb.appendBuffer(next); } catch (e) { fail(e); } }
  };
  const ws = new WebSocket(new URL(wsUrl, location.href).href.replace(/^http/, 'ws'));
  ws.binaryType = 'arraybuffer';
  ws.onmessage = (e) => {
    if (typeof e.data !== 'string') { queue.push(e.data); return pump(); }
    const m = JSON.parse(e.data);
    if (m.type !== 'init') return;
    // A new init starts a new MediaSource (as the app's player does); the old buffer is gone with the old one.
    sb = undefined;
    queue.length = 0;
    ms = new MediaSource();
    video.src = URL.createObjectURL(ms);
    ms.addEventListener('sourceopen', () => {
      sb = ms.addSourceBuffer(m.mimeType);
      sb.mode = 'segments';
      sb.addEventListener('updateend', pump);
      pump();
    }, { once: true });
    video.play().catch(() => {});
  };
  ws.onclose = (e) => fail('socket closed ' + e.code + ' ' + e.reason);
  return ws;
};
`;

/**
 * First frame without the app: the page signs in, asks getLiveStream for `streamKey` of
 * `cameraId`, and plays it in one video of the tile's size. window.bench holds
 * performance.now() of each step (start = before the login request).
 */
export function firstFramePage(o: { username: string; password: string; cameraId: string; streamKey: string; width: number; height: number }): string {
  return `<!doctype html><body style="margin:0;background:#000">
<video id="v" muted autoplay playsinline style="display:block;width:${o.width}px;height:${o.height}px;object-fit:contain"></video>
<script>
${PLAYER}
const r = window.bench = {};
const video = document.getElementById('v');
video.requestVideoFrameCallback((now) => { r.firstFrame = now; });
(async () => {
  r.start = performance.now();
  const login = await fetch('/api/login', { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: ${JSON.stringify(o.username)}, password: ${JSON.stringify(o.password)} }) });
  if (!login.ok) throw new Error('login ' + login.status);
  const { token } = await login.json();
  r.signedIn = performance.now();
  const res = await fetch('/api/cameras/' + ${JSON.stringify(encodeURIComponent(o.cameraId))} + '/live?stream=' + ${JSON.stringify(encodeURIComponent(o.streamKey))},
    { headers: { authorization: 'Bearer ' + token } });
  if (!res.ok) throw new Error('getLiveStream ' + res.status);
  const live = await res.json();
  r.live = performance.now();
  r.socket = playLive(video, live.webSocketUrl, (e) => { r.error ??= String(e); });
})().catch((e) => { r.error = String(e); });
</script>`;
}

/**
 * The wall without the app: `streams` (getLiveStream bodies fetched by the benchmark) in a grid
 * of `columns` videos of the app's tile size. window.bench.quality() reads every video's
 * getVideoPlaybackQuality, in the probe's shape (smartClient.ts VideoQuality).
 */
export function wallPage(o: { webSocketUrls: string[]; columns: number; tileWidth: number; tileHeight: number }): string {
  return `<!doctype html><body style="margin:0;background:#000">
<div id="grid" style="display:grid;grid-template-columns:repeat(${o.columns}, ${o.tileWidth}px);grid-auto-rows:${o.tileHeight}px;gap:2px"></div>
<script>
${PLAYER}
const r = window.bench = { errors: [] };
const grid = document.getElementById('grid');
const videos = ${JSON.stringify(o.webSocketUrls)}.map((url, i) => {
  const v = document.createElement('video');
  v.muted = true; v.autoplay = true; v.playsInline = true;
  v.style.cssText = 'width:100%;height:100%;object-fit:contain;background:#000';
  grid.appendChild(v);
  playLive(v, url, (e) => r.errors.push(i + ': ' + String(e)));
  return v;
});
r.quality = () => videos.map((v, i) => {
  const q = v.getVideoPlaybackQuality();
  return { id: i + 1, tile: i, total: q.totalVideoFrames, dropped: q.droppedVideoFrames, width: v.videoWidth, height: v.videoHeight,
    cssWidth: v.clientWidth, cssHeight: v.clientHeight };
});
</script>`;
}
