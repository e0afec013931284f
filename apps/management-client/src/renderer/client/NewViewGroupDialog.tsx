/** Creates a shared view group (createViewGroup): a name and who it is shown to; views go in from the Smart Client or its Views tab. */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Dialog } from '@nightjar/ui';
import { FormField, fieldError, formError } from '../components/FormField';
import { useAdmin } from '../session/adminContext';
import { RoleAudience } from './RoleAudience';
import { useRoleNames } from './useRoleNames';
import { createViewGroup } from './viewGroupsApi';
import type { ViewGroupBody } from './viewGroupsApi';
import { EMPTY_DRAFT, GROUP_NAME_MAX, createBody, viewGroupProblems } from './viewGroupModel';

export function NewViewGroupDialog({ groups, onCreated, onClose }: { groups: readonly ViewGroupBody[]; onCreated: (g: ViewGroupBody) => void; onClose: () => void }) {
  const { client, notify } = useAdmin();
  const roles = useRoleNames();
  const [draft, setDraft] = useState(EMPTY_DRAFT);
  const [tried, setTried] = useState(false);
  const create = useMutation({
    mutationFn: () => createViewGroup(client, createBody(draft)),
    onSuccess: (g) => {
      notify(`View group ${g.name} created.`, 'success');
      onCreated(g);
    },
  });
  const problems = viewGroupProblems(draft, groups);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!problems.name) create.mutate();
  };
  return (
    <Dialog title="New shared view group" icon="grid" width={480} onClose={onClose} footer={(
      <>
        <button type="button" className="btn" onClick={onClose}>Cancel</button>
        <button type="submit" form="new-view-group-form" className="btn btn-primary" disabled={create.isPending}>{create.isPending ? 'Creating…' : 'Create group'}</button>
      </>
    )}>
      <form id="new-view-group-form" className="client-dialog-form" onSubmit={submit} noValidate>
        <FormField label="Name" error={(tried || draft.name !== '' ? problems.name : undefined) ?? fieldError(create.error, 'name')}>
          <input value={draft.name} maxLength={GROUP_NAME_MAX} onChange={(e) => setDraft({ ...draft, name: e.target.value })} data-autofocus />
        </FormField>
        <RoleAudience draft={draft} onChange={setDraft} roles={roles} error={fieldError(create.error, 'roleIds')} />
        {formError(create.error, ['name', 'roleIds']) ? <div className="error-note" role="alert">{formError(create.error, ['name', 'roleIds'])}</div> : null}
      </form>
    </Dialog>
  );
}
