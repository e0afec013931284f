/**
 * The tile's stylesheet. One string rendered through React 19's hoisted <style> (deduplicated by
 * `href`), so the package needs no CSS pipeline and the spinner can have keyframes. Dark,
 * compact and high-contrast: tiles sit in dense grids over any picture.
 */
export const TILE_STYLE_ID = 'nightjar-video-tile';

export const TILE_CSS = `
.nj-tile { position: relative; overflow: hidden; background: #0b0d10; color: #e8eaed; width: 100%; height: 100%;
  font: 500 12px/1.2 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; user-select: none; contain: strict; }
.nj-tile[data-maximized="true"] { outline: 1px solid #3b82f6; }
.nj-surface { position: absolute; inset: 0; transform-origin: 0 0; touch-action: none; }
.nj-surface[data-zoomed="true"] { cursor: grab; }
.nj-surface[data-zoomed="true"]:active { cursor: grabbing; }
.nj-media { position: absolute; inset: 0; width: 100%; height: 100%; object-fit: contain; display: block; }
.nj-bar { position: absolute; left: 0; right: 0; top: 0; display: flex; align-items: center; gap: 6px; padding: 5px 8px 14px;
  background: linear-gradient(rgba(0,0,0,.72), rgba(0,0,0,0)); pointer-events: none; text-shadow: 0 1px 2px rgba(0,0,0,.8); }
.nj-name { flex: 1; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; font-weight: 600; }
.nj-time { position: absolute; left: 8px; bottom: 8px; padding: 2px 6px; border-radius: 3px; background: rgba(0,0,0,.6);
  font-size: 11px; font-variant-numeric: tabular-nums; color: #d5d8dc; white-space: nowrap; pointer-events: none; }
.nj-pill { display: inline-flex; align-items: center; gap: 4px; padding: 2px 6px; border-radius: 3px; font-size: 10px;
  font-weight: 700; letter-spacing: .06em; background: rgba(0,0,0,.55); text-shadow: none; }
.nj-pill-rec { color: #fff; background: #c62828; }
.nj-pill-rec::before { content: ""; width: 6px; height: 6px; border-radius: 50%; background: #fff; }
.nj-pill-motion { color: #111; background: #f5b82e; }
.nj-zoom { position: absolute; right: 8px; bottom: 8px; padding: 3px 7px; border-radius: 3px; border: 0;
  background: rgba(0,0,0,.65); color: #e8eaed; font: inherit; font-variant-numeric: tabular-nums; cursor: pointer; }
.nj-status { position: absolute; inset: 0; display: flex; flex-direction: column; align-items: center; justify-content: center;
  gap: 8px; pointer-events: none; text-align: center; padding: 12px; }
.nj-status[data-kind="error"] { background: rgba(11,13,16,.82); }
.nj-status-text { font-size: 13px; font-weight: 600; }
.nj-status[data-kind="error"] .nj-status-text { color: #ff8a80; }
.nj-status-detail { color: #9aa0a6; font-size: 11px; max-width: 90%; }
.nj-spinner { width: 22px; height: 22px; border-radius: 50%; border: 2px solid rgba(255,255,255,.2);
  border-top-color: #e8eaed; animation: nj-spin .8s linear infinite; }
@keyframes nj-spin { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) { .nj-spinner { animation-duration: 2.4s; } }
`;
