/**
 * A storage's Settings tab: name, retention, size limit, free space to keep, archive stage with
 * its schedule and grooming, encryption. One PATCH with only the changed fields (all or nothing
 * on the site); errors next to their field, from the form's checks or the site's 400.
 */
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { StorageBody } from '@nightjar/ui';
import { FormField, fieldError, formError } from '../components/FormField';
import { useAdmin } from '../session/adminContext';
import { RetentionInput } from './RetentionInput';
import { recordingServersKey, storagesKey, updateStorage } from './serversApi';
import type { StorageErrors, StorageFormValues } from './storageForm';
import { archiveTargets, storageToForm, storageUpdateBody, validateStorageForm } from './storageForm';

const FIELDS = ['name', 'retentionHours', 'maxBytes', 'minFreeBytes', 'archiveEveryMinutes', 'archive', 'encrypted'] as const;

export function StorageSettingsForm({ storage, storages, diskTotalBytes }: { storage: StorageBody; storages: readonly StorageBody[]; diskTotalBytes?: number | undefined }) {
  const { client, queryClient, notify } = useAdmin();
  const [initial, setInitial] = useState(() => storageToForm(storage));
  const [values, setValues] = useState(initial);
  // A refetch (someone else's change, a save) resets the form only when it changed the settings, not usedBytes.
  const loaded = JSON.stringify(storageToForm(storage));
  useEffect(() => {
    const fresh = JSON.parse(loaded) as StorageFormValues;
    setInitial(fresh);
    setValues(fresh);
  }, [loaded]);

  const save = useMutation({
    mutationFn: () => updateStorage(client, storage.id, storageUpdateBody(initial, values)),
    onSuccess: (saved) => {
      queryClient.setQueryData<StorageBody[]>(storagesKey, (list) => list?.map((s) => (s.id === saved.id ? saved : s)));
      void queryClient.invalidateQueries({ queryKey: recordingServersKey });
      notify(`Storage ${saved.name} saved.`, 'success');
    },
  });

  const checks: StorageErrors = validateStorageForm(values, diskTotalBytes === undefined ? {} : { diskTotalBytes });
  const body = storageUpdateBody(initial, values);
  const changed = Object.keys(body).length > 0;
  // The loaded settings pass every check, so checks show as the administrator types.
  const error = (field: keyof StorageErrors) => checks[field] ?? fieldError(save.error, field);
  const valid = Object.keys(checks).length === 0;
  // An edit makes the site's last refusal stale: its message goes until the next save.
  const set = <K extends keyof StorageFormValues>(key: K, value: StorageFormValues[K]) => {
    if (save.error) save.reset();
    setValues((v) => ({ ...v, [key]: value }));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (valid && changed) save.mutate();
  };
  const targets = archiveTargets(storage.id, storages);
  const problem = formError(save.error, FIELDS);

  return (
    <form className="page-form storage-form" onSubmit={submit} aria-label={`Settings of ${storage.name}`}>
      <FormField label="Name" error={error('name')}>
        <input value={values.name} onChange={(e) => set('name', e.target.value)} maxLength={100} />
      </FormField>
      <FormField label="Folder" hint="Fixed once created; add another storage for another folder.">
        <input value={storage.path} readOnly className="mono" />
      </FormField>
      <div className="form-grid">
        <FormField label="Keep recordings for" error={error('retentionHours')}>
          <RetentionInput value={values.retention} unit={values.retentionUnit} onChange={(retention, retentionUnit) => setValues((v) => ({ ...v, retention, retentionUnit }))} />
        </FormField>
        <FormField label="Size limit (GiB)" error={error('maxBytes')} hint="The oldest recordings leave first when it is reached.">
          <input inputMode="decimal" value={values.maxGiB} onChange={(e) => set('maxGiB', e.target.value)} />
        </FormField>
        <FormField label="Keep free on the disk (GiB)" error={error('minFreeBytes')}>
          <input inputMode="decimal" value={values.minFreeGiB} onChange={(e) => set('minFreeGiB', e.target.value)} />
        </FormField>
      </div>
      <fieldset className="form-section">
        <legend>Archiving</legend>
        <FormField label="When recordings are older than the retention" error={error('archive.storageId')}>
          <select value={values.archiveTo} onChange={(e) => set('archiveTo', e.target.value)}>
            <option value="">Delete them</option>
            {targets.map((s) => <option key={s.id} value={s.id}>Move them to {s.name}</option>)}
          </select>
        </FormField>
        <div className="form-grid">
          <FormField label="Archive every (minutes)" error={error('archiveEveryMinutes')} hint="How often old recordings are moved or deleted.">
            <input inputMode="numeric" value={values.archiveEveryMinutes} onChange={(e) => set('archiveEveryMinutes', e.target.value)} />
          </FormField>
          {values.archiveTo !== '' ? (
            <>
              <FormField label="Keep at most (frames per second)" error={error('archive.grooming.maxFps')} hint="Empty keeps every frame.">
                <input inputMode="decimal" value={values.maxFps} onChange={(e) => set('maxFps', e.target.value)} />
              </FormField>
              <label className="checkbox"><input type="checkbox" checked={values.keyFramesOnly} onChange={(e) => set('keyFramesOnly', e.target.checked)} /> Key frames only in the archive</label>
            </>
          ) : null}
        </div>
      </fieldset>
      <label className="checkbox">
        <input type="checkbox" checked={values.encrypted} onChange={(e) => set('encrypted', e.target.checked)} /> Encrypt recordings (AES-256-GCM)
      </label>
      {values.encrypted !== initial.encrypted ? (
        <small className="field-hint">{values.encrypted ? 'New recordings are encrypted from now on; existing ones stay as they are.' : 'New recordings are no longer encrypted; encrypted ones stay encrypted.'}</small>
      ) : null}
      {problem ? <div className="error-note" role="alert">{problem}</div> : null}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={!changed || !valid || save.isPending}>{save.isPending ? 'Saving…' : 'Save'}</button>
        <button type="button" className="btn" disabled={!changed || save.isPending} onClick={() => { setValues(initial); save.reset(); }}>Revert</button>
        {changed ? <span className="muted">Unsaved changes</span> : null}
      </div>
    </form>
  );
}
