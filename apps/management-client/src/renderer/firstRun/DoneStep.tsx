/**
 * First run, done: what was set up, and the way to live video — the Smart Client the site
 * serves at `/`, which opens on its Live workspace. Finish remembers the site as set up.
 */
import { useQuery } from '@tanstack/react-query';
import { Icon } from '@nightjar/ui';
import { storagesConfigQuery } from '../servers/serversApi';
import { useAdmin } from '../session/adminContext';
import type { FirstRunState } from './firstRunFlow';
import { firstRunSummary } from './firstRunFlow';

export function DoneStep({ state, onFinish }: { state: FirstRunState; onFinish: () => void }) {
  const { client } = useAdmin();
  const storages = useQuery(storagesConfigQuery(client));
  const storageName = storages.data?.find((s) => s.id === state.storageId)?.name;
  const smartClient = client.resolveUrl('/');
  return (
    <div className="wizard-form first-run-done">
      <h3><Icon name="check" size={16} /> The site is set up</h3>
      <ul className="first-run-summary">
        {firstRunSummary(state, storageName).map((line) => <li key={line}>{line}</li>)}
      </ul>
      <p>Operators watch live video and recordings in the Smart Client. Everything set here can be changed later in this Management Client.</p>
      <div className="wizard-actions">
        <a className="btn" href={smartClient} target="_blank" rel="noopener noreferrer"><Icon name="live" size={12} /> Open live video in the Smart Client</a>
        <span className="wizard-actions-gap" />
        <button type="button" className="btn btn-primary" data-autofocus onClick={onFinish}>Finish</button>
      </div>
    </div>
  );
}
