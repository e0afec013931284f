/**
 * The state of the all-in-one site on this machine, as the launchers, the tray and a renderer
 * (through its desktop API) see it. Pure and import-free: apps' common/ code takes its types
 * through `@nightjar/desktop/local-site-state`, the one part of this package a renderer's
 * types may reach.
 */
export type LocalSiteStatus =
  /** No site process holds the data folder. */
  | 'stopped'
  /** A site process holds the data folder and is opening it; it does not answer yet. */
  | 'starting'
  /** The site answers GET /api/health at `url`. */
  | 'running'
  /** The site process lives but has not answered for a while (hung, or the port was taken from it). */
  | 'unresponsive'
  /** Asked to stop; waiting for it to close its recordings and exit. */
  | 'stopping';

export interface LocalSiteState {
  status: LocalSiteStatus;
  /** The site's data folder (absolute). */
  dataDir: string;
  pid?: number;
  url?: string;
  port?: number;
  /** Why the last start or stop failed, when it did. */
  error?: string;
}

export type LocalSiteAction = 'start' | 'stop' | 'restart';

export function describeLocalSite(state: LocalSiteState): string {
  switch (state.status) {
    case 'running':
      return `Local site running at ${state.url}`;
    case 'starting':
      return 'Local site starting…';
    case 'stopping':
      return 'Local site stopping…';
    case 'unresponsive':
      return `Local site not answering (pid ${state.pid})`;
    case 'stopped':
      return state.error ? `Local site stopped: ${state.error}` : 'Local site stopped';
  }
}
