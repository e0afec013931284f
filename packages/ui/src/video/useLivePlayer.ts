/**
 * Runs the player a tile needs on the element React rendered, for as long as the stream (its
 * URLs and token) stays the same; a new getLiveStream body disposes the old player first.
 */
import { useEffect, useState } from 'react';
import type { RefObject } from 'react';
import { JsmpegLivePlayer } from './jsmpegLivePlayer';
import { MseLivePlayer } from './mseLivePlayer';
import type { Player } from './playerBase';
import type { PlayerState } from './playerState';
import { jsmpegUrlFor } from './streamUrls';
import type { LiveStream, PlayerKind } from './streamUrls';

const CONNECTING: PlayerState = { kind: 'connecting', attempt: 0 };

export function useLivePlayer(
  kind: PlayerKind,
  stream: LiveStream,
  video: RefObject<HTMLVideoElement | null>,
  canvas: RefObject<HTMLCanvasElement | null>,
): PlayerState {
  const [state, setState] = useState<PlayerState>(CONNECTING);
  const url = kind === 'mse' ? stream.webSocketUrl : stream.jsmpegUrl;

  useEffect(() => {
    let player: Player | undefined;
    if (kind === 'mse' && video.current) {
      player = new MseLivePlayer(video.current, url);
    } else if (kind === 'jsmpeg' && canvas.current) {
      const element = canvas.current;
      // The transcode is sized once, for the tile as laid out now, in device pixels.
      const tileWidth = (element.parentElement?.clientWidth || 640) * (window.devicePixelRatio || 1);
      player = new JsmpegLivePlayer(element, jsmpegUrlFor({ jsmpegUrl: url, width: stream.width }, tileWidth, location.href));
    }
    if (!player) return;
    setState(player.state);
    const subscription = player.onDidChangeState(setState);
    return () => {
      subscription.dispose();
      player.dispose();
    };
  }, [kind, url, stream.width, video, canvas]);

  return state;
}
