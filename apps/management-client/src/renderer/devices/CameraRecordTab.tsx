/** Record: when the camera records, the buffers around each recording, frame filters and storage. */
import { useQuery } from '@tanstack/react-query';
import { storagesQuery } from '@nightjar/ui';
import type { CameraBody } from '@nightjar/vms-core';
import { FormField } from '../components/FormField';
import { useAdmin } from '../session/adminContext';
import { CameraTabForm } from './CameraTabForm';
import { RECORDING_MODES, recordBody, recordForm, recordProblems } from './cameraForms';
import { useCameraTab } from './useCameraTab';
import type { TabDrafts } from './useCameraTab';

const SPEC = {
  toForm: recordForm, toBody: recordBody, problems: recordProblems, savedText: 'recording settings saved.',
  fields: ['policy', 'storageId'],
};

export function CameraRecordTab({ camera, drafts }: { camera: CameraBody; drafts: TabDrafts }) {
  const { client } = useAdmin();
  const storages = useQuery(storagesQuery(client));
  const t = useCameraTab(camera, SPEC, drafts, 'record');
  const f = t.form;
  const buffered = f.mode === 'motion' || f.mode === 'event' || f.mode === 'manual';
  const invalid = (field: string) => (t.error(field) ? true : undefined);
  return (
    <CameraTabForm label="Recording settings" dirty={t.dirty} valid={t.valid} saving={t.saving} formProblem={t.formProblem} onSubmit={t.submit} onRevert={t.revert}>
      <fieldset className="device-fieldset">
        <legend>Recording mode</legend>
        {RECORDING_MODES.map((m) => (
          <label key={m.mode} className="checkbox mode-option">
            <input type="radio" name={`mode-${camera.id}`} value={m.mode} checked={f.mode === m.mode} onChange={() => t.update({ mode: m.mode })} />
            <b>{m.label}</b> <span className="muted">— {m.hint}</span>
          </label>
        ))}
        {t.error('policy.mode') ? <em className="field-error" role="alert">{t.error('policy.mode')}</em> : null}
      </fieldset>
      <div className="form-grid">
        <FormField label="Pre-buffer (seconds)" error={t.error('policy.preBufferSeconds')} hint={buffered ? 'Kept in memory; stored when recording starts. 0–60.' : 'Used by motion, event and manual recording.'}>
          <input type="number" inputMode="decimal" min={0} max={60} step="any" value={f.preBufferSeconds} aria-invalid={invalid('policy.preBufferSeconds')}
            onChange={(e) => t.update({ preBufferSeconds: e.target.value })} />
        </FormField>
        <FormField label="Post-buffer (seconds)" error={t.error('policy.postBufferSeconds')} hint="Recorded after motion or an event ends. 0–600.">
          <input type="number" inputMode="decimal" min={0} max={600} step="any" value={f.postBufferSeconds} aria-invalid={invalid('policy.postBufferSeconds')}
            onChange={(e) => t.update({ postBufferSeconds: e.target.value })} />
        </FormField>
        <FormField label="Manual recording stops after (minutes)" error={t.error('policy.manualMaxMinutes')} hint="Unless an operator stops it first. Up to 1440.">
          <input type="number" inputMode="decimal" min={1} max={1440} step="any" value={f.manualMaxMinutes} aria-invalid={invalid('policy.manualMaxMinutes')}
            onChange={(e) => t.update({ manualMaxMinutes: e.target.value })} />
        </FormField>
      </div>
      <fieldset className="device-fieldset">
        <legend>Frames recorded</legend>
        <label className="checkbox">
          <input type="checkbox" checked={f.keyFramesOnly} onChange={(e) => t.update({ keyFramesOnly: e.target.checked })} />
          Key frames only <span className="muted">— about one picture per second or two; a fraction of the space</span>
        </label>
        <div className="inline-field">
          <label className="checkbox">
            <input type="checkbox" checked={f.limitFps} onChange={(e) => t.update({ limitFps: e.target.checked })} />
            Limit the frame rate to
          </label>
          <input className="input narrow" type="number" aria-label="Frame-rate limit (frames per second)" min={0.1} max={120} step="any" value={f.maxFps}
            disabled={!f.limitFps} aria-invalid={invalid('policy.maxFps')} onChange={(e) => t.update({ maxFps: e.target.value })} />
          <span className="muted">frames per second</span>
        </div>
        {t.error('policy.maxFps') ? <em className="field-error" role="alert">{t.error('policy.maxFps')}</em> : null}
      </fieldset>
      <FormField label="Storage" error={t.error('storageId')} hint="New recordings go here; earlier ones stay where they are.">
        <select value={f.storageId} onChange={(e) => t.update({ storageId: e.target.value })} aria-invalid={invalid('storageId')}>
          {storages.data?.some((s) => s.id === f.storageId) ? null : <option value={f.storageId}>{f.storageId}</option>}
          {(storages.data ?? []).map((s) => <option key={s.id} value={s.id}>{s.name} — {s.retentionHours} h retention</option>)}
        </select>
      </FormField>
    </CameraTabForm>
  );
}
