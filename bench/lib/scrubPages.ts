import { TIMECODE_ROWS } from '../../packages/vms-core/test/harness/timecode';
import { PAGE_HELPERS } from './pageScripts';

/**
 * Page scripts of the scrub benchmark (plain JavaScript, run in Chromium).
 *
 * FRAME_RECORDER watches one video element: for every frame presented
 * (requestVideoFrameCallback) it copies the band rows of that frame to a canvas and keeps the
 * luma of each band cell with performance.now(), so Node can decode which instant each shown
 * picture is (bandClip.ts). `window.frameLog.startAt` is the moment a seek was asked for: the
 * pointer-up ending a timeline drag in the app (set by a capture listener), the seek message in
 * the baseline page.
 */
export interface LoggedFrame {
  now: number;
  mediaTime: number;
  luma: number[];
}

export interface FrameLog {
  frames: LoggedFrame[];
  startAt?: number;
  /** the last pointermove before startAt (app only) */
  lastMoveAt?: number;
}

/** `xs`: the band cells' centres for a picture `width` pixels wide; scaled if the video differs. */
export function frameRecorder(xs: number[], width: number, sampleY: number): string {
  return String.raw`
window.frameLog = { frames: [] };
window.recordFrames = (video) => {
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  const xs = ${JSON.stringify(xs)};
  video.requestVideoFrameCallback(function onFrame(now, md) {
    const scale = md.width / ${width};
    canvas.width = md.width;
    canvas.height = ${TIMECODE_ROWS};
    ctx.drawImage(video, 0, 0, md.width, ${TIMECODE_ROWS}, 0, 0, md.width, ${TIMECODE_ROWS});
    const row = ctx.getImageData(0, ${sampleY}, md.width, 1).data;
    const luma = xs.map((x) => {
      const i = Math.min(md.width - 1, Math.floor(x * scale)) * 4;
      return Math.round(0.299 * row[i] + 0.587 * row[i + 1] + 0.114 * row[i + 2]);
    });
    window.frameLog.frames.push({ now, mediaTime: md.mediaTime, luma });
    video.requestVideoFrameCallback(onFrame);
  });
};
`;
}

/** The app: marks the end of each timeline drag (pointer-up) and the pointer's last move before it. */
export const DRAG_MARKS = String.raw`
addEventListener('pointermove', (e) => { if (e.buttons) window.frameLog.moveAt = performance.now(); }, true);
addEventListener('pointerup', () => { window.frameLog.startAt = performance.now(); window.frameLog.lastMoveAt = window.frameLog.moveAt; }, true);
`;

/**
 * The baseline: one playback socket (the getPlayback webSocketUrl), one MSE SourceBuffer, and
 * `bench.seek(iso)`, which does what the app's player does on a seek and nothing more: drop
 * bytes of the old position until the seek's init segment, clear the buffer, append, and move
 * the element to the frame the server names in `seeked` once it is buffered.
 */
export function rawSeekPage(webSocketUrl: string, recorder: string): string {
  return `<!doctype html><body style="margin:0;background:#000"><video id="v" muted playsinline style="width:640px;height:360px"></video><script>
${PAGE_HELPERS}
${recorder}
const video = document.getElementById('v');
const r = window.bench = { errors: [] };
const ms = new MediaSource();
video.src = URL.createObjectURL(ms);
const opened = new Promise((res) => ms.addEventListener('sourceopen', res, { once: true }));
let sb, target, discarding = false, clear = false;
let queue = [];
const isInit = (u8) => u8.length > 8 && String.fromCharCode(u8[4], u8[5], u8[6], u8[7]) === 'ftyp';
const pump = () => {
  if (!sb || sb.updating) return;
  const b = sb.buffered;
  if (clear) {
    clear = false;
    if (b.length) return sb.remove(b.start(0), b.end(b.length - 1));
  }
  // Not while old data may still be in the buffer: the old position's media times can overlap the new ones.
  if (target !== undefined && !discarding) {
    for (let i = 0; i < b.length; i++) if (target >= b.start(i) && target <= b.end(i)) { video.currentTime = target; target = undefined; break; }
  }
  const next = queue.shift();
  if (next) { try { sb.appendBuffer(next); } catch (e) { r.errors.push(String(e)); } }
};
let chain = Promise.resolve();
const onBinary = async (u8) => {
  if (discarding) {
    if (!isInit(u8)) return;
    discarding = false;
    clear = true;
  }
  if (!sb) {
    await opened;
    sb = ms.addSourceBuffer(mimeOfInit(u8));
    sb.mode = 'segments';
    sb.addEventListener('updateend', pump);
  }
  queue.push(u8);
  pump();
};
const ws = new WebSocket(new URL(${JSON.stringify(webSocketUrl)}, location.href).href.replace(/^http/, 'ws'));
ws.binaryType = 'arraybuffer';
ws.onopen = () => { r.ready = true; };
ws.onclose = (e) => r.errors.push('socket closed ' + e.code + ' ' + e.reason);
ws.onmessage = (e) => {
  if (typeof e.data !== 'string') {
    const u8 = new Uint8Array(e.data).subarray(1); // camera index byte
    chain = chain.then(() => onBinary(u8)).catch((err) => r.errors.push(String(err)));
    return;
  }
  const m = JSON.parse(e.data);
  if (m.type === 'error') r.errors.push(m.code + ' ' + m.message);
  if (m.type === 'seeked') chain = chain.then(() => { target = m.mediaTime90k / 90000 + 1e-4; pump(); });
};
window.recordFrames(video);
r.seek = (at) => {
  discarding = true;
  queue = [];
  window.frameLog.frames = [];
  window.frameLog.startAt = performance.now();
  ws.send(JSON.stringify({ type: 'seek', at }));
};
</script>`;
}
