/** A user-defined event's name and description (create or update in one request), Trigger now and Delete. */
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { Icon, queryKeys } from '@nightjar/ui';
import { FormField, fieldError, formError } from '../components/FormField';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { useAdmin } from '../session/adminContext';
import { createUserDefinedEvent, deleteUserDefinedEvent, updateUserDefinedEvent } from './eventDefinitionsApi';
import type { UserDefinedEventBody } from './eventDefinitionsApi';

export interface UserDefinedEventFormProps {
  event?: UserDefinedEventBody;
  onSaved: (event: UserDefinedEventBody) => void;
  onDeleted: () => void;
  onTrigger?: () => void;
  triggering?: boolean;
  /** What the last "Trigger now" of this event gave. */
  triggered?: string | undefined;
}

export function UserDefinedEventForm({ event, onSaved, onDeleted, onTrigger, triggering, triggered }: UserDefinedEventFormProps) {
  const { client, queryClient, notify } = useAdmin();
  const [name, setName] = useState(event?.name ?? '');
  const [description, setDescription] = useState(event?.description ?? '');
  const [confirming, setConfirming] = useState(false);
  useEffect(() => {
    setName(event?.name ?? '');
    setDescription(event?.description ?? '');
  }, [event]);
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.configuration('userDefinedEvents') });
  const save = useMutation({
    mutationFn: () => (event
      ? updateUserDefinedEvent(client, event.id, { name: name.trim(), description })
      : createUserDefinedEvent(client, { name: name.trim(), description })),
    onSuccess: (saved) => {
      notify(`User-defined event ${saved.name} saved.`, 'success');
      void refresh();
      onSaved(saved);
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteUserDefinedEvent(client, event!.id),
    onSuccess: () => {
      notify(`User-defined event ${event!.name} deleted.`, 'success');
      setConfirming(false);
      void refresh();
      onDeleted();
    },
  });
  const changed = name !== (event?.name ?? '') || description !== (event?.description ?? '');
  const nameProblem = name.trim() === '' && (changed || save.isError) ? 'The event needs a name.' : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim() !== '') save.mutate();
  };
  const problem = formError(save.error, ['name', 'description']);

  return (
    <>
      <div className="properties-head">
        <Icon name="bolt" size={16} />
        <h2>{event ? event.name : 'New user-defined event'}</h2>
        <div className="page-actions">
          {event && onTrigger ? (
            <button type="button" className="btn btn-sm" disabled={triggering} onClick={onTrigger}><Icon name="bolt" size={13} /> Trigger now</button>
          ) : null}
          {event ? <button type="button" className="btn btn-sm btn-danger" onClick={() => { remove.reset(); setConfirming(true); }}><Icon name="trash" size={13} /> Delete</button> : null}
        </div>
      </div>
      <form className="page-form" onSubmit={submit} aria-label={event ? `User-defined event ${event.name}` : 'New user-defined event'}>
        {triggered ? <p className="muted" role="status">{triggered} See the rule log for what the rules did.</p> : null}
        <FormField label="Name" error={nameProblem ?? fieldError(save.error, 'name')}>
          <input value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />
        </FormField>
        <FormField label="Description" error={fieldError(save.error, 'description')}>
          <textarea className="input" rows={3} value={description} maxLength={1000} onChange={(e) => setDescription(e.target.value)} />
        </FormField>
        {event ? <p className="muted">{event.usedBy.length > 0 ? `Used by the rules ${event.usedBy.join(', ')}.` : 'No rule uses it yet.'}</p> : null}
        {problem ? <div className="error-note" role="alert">{problem}</div> : null}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={!changed || name.trim() === '' || save.isPending}>{save.isPending ? 'Saving…' : event ? 'Save' : 'Create event'}</button>
          <button type="button" className="btn" disabled={!changed || save.isPending} onClick={() => { setName(event?.name ?? ''); setDescription(event?.description ?? ''); save.reset(); }}>Revert</button>
        </div>
        {confirming && event ? (
          <ConfirmDialog title="Delete user-defined event" confirmLabel="Delete event" busy={remove.isPending} error={remove.error} onConfirm={() => remove.mutate()} onClose={() => setConfirming(false)}>
            <p>Delete <b>{event.name}</b>?</p>
            {event.usedBy.length > 0 ? <p className="muted">The rules {event.usedBy.join(', ')} use it; the site refuses until they no longer do.</p> : null}
          </ConfirmDialog>
        ) : null}
      </form>
    </>
  );
}
