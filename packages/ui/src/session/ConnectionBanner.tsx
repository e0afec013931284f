/**
 * A thin bar under the top bar while the site cannot be reached. The session keeps its tokens
 * in memory and the players reconnect by themselves, so the banner only informs: it goes away
 * when the site answers again, without a reload.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { Icon } from '../shell/Icon';
import type { ConnectionMonitor, ConnectionState } from './connectionMonitor';

/** Whether the site answers, re-rendering when that changes (banner, tiles, stale marks). */
export function useConnection(connection: ConnectionMonitor): ConnectionState {
  return useSyncExternalStore((listener) => connection.onDidChange(listener), () => connection.state);
}

export interface ConnectionBannerProps {
  connection: ConnectionMonitor;
  /** The site's address, named in the message. */
  siteAddress: string;
}

export function ConnectionBanner({ connection, siteAddress }: ConnectionBannerProps) {
  const state = useConnection(connection);
  const [recovered, setRecovered] = useState(false);

  useEffect(() => connection.onDidRecover(() => setRecovered(true)), [connection]);
  useEffect(() => {
    if (!recovered) return;
    const timer = setTimeout(() => setRecovered(false), 3000);
    return () => clearTimeout(timer);
  }, [recovered]);

  if (state.kind === 'reconnecting') {
    const host = siteAddress.replace(/^https?:\/\//, '');
    return (
      <div className="banner banner-warn" role="alert">
        <span className="banner-spinner" aria-hidden />
        <span><strong>Connection to site lost — reconnecting…</strong> {host} does not answer. Video and changes resume when it is back.</span>
        {state.probes > 0 ? <span className="banner-meta">attempt {state.probes}</span> : null}
      </div>
    );
  }
  if (recovered) {
    return (
      <div className="banner banner-ok" role="status">
        <Icon name="check" size={14} />
        <span>Connection to site restored.</span>
      </div>
    );
  }
  return null;
}
