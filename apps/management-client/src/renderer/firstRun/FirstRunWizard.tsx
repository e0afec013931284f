/**
 * "Set up this site": administrator password, storage, cameras found and added, their names,
 * then the way to live video. Each step saves its own part when the administrator moves on
 * (firstRunFlow.ts); closing half-way keeps what was saved, and the next sign-in offers to go on.
 */
import { useEffect, useReducer, useRef } from 'react';
import { Dialog } from '@nightjar/ui';
import { WizardSteps } from '../components/WizardSteps';
import { AdministratorStep } from './AdministratorStep';
import { DiscoverStep } from './DiscoverStep';
import { DoneStep } from './DoneStep';
import { EnableStep } from './EnableStep';
import { FIRST_RUN_STEPS, INITIAL_FIRST_RUN, firstRunReducer } from './firstRunFlow';
import { StorageStep } from './StorageStep';
import '../servers/servers.css';
import './firstRun.css';

export function FirstRunWizard({ onClose, onFinish }: { onClose: () => void; onFinish: () => void }) {
  const [state, dispatch] = useReducer(firstRunReducer, INITIAL_FIRST_RUN);
  const stepBody = useRef<HTMLDivElement>(null);
  // The dialog focuses its first field once; each new step puts the keyboard in its own first
  // field, when that appears (steps that read the site first render their form a moment later).
  // Until then the step's frame holds the focus, inside the dialog, so Escape still closes it.
  useEffect(() => {
    const root = stepBody.current;
    if (!root) return;
    const focusFirst = () => {
      const field = root.querySelector<HTMLElement>('[data-autofocus], input:not([readonly]):not([disabled]), select, textarea');
      field?.focus();
      return field !== null;
    };
    if (focusFirst()) return;
    root.focus();
    const watch = new MutationObserver(() => { if (focusFirst()) watch.disconnect(); });
    watch.observe(root, { childList: true, subtree: true });
    return () => watch.disconnect();
  }, [state.step]);
  const skip = () => dispatch({ type: 'skip' });
  const back = () => dispatch({ type: 'back' });
  let body;
  switch (state.step) {
    case 0: body = <AdministratorStep onDone={() => dispatch({ type: 'passwordChanged' })} onSkip={skip} />; break;
    case 1:
      body = (
        <StorageStep createdId={state.createdStorage?.id ?? null} onBack={back} onSkip={skip}
          onSaved={(storageId, created) => dispatch({ type: 'storageSaved', storageId, ...(created ? { created } : {}) })} />
      );
      break;
    case 2: body = <DiscoverStep storageId={state.storageId} onBack={back} onSkip={skip} onAdded={(cameraIds) => dispatch({ type: 'camerasAdded', cameraIds })} />; break;
    case 3: body = <EnableStep addedIds={state.addedCameraIds} onBack={back} onSkip={skip} onDone={() => dispatch({ type: 'camerasEnabled' })} />; break;
    case 4: body = <DoneStep state={state} onFinish={onFinish} />; break;
  }
  return (
    <Dialog title="Set up this site" icon="home" width={780} onClose={state.step === 4 ? onFinish : onClose} testId="first-run-wizard">
      <WizardSteps steps={FIRST_RUN_STEPS} current={state.step} />
      <div ref={stepBody} tabIndex={-1} className="first-run-step">{body}</div>
    </Dialog>
  );
}
