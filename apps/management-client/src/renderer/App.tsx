/**
 * The window's top level: the sign-in form until a session exists, then the administrator's
 * shell. A session that ends by itself brings the form back with the reason.
 */
import { useEffect, useState } from 'react';
import { SignInPage, sessionEndMessage } from '@nightjar/ui';
import { AdminSession } from './session/adminSession';
import { AdminRoot } from './session/AdminRoot';

type Phase = { kind: 'signedOut'; notice?: string | undefined } | { kind: 'signedIn'; session: AdminSession };

export function App({ defaultAddress }: { defaultAddress: string }) {
  const [phase, setPhase] = useState<Phase>({ kind: 'signedOut' });
  const session = phase.kind === 'signedIn' ? phase.session : null;

  useEffect(() => {
    if (!session) return;
    // Released on the end itself, not on effect cleanup: StrictMode re-runs effects.
    return session.onDidEnd((reason) => {
      session.dispose();
      setPhase({ kind: 'signedOut', notice: sessionEndMessage(reason) });
    });
  }, [session]);

  if (phase.kind === 'signedIn') return <AdminRoot session={phase.session} />;
  return (
    <SignInPage
      product="Nightjar Management Client"
      signIn={(r) => AdminSession.signIn(r)}
      defaultAddress={defaultAddress}
      notice={phase.notice}
      onSignedIn={(s) => setPhase({ kind: 'signedIn', session: s })}
    />
  );
}
