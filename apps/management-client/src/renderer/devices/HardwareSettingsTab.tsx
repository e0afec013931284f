/**
 * Hardware settings: name, address and credentials in one updateHardware. A new address or new
 * credentials are tried on the device first; if it refuses, nothing is saved.
 */
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError, queryKeys } from '@nightjar/ui';
import type { HardwareListItemBody, UpdateHardwareResult } from '@nightjar/vms-core';
import { FormField, fieldError, formError } from '../components/FormField';
import { useAdmin } from '../session/adminContext';
import { updateHardware } from './devicesApi';
import { changesSummary } from './hardwareChangesText';
import type { HardwareSettingsForm } from './hardwareSettings';
import { hardwareSettingsBody, hardwareSettingsForm, hardwareSettingsProblems, probesDevice } from './hardwareSettings';

const FIELDS = ['name', 'address', 'username', 'password'];

export function HardwareSettingsTab({ hardware, onReport }: { hardware: HardwareListItemBody; onReport: (r: UpdateHardwareResult) => void }) {
  const { client, queryClient, notify } = useAdmin();
  const [form, setForm] = useState<HardwareSettingsForm>(() => hardwareSettingsForm(hardware));
  const body = hardwareSettingsBody(hardware, form);
  const dirty = Object.keys(body).length > 0 || form.changePassword;
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  useEffect(() => {
    if (!dirtyRef.current) setForm(hardwareSettingsForm(hardware));
  }, [hardware]);
  const problems = hardwareSettingsProblems(form);
  const save = useMutation({
    mutationFn: () => updateHardware(client, hardware.id, body),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.configuration('hardware') });
      void queryClient.invalidateQueries({ queryKey: queryKeys.configuration('devices') });
      void queryClient.invalidateQueries({ queryKey: queryKeys.cameras(), exact: true });
      setForm({ ...hardwareSettingsForm({ ...hardware, ...result.hardware }) });
      notify(`${result.hardware.name}: ${changesSummary(result.changes)}`, 'success');
      if (result.changes) onReport(result);
    },
  });
  const update = (patch: Partial<HardwareSettingsForm>) => setForm((f) => ({ ...f, ...patch }));
  // The device refusing the new credentials is their problem: shown at them.
  const refused = save.error instanceof ApiError && save.error.code === 'VMS_ERR_DEVICE_AUTH' ? save.error.message : undefined;
  const error = (field: string) => problems[field] ?? fieldError(save.error, field);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (dirty && Object.keys(problems).length === 0) save.mutate();
  };
  const problem = refused ? undefined : formError(save.error, FIELDS);
  return (
    <form className="device-form" aria-label="Hardware settings" onSubmit={submit} noValidate>
      <FormField label="Name" error={error('name')}>
        <input value={form.name} maxLength={200} onChange={(e) => update({ name: e.target.value })} />
      </FormField>
      <FormField label="Address" error={error('address')}
        hint={hardware.driver === 'rtsp' ? 'The main stream\'s rtsp:// URL; the other streams move to the same host.' : hardware.driver === 'onvif' ? 'host:port or the device service URL.' : undefined}>
        <input value={form.address} onChange={(e) => update({ address: e.target.value })} disabled={hardware.driver === 'simulated'} />
      </FormField>
      <div className="form-grid">
        <FormField label="User name" error={refused ?? error('username')}>
          <input value={form.username} autoComplete="off" onChange={(e) => update({ username: e.target.value })} />
        </FormField>
        <FormField label="Password" error={refused ?? error('password')} hint={form.changePassword ? 'Empty clears it.' : 'Unchanged unless you change it.'}>
          <input type="password" value={form.password} autoComplete="new-password" disabled={!form.changePassword} placeholder={form.changePassword ? '' : '••••••••'}
            onChange={(e) => update({ password: e.target.value })} />
        </FormField>
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={form.changePassword} onChange={(e) => update({ changePassword: e.target.checked, password: '' })} />
        Change the password
      </label>
      {probesDevice(body) ? <p className="field-hint">Saving asks the device with the new address or credentials first; nothing is saved if it refuses.</p> : null}
      {problem ? <div className="error-note" role="alert">{problem}</div> : null}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={!dirty || Object.keys(problems).length > 0 || save.isPending}>
          {save.isPending ? (probesDevice(body) ? 'Asking the device…' : 'Saving…') : 'Save'}
        </button>
        <button type="button" className="btn" disabled={!dirty || save.isPending} onClick={() => { setForm(hardwareSettingsForm(hardware)); save.reset(); }}>Revert</button>
      </div>
    </form>
  );
}
