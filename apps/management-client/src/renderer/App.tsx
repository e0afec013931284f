/** The window's top level: the sign-in form until a session exists, then the administrator's shell. */
import { SessionGate } from '@nightjar/ui';
import { AdminSession } from './session/adminSession';
import { AdminRoot } from './session/AdminRoot';

export function App({ defaultAddress }: { defaultAddress: string }) {
  return (
    <SessionGate product="Nightjar Management Client" signIn={(r) => AdminSession.signIn(r)} defaultAddress={defaultAddress}>
      {(session) => <AdminRoot session={session} />}
    </SessionGate>
  );
}
