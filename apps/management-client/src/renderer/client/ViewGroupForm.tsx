/**
 * A shared group's name and who it is shown to, saved in one request (updateViewGroup, only what
 * changed); Revert puts the stored values back.
 */
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { queryKeys } from '@nightjar/ui';
import { FormField, fieldError, formError } from '../components/FormField';
import { useAdmin } from '../session/adminContext';
import { RoleAudience } from './RoleAudience';
import { useRoleNames } from './useRoleNames';
import { updateViewGroup } from './viewGroupsApi';
import type { ViewGroupBody } from './viewGroupsApi';
import { GROUP_NAME_MAX, draftOf, updateBody, viewGroupProblems } from './viewGroupModel';

export function ViewGroupForm({ group, groups }: { group: ViewGroupBody; groups: readonly ViewGroupBody[] }) {
  const { client, queryClient, notify } = useAdmin();
  const roles = useRoleNames();
  const [draft, setDraft] = useState(() => draftOf(group));
  useEffect(() => setDraft(draftOf(group)), [group]);
  const body = updateBody(draft, group);
  const save = useMutation({
    mutationFn: () => updateViewGroup(client, group.id, body!),
    onSuccess: (saved) => {
      notify(`View group ${saved.name} saved.`, 'success');
      void queryClient.invalidateQueries({ queryKey: queryKeys.viewGroups() });
      // Who sees the group decides who sees its views.
      void queryClient.invalidateQueries({ queryKey: queryKeys.views() });
    },
  });
  const problems = viewGroupProblems(draft, groups, group.id);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (body && !problems.name) save.mutate();
  };
  const other = formError(save.error, ['name', 'roleIds', 'allRoles']);
  return (
    <form className="page-form client-form" onSubmit={submit} aria-label="View group properties">
      <FormField label="Name" error={problems.name ?? fieldError(save.error, 'name')}>
        <input value={draft.name} maxLength={GROUP_NAME_MAX} disabled={!group.editable} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
      </FormField>
      <RoleAudience draft={draft} onChange={setDraft} roles={roles} disabled={!group.editable} error={fieldError(save.error, 'roleIds') ?? fieldError(save.error, 'allRoles')} />
      {group.isDefault ? <p className="muted">The default shared group: views shared without naming a group go here. It can be renamed and limited to roles, not deleted.</p> : null}
      {other ? <div className="error-note" role="alert">{other}</div> : null}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={!body || !!problems.name || save.isPending || !group.editable}>{save.isPending ? 'Saving…' : 'Save'}</button>
        <button type="button" className="btn" disabled={!body || save.isPending} onClick={() => { setDraft(draftOf(group)); save.reset(); }}>Revert</button>
      </div>
    </form>
  );
}
