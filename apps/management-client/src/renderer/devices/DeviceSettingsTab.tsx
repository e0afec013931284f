/**
 * Settings: what the device's kind takes. An output has its pulse ("on" lasts this long, then
 * the site switches it off, whoever switched it on: an operator, the API or a rule); the other
 * kinds take no settings, and the tab says what the site does with them.
 */
import type { DeviceBody } from '@nightjar/vms-core';
import { FormField } from '../components/FormField';
import { CameraTabForm } from './CameraTabForm';
import { MAX_PULSE_SECONDS, outputSettingsBody, outputSettingsForm, outputSettingsProblems } from './deviceForms';
import { DEVICE_KIND_INFO } from './deviceKinds';
import type { TabDrafts } from './useCameraTab';
import { useDeviceForm } from './useDeviceForm';

const OUTPUT_SPEC = {
  toForm: outputSettingsForm, toBody: outputSettingsBody, problems: outputSettingsProblems, fields: ['settings'], savedText: 'settings saved.',
};

function OutputSettings({ device, drafts }: { device: DeviceBody; drafts: TabDrafts }) {
  const t = useDeviceForm(device, OUTPUT_SPEC, drafts, 'settings');
  const error = t.error('settings.pulseSeconds') ?? t.error('settings');
  return (
    <CameraTabForm label="Output settings" dirty={t.dirty} valid={t.valid} saving={t.saving} formProblem={t.formProblem} onSubmit={t.submit} onRevert={t.revert}>
      <fieldset className="device-fieldset">
        <legend>When switched on</legend>
        <label className="checkbox">
          <input type="radio" name={`pulse-${device.id}`} checked={!t.form.pulse} onChange={() => t.update({ pulse: false })} />
          Stay on until switched off
        </label>
        <label className="checkbox">
          <input type="radio" name={`pulse-${device.id}`} checked={t.form.pulse} onChange={() => t.update({ pulse: true })} />
          Switch off again by itself (a pulse, e.g. for a door strike)
        </label>
        {t.form.pulse ? (
          <FormField label="Pulse length (seconds)" error={error} hint={`More than 0 and at most ${MAX_PULSE_SECONDS} s. Applies to operators, the API and rules alike.`}>
            <input className="input narrow" type="number" min={0.1} max={MAX_PULSE_SECONDS} step="any" value={t.form.pulseSeconds}
              onChange={(e) => t.update({ pulseSeconds: e.target.value })} aria-invalid={error ? true : undefined} />
          </FormField>
        ) : null}
      </fieldset>
    </CameraTabForm>
  );
}

export function DeviceSettingsTab({ device, drafts }: { device: DeviceBody; drafts: TabDrafts }) {
  if (device.kind === 'output') return <OutputSettings device={device} drafts={drafts} />;
  const kind = DEVICE_KIND_INFO[device.kind];
  return (
    <div className="device-form">
      <p>{/^[aeiou]/.test(kind.singular) ? 'An' : 'A'} {kind.singular} has no settings of its own on this site.</p>
      <p className="muted">{kind.role}</p>
    </div>
  );
}
