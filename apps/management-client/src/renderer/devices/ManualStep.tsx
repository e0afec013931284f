/** Add hardware by hand: driver, address and port, credentials; the site probes it and adds its cameras. */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError, ErrorNote } from '@nightjar/ui';
import { FormField, fieldError } from '../components/FormField';
import { Pill } from './CameraStatePills';
import type { ManualDriver, ManualForm } from './manualHardware';
import { DEFAULT_PORTS, defaultManualForm, manualRequest } from './manualHardware';
import type { DeviceAdder } from './useDeviceAdder';
import { addStateText } from './useDeviceAdder';

const DRIVERS: { id: ManualDriver; label: string }[] = [
  { id: 'onvif', label: 'ONVIF' },
  { id: 'rtsp', label: 'RTSP (generic stream)' },
  { id: 'simulated', label: 'Simulated test pattern' },
];

export function ManualStep({ adder, storageId }: { adder: DeviceAdder; storageId: string }) {
  const [form, setForm] = useState<ManualForm>(defaultManualForm);
  const [tried, setTried] = useState(false);
  const [key, setKey] = useState<string | null>(null);
  const update = (patch: Partial<ManualForm>) => setForm((f) => ({ ...f, ...patch }));
  const request = manualRequest(form, storageId);
  const problems = tried && 'problems' in request ? request.problems : {};
  const outcome = key ? adder.states[key] : undefined;
  const failure = outcome?.state === 'failed' ? outcome.error : undefined;
  // The device refusing the credentials is the credentials' problem: shown at them.
  const refused = failure instanceof ApiError && failure.code === 'VMS_ERR_DEVICE_AUTH' ? failure.message : undefined;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!('body' in request)) return;
    const k = `manual:${request.body.driver}:${request.body.address}`;
    setKey(k);
    void adder.add([{ key: k, body: request.body }]);
  };
  const isSim = form.driver === 'simulated';
  const status = addStateText(outcome);
  return (
    <form className="device-form" aria-label="Add hardware manually" onSubmit={submit} noValidate>
      <div className="form-grid">
        <FormField label="Driver">
          <select value={form.driver} onChange={(e) => {
            const driver = e.target.value as ManualDriver;
            update({ driver, port: DEFAULT_PORTS[driver], path: driver === 'simulated' ? 'demo' : '/' });
          }}>
            {DRIVERS.map((d) => <option key={d.id} value={d.id}>{d.label}</option>)}
          </select>
        </FormField>
        {isSim ? null : (
          <FormField label="Address" error={problems.address ?? fieldError(failure, 'address')}
            hint={form.driver === 'onvif' ? 'Host name or IP address, or the device service URL.' : 'Host name or IP address, or the whole rtsp:// URL.'}>
            <input value={form.host} onChange={(e) => update({ host: e.target.value })} placeholder={form.driver === 'onvif' ? '192.168.1.20' : 'rtsp://192.168.1.20:554/stream1'} />
          </FormField>
        )}
        {isSim ? null : (
          <FormField label="Port" error={problems.port}>
            <input type="number" min={1} max={65535} value={form.port} onChange={(e) => update({ port: e.target.value })} />
          </FormField>
        )}
        {form.driver === 'onvif' ? null : (
          <FormField label={isSim ? 'Pattern name' : 'Stream path'} hint={isSim ? 'A test pattern with the time burned in, made by the site.' : 'e.g. /stream1'}>
            <input value={form.path} onChange={(e) => update({ path: e.target.value })} />
          </FormField>
        )}
        {form.driver === 'rtsp' ? (
          <FormField label="Second stream path (optional)" hint="A smaller sub stream for live tiles and motion.">
            <input value={form.subPath} onChange={(e) => update({ subPath: e.target.value })} placeholder="/stream2" />
          </FormField>
        ) : null}
        {isSim ? null : (
          <FormField label="User name" error={refused}>
            <input value={form.username} autoComplete="off" onChange={(e) => update({ username: e.target.value })} />
          </FormField>
        )}
        {isSim ? null : (
          <FormField label="Password" error={refused}>
            <input type="password" value={form.password} autoComplete="new-password" onChange={(e) => update({ password: e.target.value })} />
          </FormField>
        )}
        <FormField label="Hardware name (optional)" error={problems.name ?? fieldError(failure, 'name')} hint="Default: the model the device reports.">
          <input value={form.name} maxLength={200} onChange={(e) => update({ name: e.target.value })} />
        </FormField>
      </div>
      {failure && !refused && !fieldError(failure, 'address') ? <ErrorNote error={failure} /> : null}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={adder.busy}>{adder.busy ? 'Adding…' : 'Add hardware'}</button>
        {status.text && outcome?.state !== 'failed' ? <Pill pill={{ label: status.text, tone: status.tone ?? 'muted' }} /> : null}
      </div>
    </form>
  );
}
