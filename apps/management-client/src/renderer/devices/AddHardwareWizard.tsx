/**
 * Add hardware: choose how to find it (ONVIF discovery, an address-range scan, or by hand) and
 * where its cameras record; add the devices; name and enable their cameras; done.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Dialog, Icon, queryKeys, storagesQuery } from '@nightjar/ui';
import type { IconName } from '@nightjar/ui';
import { FormField } from '../components/FormField';
import { WizardSteps } from '../components/WizardSteps';
import { useAdmin } from '../session/adminContext';
import { CamerasStep } from './CamerasStep';
import { DiscoverStep } from './DiscoverStep';
import { ManualStep } from './ManualStep';
import { ScanStep } from './ScanStep';
import type { CameraChoice } from './addedCameras';
import { choiceProblems, choiceUpdates, initialChoices } from './addedCameras';
import { devicesSummary } from './deviceKinds';
import { updateCamera } from './devicesApi';
import { useDeviceAdder } from './useDeviceAdder';

type Method = 'discover' | 'scan' | 'manual';
const METHODS: { id: Method; label: string; icon: IconName; hint: string }[] = [
  { id: 'discover', label: 'Discover ONVIF devices', icon: 'search', hint: 'WS-Discovery finds ONVIF cameras on the site\'s network segment.' },
  { id: 'scan', label: 'Scan an address range', icon: 'grid', hint: 'Tries up to 256 addresses on chosen ports with ONVIF and RTSP, and your credentials.' },
  { id: 'manual', label: 'Add manually', icon: 'edit', hint: 'One device by address: ONVIF, a generic RTSP stream, or a simulated test pattern.' },
];
const STEPS = ['Method', 'Devices', 'Cameras', 'Done'];

export function AddHardwareWizard({ onClose }: { onClose: (firstHardwareId: string | null) => void }) {
  const { client, queryClient } = useAdmin();
  const storages = useQuery(storagesQuery(client));
  const [step, setStep] = useState(0);
  const [method, setMethod] = useState<Method>('discover');
  const [storageId, setStorageId] = useState('');
  const adder = useDeviceAdder();
  const [choices, setChoices] = useState<Record<string, CameraChoice>>({});
  const [errors, setErrors] = useState<Record<string, unknown>>({});
  const [saving, setSaving] = useState(false);
  const storage = storageId || storages.data?.[0]?.id || '';
  const problems = choiceProblems(choices);
  const cameraCount = adder.added.reduce((n, r) => n + r.cameras.length, 0);
  const otherDevices = devicesSummary(adder.added.flatMap((r) => r.devices ?? []));
  const close = () => onClose(adder.added[0]?.hardware.id ?? null);

  const toCameras = () => {
    // Keep what was typed for cameras seen before (back and forth), start the new ones from the site.
    setChoices((c) => ({ ...initialChoices(adder.added), ...c }));
    setStep(2);
  };
  const finish = async () => {
    if (Object.keys(problems).length > 0) return;
    setSaving(true);
    const failed: Record<string, unknown> = {};
    for (const { cameraId, body } of choiceUpdates(adder.added, choices)) {
      try {
        await updateCamera(client, cameraId, body);
      } catch (e) {
        failed[cameraId] = e;
      }
    }
    setSaving(false);
    setErrors(failed);
    void queryClient.invalidateQueries({ queryKey: queryKeys.cameras(), exact: true });
    if (Object.keys(failed).length === 0) setStep(3);
  };
  const again = () => {
    adder.reset();
    setChoices({});
    setErrors({});
    setStep(0);
  };

  const footer = [
    <button key="back" type="button" className="btn" disabled={step === 0 || step === 3 || saving || adder.busy} onClick={() => setStep(step - 1)}>Back</button>,
    step === 0 ? <button key="next" type="button" className="btn btn-primary" disabled={!storage} onClick={() => setStep(1)}>Next</button> : null,
    step === 1 ? <button key="next" type="button" className="btn btn-primary" disabled={adder.added.length === 0 || adder.busy} onClick={toCameras}>Next</button> : null,
    step === 2 ? <button key="finish" type="button" className="btn btn-primary" disabled={saving || Object.keys(problems).length > 0} onClick={() => void finish()}>{saving ? 'Saving…' : 'Finish'}</button> : null,
    step === 3 ? <button key="more" type="button" className="btn" onClick={again}>Add more hardware</button> : null,
    <button key="close" type="button" className={step === 3 ? 'btn btn-primary' : 'btn'} onClick={close}>{step === 3 ? 'Close' : 'Cancel'}</button>,
  ];
  return (
    <Dialog title="Add hardware" icon="plug" width={860} onClose={close} footer={footer} testId="add-hardware-wizard">
      <WizardSteps steps={STEPS} current={step} />
      <div className="wizard-body">
        {step === 0 ? (
          <div className="device-form">
            <fieldset className="method-choice">
              <legend>How to find the hardware</legend>
              {METHODS.map((m) => (
                <label key={m.id} className="method-card" data-checked={method === m.id}>
                  <input type="radio" name="method" value={m.id} checked={method === m.id} onChange={() => setMethod(m.id)} />
                  <Icon name={m.icon} size={16} />
                  <span><b>{m.label}</b><small className="muted">{m.hint}</small></span>
                </label>
              ))}
            </fieldset>
            <FormField label="Record new cameras on" hint="Each camera's storage can be changed later on its Record tab.">
              <select value={storage} onChange={(e) => setStorageId(e.target.value)}>
                {(storages.data ?? []).map((s) => <option key={s.id} value={s.id}>{s.name} — {s.retentionHours} h retention</option>)}
              </select>
            </FormField>
          </div>
        ) : null}
        {step === 1 && method === 'discover' ? <DiscoverStep adder={adder} storageId={storage} /> : null}
        {step === 1 && method === 'scan' ? <ScanStep adder={adder} storageId={storage} /> : null}
        {step === 1 && method === 'manual' ? <ManualStep adder={adder} storageId={storage} /> : null}
        {step === 1 && adder.added.length > 0 ? (
          <p className="wizard-note" role="status">{adder.added.length} hardware added with {cameraCount} camera{cameraCount === 1 ? '' : 's'}. Add more, or go on to name the cameras.</p>
        ) : null}
        {step === 2 ? (
          <CamerasStep results={adder.added} choices={choices} problems={problems} errors={errors}
            onChange={(id, choice) => setChoices((c) => ({ ...c, [id]: choice }))} />
        ) : null}
        {step === 3 ? (
          <div className="admin-empty" role="status">
            <Icon name="check" size={28} />
            <p>
              Added {adder.added.length} hardware with {cameraCount} camera{cameraCount === 1 ? '' : 's'};{' '}
              {Object.values(choices).filter((c) => c.enabled).length} enabled. They are on the Cameras page, where recording, motion and streams are set.
            </p>
            {otherDevices ? <p className="muted">The hardware also brought {otherDevices}, enabled, each on its page under Devices.</p> : null}
          </div>
        ) : null}
      </div>
    </Dialog>
  );
}
