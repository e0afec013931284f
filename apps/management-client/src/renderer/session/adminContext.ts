import { createContext, useContext } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import type { ConnectionMonitor, NoticeKind, SessionUser, SiteClient } from '@nightjar/ui';

/**
 * What every page of the signed-in Management Client reaches through React context: the
 * site's typed client, the query cache, the user, the connection, and the shell's notices.
 */
export interface AdminContextValue {
  client: SiteClient;
  queryClient: QueryClient;
  user: SessionUser;
  connection: ConnectionMonitor;
  signOut: () => void;
  /** A short message in the corner: saved, failed, done. */
  notify: (text: string, kind?: NoticeKind) => void;
}

export const AdminContext = createContext<AdminContextValue | null>(null);

export function useAdmin(): AdminContextValue {
  const value = useContext(AdminContext);
  if (!value) throw new Error('useAdmin: used outside a signed-in session (no AdminContext provider)');
  return value;
}
