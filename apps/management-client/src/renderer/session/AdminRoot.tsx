/** Provides one signed-in session to the tree (query cache, AdminContext) and shows the shell. */
import { QueryClientProvider } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { NoticeList, NoticeStack } from '@nightjar/ui';
import { AdminShell } from '../shell/AdminShell';
import type { AdminSession } from './adminSession';
import { AdminContext } from './adminContext';
import type { AdminContextValue } from './adminContext';

export function AdminRoot({ session }: { session: AdminSession }) {
  const [notices] = useState(() => new NoticeList());
  const value = useMemo<AdminContextValue>(() => ({
    client: session.client,
    queryClient: session.queryClient,
    user: session.user,
    connection: session.connection,
    signOut: () => void session.signOut(),
    notify: (text, kind) => void notices.push(text, kind),
  }), [session, notices]);
  return (
    <QueryClientProvider client={session.queryClient}>
      <AdminContext.Provider value={value}>
        <AdminShell />
        <NoticeStack list={notices} />
      </AdminContext.Provider>
    </QueryClientProvider>
  );
}
