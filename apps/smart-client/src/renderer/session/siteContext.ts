import { createContext, useContext } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import { useStore } from 'zustand';
import type { ClientState, ClientStore, SessionUser, SiteClient, SiteUpdatesSocket } from '@nightjar/ui';
import type { DesktopApi } from '../../common/desktopApi';
import type { ConnectionMonitor } from '@nightjar/ui';

/**
 * What every part of the signed-in Smart Client reaches through React context: the site's typed
 * client, this window's zustand store and the query cache. One value per signed-in window, made
 * by the session shell; nothing here is a module singleton, so tests mount their own.
 */
export interface SiteContextValue {
  client: SiteClient;
  store: ClientStore;
  queryClient: QueryClient;
  user: SessionUser;
  /** Whether the site is reachable; the banner and the tiles follow it. */
  connection: ConnectionMonitor;
  /** Ends the session on the site and returns to the sign-in form; 'idle' when the client profile's idle time ran out. */
  signOut: (reason?: 'signedOut' | 'idle') => void;
  /** The site's updates socket (already applied to the query cache; listen for what else to do). */
  updates: SiteUpdatesSocket;
  /** The Electron shell's API (native folders, windows); null in a browser, where features degrade. */
  desktop: DesktopApi | null;
}

export const SiteContext = createContext<SiteContextValue | null>(null);

export function useSite(): SiteContextValue {
  const site = useContext(SiteContext);
  if (!site) throw new Error('useSite: used outside a signed-in session (no SiteContext provider)');
  return site;
}

/** Selects from this window's client store; re-renders only when the selected value changes. */
export function useClientState<T>(selector: (state: ClientState) => T): T {
  return useStore(useSite().store, selector);
}
