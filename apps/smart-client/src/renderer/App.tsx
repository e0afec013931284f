/**
 * The window's top level: the sign-in form until a session exists, then the signed-in shell.
 * A session that ends by itself (refresh refused) brings the form back with the reason; the
 * session's resources are released before the form shows.
 */
import { useEffect, useState } from 'react';
import { SessionRoot } from './session/SessionRoot';
import { SignInPage, sessionEndMessage } from '@nightjar/ui';
import { OperatorSession } from './session/operatorSession';

type Phase =
  | { kind: 'signedOut'; notice?: string | undefined }
  | { kind: 'signedIn'; session: OperatorSession };

export interface AppProps {
  /** What the address field starts with when no site was used before. */
  defaultAddress: string;
}

export function App({ defaultAddress }: AppProps) {
  const [phase, setPhase] = useState<Phase>({ kind: 'signedOut' });
  const session = phase.kind === 'signedIn' ? phase.session : null;

  useEffect(() => {
    if (!session) return;
    // Released on the end itself, not on effect cleanup: StrictMode re-runs effects, and a
    // re-subscription must not cost a live session.
    return session.onDidEnd((reason) => {
      session.dispose();
      setPhase({ kind: 'signedOut', notice: sessionEndMessage(reason) });
    });
  }, [session]);

  if (phase.kind === 'signedIn') return <SessionRoot session={phase.session} />;
  return (
    <SignInPage
      product="Nightjar Smart Client"
      signIn={(r) => OperatorSession.signIn(r)}
      defaultAddress={defaultAddress}
      notice={phase.notice}
      onSignedIn={(s) => setPhase({ kind: 'signedIn', session: s })}
    />
  );
}
