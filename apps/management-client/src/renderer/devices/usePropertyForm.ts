/**
 * One property tab of an item (a camera, a device) as a form: its values from the item, the
 * checks, one PATCH with only what changed (the site refuses it whole or saves it whole), and
 * Revert. While untouched the form follows the item (someone else's change, a refresh of the
 * hardware); once edited it keeps the edits. Edits of a tab left for another are kept in the
 * pane's drafts.
 */
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { fieldError, formError } from '../components/FormField';
import { useAdmin } from '../session/adminContext';
import type { FieldProblems } from './cameraForms';

export interface PropertyFormSpec<T, B, F> {
  toForm: (item: T) => F;
  toBody: (item: T, form: F) => B;
  problems: (form: F) => FieldProblems;
  /** The request fields the tab edits, so a site error naming one shows at it. */
  fields: readonly string[];
  savedText: string;
}

/**
 * Edits of tabs the administrator switched away from, by tab, so coming back finds them; owned
 * by the item's properties pane, so another item starts clean.
 */
export type TabDrafts = Map<string, unknown>;

export interface PropertyFormSave<T, B> {
  /** Whether a body changes nothing (then the form is not dirty). */
  isEmpty: (body: B) => boolean;
  /** Sends the PATCH; resolves with the item as saved. */
  save: (body: B) => Promise<T>;
  /** Puts the saved item into the query cache. */
  onSaved: (saved: T) => void;
}

export function usePropertyForm<T extends { name: string }, B extends object, F>(
  item: T, spec: PropertyFormSpec<T, B, F>, drafts: TabDrafts, tabId: string, o: PropertyFormSave<T, B>,
) {
  const { notify } = useAdmin();
  const [form, setForm] = useState<F>(() => (drafts.get(tabId) as F | undefined) ?? spec.toForm(item));
  const body = spec.toBody(item, form);
  const dirty = !o.isEmpty(body);
  const latest = useRef({ dirty, form, spec });
  latest.current = { dirty, form, spec };
  useEffect(() => {
    // A new item object (saved, pushed, refetched): follow it unless the form holds edits.
    if (!latest.current.dirty) setForm(latest.current.spec.toForm(item));
  }, [item]);
  useEffect(() => () => {
    if (latest.current.dirty) drafts.set(tabId, latest.current.form);
    else drafts.delete(tabId);
  }, [drafts, tabId]);
  const save = useMutation({
    mutationFn: o.save,
    onSuccess: (saved) => {
      o.onSaved(saved);
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
      setForm(spec.toForm(item));
      save.reset();
    },
  };
}
