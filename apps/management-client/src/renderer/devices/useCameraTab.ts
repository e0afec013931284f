/**
 * One camera property tab as a form: its values from the camera, the checks, one updateCamera
 * PATCH with only what changed, and Revert. While the form is untouched it follows the camera
 * (someone else's change, a refresh of the hardware); once edited it keeps the edits.
 */
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { queryKeys } from '@nightjar/ui';
import type { CameraBody, UpdateCameraBody } from '@nightjar/vms-core';
import { fieldError, formError } from '../components/FormField';
import { useAdmin } from '../session/adminContext';
import type { FieldProblems } from './cameraForms';
import { isEmptyBody } from './cameraForms';
import { putCamera, updateCamera } from './devicesApi';

export interface CameraTabSpec<F> {
  toForm: (camera: CameraBody) => F;
  toBody: (camera: CameraBody, form: F) => UpdateCameraBody;
  problems: (form: F) => FieldProblems;
  /** The request fields the tab edits, so a site error naming one shows at it. */
  fields: readonly string[];
  savedText: string;
}

/**
 * Edits of tabs the administrator switched away from, by tab, so coming back finds them; owned
 * by the camera's properties pane, so another camera starts clean.
 */
export type TabDrafts = Map<string, unknown>;

export function useCameraTab<F>(camera: CameraBody, spec: CameraTabSpec<F>, drafts: TabDrafts, tabId: string) {
  const { client, queryClient, notify } = useAdmin();
  const [form, setForm] = useState<F>(() => (drafts.get(tabId) as F | undefined) ?? spec.toForm(camera));
  const body = spec.toBody(camera, form);
  const dirty = !isEmptyBody(body);
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  const formRef = useRef(form);
  formRef.current = form;
  const specRef = useRef(spec);
  specRef.current = spec;
  useEffect(() => {
    // A new camera object (saved, pushed, refetched): follow it unless the form holds edits.
    if (!dirtyRef.current) setForm(specRef.current.toForm(camera));
  }, [camera]);
  useEffect(() => () => {
    if (dirtyRef.current) drafts.set(tabId, formRef.current);
    else drafts.delete(tabId);
  }, [drafts, tabId]);
  const save = useMutation({
    mutationFn: (b: UpdateCameraBody) => updateCamera(client, camera.id, b),
    onSuccess: (saved) => {
      queryClient.setQueryData<CameraBody[]>(queryKeys.cameras(), (list) => putCamera(list, saved));
      void queryClient.invalidateQueries({ queryKey: queryKeys.cameraStatus(saved.id) });
      setForm(specRef.current.toForm(saved));
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
      setForm(spec.toForm(camera));
      save.reset();
    },
  };
}

export type CameraTab<F> = ReturnType<typeof useCameraTab<F>>;
