import { useSyncExternalStore } from 'react';
import type { ConnectionState } from './connectionMonitor';
import { useSite } from './siteContext';

/** Whether the site answers, re-rendering when that changes (banner, tiles, stale marks). */
export function useConnectionState(): ConnectionState {
  const { connection } = useSite();
  return useSyncExternalStore((listener) => connection.onDidChange(listener), () => connection.state);
}
