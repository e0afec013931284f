/**
 * Add storage / archive: purpose, folder, retention and size, confirm — then one createStorage
 * request (an archive is attached to its source in the same request). When the site refuses a
 * field, the wizard returns to the step that shows it, with the site's message beside it.
 */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, Dialog, Icon } from '@nightjar/ui';
import type { StorageBody } from '@nightjar/ui';
import { desktopApi } from '../../common/desktopApi';
import { FormField, fieldError, formError } from '../components/FormField';
import { WizardSteps } from '../components/WizardSteps';
import { formatRetention } from '../dashboard/format';
import { useAdmin } from '../session/adminContext';
import type { AddStorageStep, AddStorageValues } from './addStorageModel';
import { ADD_STORAGE_STEPS, createStorageBody, initialAddStorage, stepOfField, validateAddStorageStep } from './addStorageModel';
import { RetentionInput } from './RetentionInput';
import { createStorage, recordingServersKey, storagesKey } from './serversApi';

const SITE_FIELDS = ['name', 'path', 'retentionHours', 'maxBytes', 'archive', 'archiveOf', 'encrypted'];

export function AddStorageWizard({ storages, onClose, onCreated }: { storages: readonly StorageBody[]; onClose: () => void; onCreated: (s: StorageBody) => void }) {
  const { client, queryClient, notify } = useAdmin();
  const [step, setStep] = useState<AddStorageStep>(0);
  const [v, setValues] = useState(() => initialAddStorage(storages));
  const [shown, setShown] = useState(false);
  const create = useMutation({
    mutationFn: () => createStorage(client, createStorageBody(v)),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: storagesKey });
      void queryClient.invalidateQueries({ queryKey: recordingServersKey });
      notify(`Storage ${created.name} added.`, 'success');
      onCreated(created);
    },
    onError: (e) => setStep(stepOfField(e instanceof ApiError ? e.field : undefined)),
  });
  // An edit makes the site's last refusal stale: its message goes until the next attempt.
  const set = <K extends keyof AddStorageValues>(key: K, value: AddStorageValues[K]) => {
    if (create.error) create.reset();
    setValues((x) => ({ ...x, [key]: value }));
  };
  const source = storages.find((s) => s.id === v.archiveOf);
  const checks = validateAddStorageStep(step, v, storages);
  const error = (field: string) => (shown ? checks[field] : undefined) ?? fieldError(create.error, field);
  const next = () => {
    setShown(true);
    if (Object.keys(checks).length > 0) return;
    setShown(false);
    if (step === 0 && v.name.trim() === '') {
      set('name', v.purpose === 'archive' ? `Archive of ${source?.name ?? 'storage'}` : `Storage ${storages.length + 1}`);
    }
    if (step === 3) create.mutate();
    else setStep((step + 1) as AddStorageStep);
  };
  const chooseFolder = desktopApi()?.chooseFolder;

  return (
    <Dialog title="Add storage" icon="storage" width={620} onClose={onClose} testId="add-storage-wizard"
      footer={(
        <>
          <button type="button" className="btn" onClick={onClose}>Cancel</button>
          <button type="button" className="btn" disabled={step === 0 || create.isPending} onClick={() => { setShown(false); setStep((step - 1) as AddStorageStep); }}>Back</button>
          <button type="button" className="btn btn-primary" disabled={create.isPending} onClick={next}>
            {step === 3 ? (create.isPending ? 'Creating…' : 'Create storage') : 'Next'}
          </button>
        </>
      )}>
      <form className="wizard-form" onSubmit={(e) => { e.preventDefault(); next(); }}>
        <WizardSteps steps={ADD_STORAGE_STEPS} current={step} />
        {step === 0 ? (
          <fieldset className="form-section">
            <legend>What is the new storage for?</legend>
            <label className="checkbox"><input type="radio" name="purpose" checked={v.purpose === 'recording'} onChange={() => set('purpose', 'recording')} /> Recordings: cameras record to it</label>
            <label className="checkbox"><input type="radio" name="purpose" checked={v.purpose === 'archive'} onChange={() => set('purpose', 'archive')} disabled={storages.length === 0} /> An archive: older recordings of another storage move to it</label>
            {v.purpose === 'archive' ? (
              <FormField label="Archive of" error={error('archiveOf.storageId')}>
                <select value={v.archiveOf} onChange={(e) => { const s = storages.find((x) => x.id === e.target.value); setValues((x) => ({ ...x, archiveOf: e.target.value, everyMinutes: String(s?.archiveEveryMinutes ?? 60) })); }}>
                  {storages.map((s) => <option key={s.id} value={s.id}>{s.name}{s.archive ? ' (replaces its current archive)' : ''}</option>)}
                </select>
              </FormField>
            ) : null}
          </fieldset>
        ) : null}
        {step === 1 ? (
          <>
            <FormField label="Name" error={error('name')}>
              <input value={v.name} onChange={(e) => set('name', e.target.value)} maxLength={100} placeholder={v.purpose === 'archive' ? `Archive of ${source?.name ?? ''}` : 'Storage 2'} />
            </FormField>
            <FormField label="Folder on the recording server" error={error('path')} hint="Created when missing; it must be writable and not inside another storage's folder.">
              <span className="input-with-button">
                <input className="mono" value={v.path} onChange={(e) => set('path', e.target.value)} placeholder="/srv/nightjar/archive" spellCheck={false} />
                {chooseFolder ? (
                  <button type="button" className="btn" onClick={() => void chooseFolder({ title: 'Folder for the storage', ...(v.path ? { defaultPath: v.path } : {}) }).then((r) => { if (r.path) set('path', r.path); })}>
                    <Icon name="folder" size={12} /> Browse…
                  </button>
                ) : null}
              </span>
            </FormField>
            <label className="checkbox"><input type="checkbox" checked={v.encrypted} onChange={(e) => set('encrypted', e.target.checked)} /> Encrypt recordings (AES-256-GCM, key sealed by the site key)</label>
          </>
        ) : null}
        {step === 2 ? (
          <>
            <div className="form-grid">
              <FormField label="Keep recordings for" error={error('retentionHours')}>
                <RetentionInput value={v.retention} unit={v.retentionUnit} onChange={(retention, retentionUnit) => setValues((x) => ({ ...x, retention, retentionUnit }))} />
              </FormField>
              <FormField label="Size limit (GiB)" error={error('maxBytes')} hint="At most the size of its disk.">
                <input inputMode="decimal" value={v.maxGiB} onChange={(e) => set('maxGiB', e.target.value)} />
              </FormField>
            </div>
            {v.purpose === 'archive' ? (
              <fieldset className="form-section">
                <legend>Moving from {source?.name}</legend>
                <div className="form-grid">
                  <FormField label="Archive every (minutes)" error={error('archiveOf.everyMinutes')} hint={`Recordings older than ${source ? formatRetention(source.retentionHours) : 'the retention'} move then.`}>
                    <input inputMode="numeric" value={v.everyMinutes} onChange={(e) => set('everyMinutes', e.target.value)} />
                  </FormField>
                  <FormField label="Keep at most (frames per second)" error={error('archiveOf.grooming.maxFps')} hint="Empty keeps every frame.">
                    <input inputMode="decimal" value={v.maxFps} onChange={(e) => set('maxFps', e.target.value)} />
                  </FormField>
                </div>
                <label className="checkbox"><input type="checkbox" checked={v.keyFramesOnly} onChange={(e) => set('keyFramesOnly', e.target.checked)} /> Key frames only (much smaller, no smooth playback)</label>
              </fieldset>
            ) : (
              <FormField label="When recordings are older than the retention" error={error('archive.storageId')}>
                <select value={v.archiveTo} onChange={(e) => set('archiveTo', e.target.value)}>
                  <option value="">Delete them</option>
                  {storages.map((s) => <option key={s.id} value={s.id}>Move them to {s.name}</option>)}
                </select>
              </FormField>
            )}
          </>
        ) : null}
        {step === 3 ? <Summary v={v} storages={storages} /> : null}
        {step === 3 && formError(create.error, SITE_FIELDS) ? <div className="error-note" role="alert">{formError(create.error, SITE_FIELDS)}</div> : null}
        {/* Enter in a field moves on, like the Next button. */}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </form>
    </Dialog>
  );
}

function Summary({ v, storages }: { v: AddStorageValues; storages: readonly StorageBody[] }) {
  const body = createStorageBody(v);
  const name = (id: string) => storages.find((s) => s.id === id)?.name ?? id;
  return (
    <dl className="property-list" aria-label="Summary">
      <dt>Name</dt><dd>{body.name}</dd>
      <dt>Folder</dt><dd className="mono">{body.path}</dd>
      <dt>Retention</dt><dd>{formatRetention(body.retentionHours)}</dd>
      <dt>Size limit</dt><dd>{v.maxGiB} GiB</dd>
      <dt>Encryption</dt><dd>{body.encrypted ? 'On' : 'Off'}</dd>
      {body.archiveOf ? (
        <>
          <dt>Archive of</dt>
          <dd>{name(body.archiveOf.storageId)}, every {body.archiveOf.everyMinutes} min{body.archiveOf.grooming ? `, ${[body.archiveOf.grooming.keyFramesOnly ? 'key frames only' : '', body.archiveOf.grooming.maxFps ? `at most ${body.archiveOf.grooming.maxFps} fps` : ''].filter(Boolean).join(', ')}` : ''}</dd>
        </>
      ) : (
        <><dt>Afterwards</dt><dd>{body.archive ? `moved to ${name(body.archive.storageId)}` : 'deleted'}</dd></>
      )}
    </dl>
  );
}
