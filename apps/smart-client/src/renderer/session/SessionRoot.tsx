/**
 * Provides one signed-in session to the tree (query cache, SiteContext) and shows the shell.
 * The updates socket belongs to the session and lives as long as it does.
 */
import { QueryClientProvider } from '@tanstack/react-query';
import { useMemo } from 'react';
import { desktopApi } from '../../common/desktopApi';
import { Shell } from '../shell/Shell';
import type { OperatorSession } from './operatorSession';
import { SiteContext } from './siteContext';
import type { SiteContextValue } from './siteContext';

export function SessionRoot({ session }: { session: OperatorSession }) {
  const value = useMemo<SiteContextValue>(() => ({
    client: session.client,
    store: session.store,
    queryClient: session.queryClient,
    user: session.user,
    connection: session.connection,
    updates: session.updates,
    signOut: (reason) => void session.signOut(reason),
    desktop: desktopApi() ?? null,
  }), [session]);
  return (
    <QueryClientProvider client={session.queryClient}>
      <SiteContext.Provider value={value}>
        <Shell />
      </SiteContext.Provider>
    </QueryClientProvider>
  );
}
