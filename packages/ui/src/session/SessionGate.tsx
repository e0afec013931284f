/**
 * A client window's top level: the sign-in form until a session exists, then the app's
 * signed-in tree. A session that ends by itself (refresh refused) brings the form back with the
 * reason; its resources are released before the form shows.
 */
import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import type { SignInRequest, SignedInSession } from './signedInSession';
import { sessionEndMessage } from './signInErrors';
import { SignInPage } from './SignInPage';

type Phase<S> = { kind: 'signedOut'; notice?: string | undefined } | { kind: 'signedIn'; session: S };

export interface SessionGateProps<S extends SignedInSession> {
  /** The application's name, the sign-in form's title. */
  product: string;
  signIn: (request: SignInRequest) => Promise<S>;
  /** What the address field starts with when no site was used before. */
  defaultAddress: string;
  children: (session: S) => ReactNode;
}

export function SessionGate<S extends SignedInSession>({ product, signIn, defaultAddress, children }: SessionGateProps<S>) {
  const [phase, setPhase] = useState<Phase<S>>({ kind: 'signedOut' });
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

  if (phase.kind === 'signedIn') return <>{children(phase.session)}</>;
  return (
    <SignInPage product={product} signIn={signIn} defaultAddress={defaultAddress} notice={phase.notice}
      onSignedIn={(s) => setPhase({ kind: 'signedIn', session: s })} />
  );
}
