import { useConnection } from '@nightjar/ui';
import type { ConnectionState } from '@nightjar/ui';
import { useSite } from './siteContext';

/** Whether the site answers, re-rendering when that changes (banner, tiles, stale marks). */
export function useConnectionState(): ConnectionState {
  return useConnection(useSite().connection);
}
