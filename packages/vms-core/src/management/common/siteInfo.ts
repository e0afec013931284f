/** The site and its recording servers as configured (pure, so clients can type them). */

export interface SiteInfo {
  name: string;
  description: string;
}

export const SITE_LIMITS = { nameMaxLength: 100, descriptionMaxLength: 2000 } as const;

export interface RecordingServerRecord {
  id: string;
  name: string;
  description: string;
  /** Host name or address the server is reached at. */
  address: string;
  /** The server running in this process (all-in-one): there is at most one. */
  local: boolean;
}

/**
 * `online`: answering now (the local server, whenever the API answers); `unknown`: a remote
 * server this site has no connection to yet (multi-server sites come later).
 */
export type RecordingServerState = 'online' | 'unknown';
