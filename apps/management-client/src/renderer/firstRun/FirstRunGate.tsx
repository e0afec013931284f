/**
 * Mounted beside the signed-in shell's body: offers "Set up this site" once after sign-in when
 * the site is fresh (freshSite.ts explains the signals), and runs the first-run wizard. Renders
 * nothing otherwise; asks the site nothing for users who could not do the steps anyway.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Dialog, Icon, camerasQuery } from '@nightjar/ui';
import { useAdmin } from '../session/adminContext';
import { auditProbeQuery } from './firstRunApi';
import type { FirstRunRecord } from './freshSite';
import { firstRunKey, firstRunOffer, isFreshSite, readFirstRunRecord, writeFirstRunRecord } from './freshSite';
import { FirstRunWizard } from './FirstRunWizard';

const storage = (): Storage | undefined => {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
};

export function FirstRunGate({ flags }: { flags: { manageConfiguration: boolean; manageUsers: boolean } }) {
  const { client, user } = useAdmin();
  const key = firstRunKey(client.baseUrl, user.id);
  const [record, setRecord] = useState<FirstRunRecord | null>(() => readFirstRunRecord(storage(), key));
  const [phase, setPhase] = useState<'ask' | 'wizard' | 'closed'>('ask');
  const canAdminister = flags.manageConfiguration && flags.manageUsers;
  const probe = canAdminister && record === null;
  const audit = useQuery({ ...auditProbeQuery(client), enabled: probe });
  const cameras = useQuery({ ...camerasQuery(client), enabled: probe });
  const fresh = audit.data && cameras.data ? isFreshSite(audit.data, cameras.data) : audit.isError ? false : undefined;
  const offer = firstRunOffer({ record, canAdminister, fresh });

  const remember = (r: FirstRunRecord) => {
    writeFirstRunRecord(storage(), key, r);
    setRecord(r);
  };

  if (phase === 'wizard') {
    return <FirstRunWizard onClose={() => setPhase('closed')} onFinish={() => { remember('done'); setPhase('closed'); }} />;
  }
  if (phase === 'closed' || offer === 'none') return null;
  const resume = offer === 'resume';
  return (
    <Dialog title="Set up this site" icon="home" width={480} onClose={() => { remember('dismissed'); setPhase('closed'); }} testId="first-run-offer"
      footer={(
        <>
          <button type="button" className="btn" onClick={() => { remember('dismissed'); setPhase('closed'); }}>{resume ? 'No, it is done' : 'Not now'}</button>
          <button type="button" className="btn btn-primary" data-autofocus onClick={() => { remember('started'); setPhase('wizard'); }}>
            <Icon name="arrowRight" size={12} /> {resume ? 'Continue setting up' : 'Set up this site'}
          </button>
        </>
      )}>
      {resume
        ? <p>Setting up this site was not finished. Go through the steps again? What was saved stays.</p>
        : (
          <>
            <p>This site is new: nothing has been configured yet. A few steps make it ready:</p>
            <ol className="first-run-offer-steps">
              <li>your own administrator password,</li>
              <li>where recordings are kept, and for how long,</li>
              <li>find the cameras on this network and add them,</li>
              <li>name them — then watch them live.</li>
            </ol>
            <p className="muted">Everything can also be set up later, page by page.</p>
          </>
        )}
    </Dialog>
  );
}
