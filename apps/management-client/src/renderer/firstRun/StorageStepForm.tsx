/** The Storage step's form, once the storages are loaded (its first values come from them). */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Icon } from '@nightjar/ui';
import type { StorageBody } from '@nightjar/ui';
import { desktopApi } from '../../common/desktopApi';
import { FormField, fieldError, formError } from '../components/FormField';
import { formatBytes } from '../dashboard/format';
import { isAbsolutePath } from '../servers/addStorageModel';
import { RetentionInput } from '../servers/RetentionInput';
import { createStorage, storagesKey, updateStorage } from '../servers/serversApi';
import { MIN_STORAGE_BYTES, gibToBytes, retentionHours } from '../servers/storageForm';
import { useAdmin } from '../session/adminContext';
import type { StorageStepProps } from './StorageStep';
import { initialStorageStep, storagePlan } from './storagePlan';
import type { StorageStepValues } from './storagePlan';
import { WizardActions } from './WizardActions';

export function StorageStepForm({ createdId, onSaved, onSkip, onBack, storages, base }: StorageStepProps & { storages: readonly StorageBody[]; base: StorageBody }) {
  const { client, queryClient, notify } = useAdmin();
  const [v, setValues] = useState<StorageStepValues>(() => initialStorageStep(base, createdId));
  const [tried, setTried] = useState(false);
  const save = useMutation({
    mutationFn: async () => {
      const plan = storagePlan(v, base, storages, createdId);
      if (plan.kind === 'unchanged') return { storageId: plan.storageId, created: undefined };
      if (plan.kind === 'update') return { storageId: (await updateStorage(client, plan.storageId, plan.body)).id, created: undefined };
      const made = await createStorage(client, plan.body);
      return { storageId: made.id, created: { id: made.id, path: made.path } };
    },
    onSuccess: ({ storageId, created }) => {
      void queryClient.invalidateQueries({ queryKey: storagesKey });
      if (created) notify('Storage added.', 'success');
      onSaved(storageId, created);
    },
  });
  // An edit makes the site's last refusal stale: its message goes until the next attempt.
  const set = <K extends keyof StorageStepValues>(key: K, value: StorageStepValues[K]) => {
    if (save.error) save.reset();
    setValues((x) => ({ ...x, [key]: value }));
  };
  const problems = {
    path: v.folder === 'other' && !isAbsolutePath(v.path.trim()) ? 'An absolute folder on the site\'s computer, e.g. /srv/nightjar/recordings.' : undefined,
    retentionHours: !(retentionHours(v.retention, v.retentionUnit) > 0) ? 'Keep recordings for more than 0 hours.' : undefined,
    maxBytes: !(gibToBytes(v.maxGiB) >= MIN_STORAGE_BYTES) ? 'At least 0.0625 GiB (64 MiB).' : undefined,
  };
  const error = (field: keyof typeof problems) => (tried ? problems[field] : undefined) ?? fieldError(save.error, field);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!Object.values(problems).some(Boolean)) save.mutate();
  };
  const chooseFolder = desktopApi()?.chooseFolder;
  const site = storages[0] ?? base;
  return (
    <form className="wizard-form" onSubmit={submit} aria-label="Storage">
      <p>Recordings are kept in a folder on the site's computer until they are older than the retention, or the folder holds the size limit.</p>
      <fieldset className="form-section">
        <legend>Folder</legend>
        <label className="checkbox">
          <input type="radio" name="folder" checked={v.folder === 'keep'} onChange={() => set('folder', 'keep')} />
          Keep recordings in <span className="mono">{site.path}</span> <span className="muted">({formatBytes(site.usedBytes)} used)</span>
        </label>
        <label className="checkbox">
          <input type="radio" name="folder" checked={v.folder === 'other'} onChange={() => set('folder', 'other')} /> Use another folder (for example a larger disk)
        </label>
        {v.folder === 'other' ? (
          <FormField label="Folder" error={error('path')} hint="Created when missing; it must be writable.">
            <span className="input-with-button">
              <input className="mono" value={v.path} onChange={(e) => set('path', e.target.value)} placeholder="/srv/nightjar/recordings" spellCheck={false} />
              {chooseFolder ? (
                <button type="button" className="btn" onClick={() => void chooseFolder({ title: 'Folder for recordings' }).then((r) => { if (r.path) set('path', r.path); })}>
                  <Icon name="folder" size={12} /> Browse…
                </button>
              ) : null}
            </span>
          </FormField>
        ) : null}
      </fieldset>
      <div className="form-grid">
        <FormField label="Keep recordings for" error={error('retentionHours')}>
          <RetentionInput value={v.retention} unit={v.retentionUnit} onChange={(retention, retentionUnit) => setValues((x) => ({ ...x, retention, retentionUnit }))} />
        </FormField>
        <FormField label="Size limit (GiB)" error={error('maxBytes')} hint="The oldest recordings go first when it is reached.">
          <input inputMode="decimal" value={v.maxGiB} onChange={(e) => set('maxGiB', e.target.value)} />
        </FormField>
      </div>
      {formError(save.error, ['path', 'retentionHours', 'maxBytes', 'name']) ? <div className="error-note" role="alert">{formError(save.error, ['path', 'retentionHours', 'maxBytes', 'name'])}</div> : null}
      <WizardActions onBack={onBack} skipLabel="Leave storage as it is" onSkip={onSkip} busy={save.isPending} primary={save.isPending ? 'Saving…' : 'Save and continue'} />
    </form>
  );
}
