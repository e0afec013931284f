/** The window's top level: the sign-in form until a session exists, then the signed-in shell. */
import { SessionGate } from '@nightjar/ui';
import { SessionRoot } from './session/SessionRoot';
import { OperatorSession } from './session/operatorSession';

export interface AppProps {
  /** What the address field starts with when no site was used before. */
  defaultAddress: string;
}

export function App({ defaultAddress }: AppProps) {
  return (
    <SessionGate product="Nightjar Smart Client" signIn={(r) => OperatorSession.signIn(r)} defaultAddress={defaultAddress}>
      {(session) => <SessionRoot session={session} />}
    </SessionGate>
  );
}
