/**
 * The getLiveStream body a tile plays, chosen for the tile's size. Media URLs are made absolute
 * against the site (the page may come from elsewhere, e.g. Electron's own origin). A body stays
 * while the site keeps choosing the same stream; `renew()` fetches a fresh token when a player
 * was refused with 4401 (its token expired before it had to reconnect).
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { queryKeys } from '@nightjar/ui';
import type { LiveStream, LiveStreamBody, SiteClient } from '@nightjar/ui';
import { useSite } from '../session/siteContext';
import { shouldReplaceStream } from './streamSize';

/** A refused token is renewed at most this often per tile, so a broken site cannot loop us. */
const RENEW_MIN_INTERVAL_MS = 10_000;

export interface LiveStreamResult {
  stream: LiveStream | undefined;
  error: unknown;
  loading: boolean;
  renew: () => void;
}

function absolute(client: SiteClient, body: LiveStreamBody): LiveStreamBody {
  return {
    ...body,
    webSocketUrl: client.resolveUrl(body.webSocketUrl),
    jsmpegUrl: client.resolveUrl(body.jsmpegUrl),
    hlsUrl: client.resolveUrl(body.hlsUrl),
    snapshotUrl: client.resolveUrl(body.snapshotUrl),
  };
}

export function useLiveStream(cameraId: string, size: { width: number; height: number } | null): LiveStreamResult {
  const { client } = useSite();
  const [renewal, setRenewal] = useState(0);
  const lastRenew = useRef(0);
  const query = useQuery({
    // Under the camera's key, so dropping a camera's cache drops its live bodies too.
    queryKey: [...queryKeys.camera(cameraId), 'live', { width: size?.width ?? 0, height: size?.height ?? 0, renewal }],
    queryFn: async ({ signal }) => absolute(client, await client.getLiveStream(cameraId, size ?? {}, { signal })),
    enabled: size !== null,
    // A body is a token: never refetched in the background, dropped as soon as no tile uses it.
    staleTime: Infinity,
    gcTime: 0,
    placeholderData: keepPreviousData,
  });

  // The body in play changes only when the stream does (or on renewal): see shouldReplaceStream.
  const held = useRef<{ stream: LiveStream; renewal: number } | undefined>(undefined);
  const next = query.data;
  if (next && next.cameraId === cameraId && next !== held.current?.stream) {
    const renewed = held.current !== undefined && held.current.renewal !== renewal && !query.isPlaceholderData;
    if (shouldReplaceStream(held.current?.stream, next, renewed)) held.current = { stream: next, renewal };
  }
  if (held.current && held.current.stream.cameraId !== cameraId) held.current = undefined;

  const renew = useCallback(() => {
    const now = Date.now();
    if (now - lastRenew.current < RENEW_MIN_INTERVAL_MS) return;
    lastRenew.current = now;
    setRenewal((n) => n + 1);
  }, []);

  return { stream: held.current?.stream, error: query.error, loading: query.isPending, renew };
}
