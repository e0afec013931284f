/**
 * First run, step 4: name the cameras and choose which run (a disabled camera neither streams
 * nor records). The cameras just added come first. Each changed camera is one updateCamera; a
 * refused one shows its error in its row and keeps the edit.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { camerasQuery, queryKeys } from '@nightjar/ui';
import { useAdmin } from '../session/adminContext';
import type { CameraEdit } from './enableCameras';
import { cameraChanges, cameraNameProblem, editsOf, enableOrder } from './enableCameras';
import { updateCamera } from './firstRunApi';
import { WizardActions } from './WizardActions';

export interface EnableStepProps {
  addedIds: readonly string[];
  onDone: () => void;
  onSkip: () => void;
  onBack: () => void;
}

export function EnableStep({ addedIds, onDone, onSkip, onBack }: EnableStepProps) {
  const { client, queryClient, notify } = useAdmin();
  const cameras = useQuery(camerasQuery(client));
  const [edits, setEdits] = useState<Record<string, CameraEdit>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  // Cameras arriving later (the list refetches after adding) get their row without losing edits.
  useEffect(() => {
    if (cameras.data) setEdits((e) => ({ ...editsOf(cameras.data), ...e }));
  }, [cameras.data]);

  if (cameras.isPending) return <p className="muted"><span className="spinner spinner-sm" aria-hidden /> Reading the cameras…</p>;
  if (cameras.isError) return <div className="error-note" role="alert">{cameras.error.message}</div>;
  const list = enableOrder(cameras.data, addedIds);
  const problems = Object.fromEntries(list.flatMap((c) => { const p = edits[c.id] ? cameraNameProblem(edits[c.id]!.name) : undefined; return p ? [[c.id, p]] : []; }));
  const changes = cameraChanges(list, edits);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    const failed: Record<string, string> = {};
    for (const ch of changes) {
      try {
        await updateCamera(client, ch.cameraId, ch.body);
      } catch (err) {
        failed[ch.cameraId] = err instanceof Error ? err.message : String(err);
      }
    }
    setErrors(failed);
    setBusy(false);
    await queryClient.invalidateQueries({ queryKey: queryKeys.cameras() });
    if (Object.keys(failed).length === 0) {
      if (changes.length > 0) notify(`${changes.length} ${changes.length === 1 ? 'camera' : 'cameras'} saved.`, 'success');
      onDone();
    }
  };
  const set = (id: string, patch: Partial<CameraEdit>) => setEdits((e) => ({ ...e, [id]: { ...e[id]!, ...patch } }));

  return (
    <form className="wizard-form" onSubmit={(e) => void submit(e)} aria-label="Enable cameras">
      <p>{list.length === 0 ? 'The site has no cameras yet; add them later under Devices.' : 'Name each camera as operators will know it, and clear the ones that should not run.'}</p>
      {list.length > 0 ? (
        <table className="data-table enable-table" aria-label="Cameras">
          <thead><tr><th style={{ width: 70 }}>Enabled</th><th>Name</th><th /></tr></thead>
          <tbody>
            {list.map((c) => {
              const e = edits[c.id] ?? { name: c.name, enabled: c.enabled };
              const problem = problems[c.id] ?? errors[c.id];
              return (
                <tr key={c.id}>
                  <td><input type="checkbox" aria-label={`Enable ${c.name}`} checked={e.enabled} disabled={busy} onChange={(x) => set(c.id, { enabled: x.target.checked })} /></td>
                  <td>
                    <input className="input" aria-label={`Name of ${c.name}`} value={e.name} maxLength={200} disabled={busy} aria-invalid={problem ? true : undefined}
                      onChange={(x) => set(c.id, { name: x.target.value })} />
                    {problem ? <em className="field-error" role="alert">{problem}</em> : null}
                  </td>
                  <td>{addedIds.includes(c.id) ? <span className="state-pill" data-tone="ok">New</span> : null}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      <WizardActions onBack={onBack} busy={busy} skipLabel="Keep as they are" onSkip={onSkip}
        blocked={Object.keys(problems).length > 0}
        primary={busy ? 'Saving…' : changes.length > 0 ? `Save ${changes.length} and continue` : 'Continue'} />
    </form>
  );
}
