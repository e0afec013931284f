import type { StreamInfo } from '../../../devices/common/types';

/**
 * How a client asks the server to pick among a camera's streams (the mobile server's
 * "optimize for" setting):
 * - quality: the smallest stream at least as large as the view, else the largest;
 * - performance: the same rule for a smaller request (each side × PERFORMANCE_SCALE), so the
 *   server and network carry fewer pixels at some loss of sharpness;
 * - lowBandwidth: always the smallest stream.
 * A zoomed tile (digital zoom) always gets the largest stream: zooming into a small stream
 * only shows its blocks.
 */
export type StreamChoiceMode = 'quality' | 'performance' | 'lowBandwidth';

/**
 * Each side halved (a quarter of the area). Half the area (×0.71 a side) was the first idea,
 * but with the usual main/sub pairs (1080p + 720p, 1080p + 360p) it never changes the choice:
 * a 1920×1080 tile would ask 1358×764 and still get 1080p. Halving the sides serves a full-HD
 * tile with 720p and a 960×540 quad tile with a 640×360 sub stream, which is what a user who
 * asks for server performance expects.
 */
export const PERFORMANCE_SCALE = 0.5;

export interface ViewSize {
  width: number;
  height: number;
}

/**
 * Picks the stream to show in a view of `size` device pixels. Streams without a known size
 * sort as if they were huge (a camera that did not say is most often sending its main stream).
 * Returns undefined only for an empty list.
 */
export function chooseStream<S extends Pick<StreamInfo, 'width' | 'height'>>(
  streams: readonly S[],
  size: ViewSize,
  mode: StreamChoiceMode,
  zoomed = false,
): S | undefined {
  if (streams.length === 0) return undefined;
  const byArea = [...streams].sort((a, b) => area(a) - area(b) || (a.width ?? Infinity) - (b.width ?? Infinity));
  if (zoomed) return byArea.at(-1);
  if (mode === 'lowBandwidth') return byArea[0];
  const scale = mode === 'performance' ? PERFORMANCE_SCALE : 1;
  const want = { width: size.width * scale, height: size.height * scale };
  // "At least as large" on both sides: a wide stream must not win a tall tile on area alone.
  return byArea.find((s) => (s.width ?? Infinity) >= want.width && (s.height ?? Infinity) >= want.height) ?? byArea.at(-1);
}

function area(s: Pick<StreamInfo, 'width' | 'height'>): number {
  return s.width !== undefined && s.height !== undefined ? s.width * s.height : Infinity;
}
