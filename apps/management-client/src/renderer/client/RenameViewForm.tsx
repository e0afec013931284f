/**
 * Renames a shared view: the whole view goes back with the revision it was read at, so an
 * operator's concurrent change is refused (409) instead of overwritten; the form then reloads
 * the view and says why.
 */
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError, queryKeys } from '@nightjar/ui';
import type { ViewBody } from '@nightjar/ui';
import { FormField, fieldError, formError } from '../components/FormField';
import { useAdmin } from '../session/adminContext';
import { VIEW_NAME_MAX, renameBody, viewNameProblem } from './viewsModel';

export function RenameViewForm({ view, views }: { view: ViewBody; views: readonly ViewBody[] }) {
  const { client, queryClient, notify } = useAdmin();
  const [name, setName] = useState(view.name);
  useEffect(() => setName(view.name), [view.name]);
  const rename = useMutation({
    mutationFn: () => client.updateView(view.id, renameBody(view, name)),
    onSuccess: (saved) => {
      queryClient.setQueryData<ViewBody[]>(queryKeys.views(), (list) => list?.map((v) => (v.id === saved.id ? saved : v)));
      notify(`View renamed to ${saved.name}.`, 'success');
    },
    onError: (e) => {
      // Stale revision: load the view as it is now, so the next attempt is based on it.
      if (e instanceof ApiError && e.status === 409) void queryClient.invalidateQueries({ queryKey: queryKeys.views() });
    },
  });
  const problem = name.trim() === view.name ? undefined : viewNameProblem(name, view, views);
  const changed = name.trim() !== view.name;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (changed && !problem) rename.mutate();
  };
  const stale = rename.error instanceof ApiError && rename.error.status === 409
    ? 'Someone changed this view meanwhile; it has been reloaded. Check it and rename again.' : undefined;
  const other = stale ?? formError(rename.error, ['name']);
  return (
    <form className="view-rename-form" onSubmit={submit} aria-label="Rename view">
      <FormField label="Name" error={problem ?? fieldError(rename.error, 'name')}>
        <input value={name} onChange={(e) => setName(e.target.value)} maxLength={VIEW_NAME_MAX} disabled={!view.editable} />
      </FormField>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={!changed || !!problem || rename.isPending || !view.editable}>{rename.isPending ? 'Renaming…' : 'Rename'}</button>
        <button type="button" className="btn" disabled={!changed || rename.isPending} onClick={() => { setName(view.name); rename.reset(); }}>Revert</button>
      </div>
      {other ? <div className="error-note" role="alert">{other}</div> : null}
      {!view.editable ? <p className="muted">Only its owner or an administrator may change this view.</p> : null}
    </form>
  );
}
