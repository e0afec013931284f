/** Motion: detection on or off, how sensitive, which stream it watches, and the regions it ignores. */
import type { CameraBody } from '@nightjar/vms-core';
import { FormField } from '../components/FormField';
import { CameraTabForm } from './CameraTabForm';
import { MotionRegionEditor } from './MotionRegionEditor';
import { motionBody, motionForm, motionProblems } from './cameraForms';
import { useCameraTab } from './useCameraTab';
import type { TabDrafts } from './useCameraTab';

const SPEC = { toForm: motionForm, toBody: motionBody, problems: motionProblems, fields: ['motion'], savedText: 'motion detection saved.' };

export function CameraMotionTab({ camera, drafts }: { camera: CameraBody; drafts: TabDrafts }) {
  const t = useCameraTab(camera, SPEC, drafts, 'motion');
  const f = t.form;
  const smallest = [...camera.streams].sort((a, b) => (a.width ?? 0) * (a.height ?? 0) - (b.width ?? 0) * (b.height ?? 0))[0];
  return (
    <CameraTabForm label="Motion detection" dirty={t.dirty} valid={t.valid} saving={t.saving} formProblem={t.formProblem} onSubmit={t.submit} onRevert={t.revert}>
      <label className="checkbox">
        <input type="checkbox" checked={f.enabled} onChange={(e) => t.update({ enabled: e.target.checked })} />
        Detect motion <span className="muted">— for recording on motion, motion events and smart search</span>
      </label>
      <div className="form-grid">
        <FormField label={`Sensitivity: ${f.sensitivity}`} error={t.error('motion.sensitivity')} hint="Higher finds smaller changes (and more noise).">
          <input type="range" min={0} max={100} step={1} value={f.sensitivity} onChange={(e) => t.update({ sensitivity: Number(e.target.value) })} />
        </FormField>
        <FormField label="Stream analysed" error={t.error('motion.streamKey')}>
          <select value={f.streamKey} onChange={(e) => t.update({ streamKey: e.target.value })}>
            <option value="">Default{smallest ? ` (smallest: ${smallest.name})` : ''}</option>
            {camera.streams.map((s) => <option key={s.key} value={s.key}>{s.name}{s.width && s.height ? ` — ${s.width}×${s.height}` : ''}</option>)}
          </select>
        </FormField>
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={f.keyFramesOnly} onChange={(e) => t.update({ keyFramesOnly: e.target.checked })} />
        Analyse key frames only <span className="muted">— cheapest; reacts within a key-frame interval</span>
      </label>
      <MotionRegionEditor camera={camera} regions={f.exclusions} onChange={(exclusions) => t.update({ exclusions })} error={t.error('motion.exclusions')} />
    </CameraTabForm>
  );
}
