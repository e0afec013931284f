/**
 * One device property tab as a form: its values from the device, the checks, one updateDevice
 * PATCH with only what changed (the site refuses it whole or saves it whole), and Revert. While
 * untouched the form follows the device (a push, a refresh of the hardware); once edited it
 * keeps the edits. Edits of a tab left for another are kept in the pane's drafts.
 */
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { queryKeys } from '@nightjar/ui';
import type { DeviceBody, UpdateDeviceBody } from '@nightjar/vms-core';
import { fieldError, formError } from '../components/FormField';
import { useAdmin } from '../session/adminContext';
import type { FieldProblems } from './cameraForms';
import { isEmptyDeviceBody, putDevice } from './deviceForms';
import type { TabDrafts } from './useCameraTab';

export interface DeviceTabSpec<F> {
  toForm: (device: DeviceBody) => F;
  toBody: (device: DeviceBody, form: F) => UpdateDeviceBody;
  problems: (form: F) => FieldProblems;
  /** The request fields the tab edits, so a site error naming one shows at it. */
  fields: readonly string[];
  savedText: string;
}

export function useDeviceForm<F>(device: DeviceBody, spec: DeviceTabSpec<F>, drafts: TabDrafts, tabId: string) {
  const { client, queryClient, notify } = useAdmin();
  const [form, setForm] = useState<F>(() => (drafts.get(tabId) as F | undefined) ?? spec.toForm(device));
  const body = spec.toBody(device, form);
  const dirty = !isEmptyDeviceBody(body);
  const latest = useRef({ dirty, form, spec });
  latest.current = { dirty, form, spec };
  useEffect(() => {
    if (!latest.current.dirty) setForm(latest.current.spec.toForm(device));
  }, [device]);
  useEffect(() => () => {
    if (latest.current.dirty) drafts.set(tabId, latest.current.form);
    else drafts.delete(tabId);
  }, [drafts, tabId]);
  const save = useMutation({
    mutationFn: (b: UpdateDeviceBody) => client.updateDevice(device.id, b),
    onSuccess: (saved) => {
      queryClient.setQueriesData<DeviceBody[]>({ queryKey: queryKeys.configuration('devices') }, (list) => putDevice(list, saved));
      setForm(latest.current.spec.toForm(saved));
      notify(`${saved.name}: ${spec.savedText}`, 'success');
    },
  });
  const problems = spec.problems(form);
  const valid = Object.keys(problems).length === 0;
  return {
    form,
    update: (patch: Partial<F>) => setForm((f) => ({ ...f, ...patch })),
    dirty,
    valid,
    saving: save.isPending,
    /** The form's own check first, then what the site said about the field. */
    error: (field: string) => (dirty ? problems[field] : undefined) ?? fieldError(save.error, field),
    formProblem: formError(save.error, spec.fields),
    submit: () => {
      if (dirty && valid) save.mutate(body);
    },
    revert: () => {
      setForm(spec.toForm(device));
      save.reset();
    },
  };
}
