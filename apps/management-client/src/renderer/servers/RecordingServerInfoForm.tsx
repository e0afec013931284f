/**
 * A recording server's Info tab: its name and description (updateRecordingServer, one request,
 * field errors beside their inputs) and what the site knows of it (address, role, state,
 * uptime, cameras). The address is where the server is reached and is not edited here.
 */
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { RecordingServerBody, SystemStatusBody } from '@nightjar/vms-core';
import { FormField, fieldError, formError } from '../components/FormField';
import { formatBytes, formatDuration, formatPercent } from '../dashboard/format';
import { useAdmin } from '../session/adminContext';
import { recordingServersKey, updateRecordingServer } from './serversApi';

type ServerStatus = SystemStatusBody['servers'][number];

export function RecordingServerInfoForm({ server, live }: { server: RecordingServerBody; live: ServerStatus | undefined }) {
  const { client, queryClient, notify } = useAdmin();
  const [name, setName] = useState(server.name);
  const [description, setDescription] = useState(server.description);
  useEffect(() => {
    setName(server.name);
    setDescription(server.description);
  }, [server.name, server.description]);
  const save = useMutation({
    mutationFn: () => updateRecordingServer(client, server.id, {
      ...(name.trim() !== server.name ? { name: name.trim() } : {}),
      ...(description !== server.description ? { description } : {}),
    }),
    onSuccess: (saved) => {
      queryClient.setQueryData<RecordingServerBody[]>(recordingServersKey, (list) => list?.map((s) => (s.id === saved.id ? saved : s)));
      notify(`Recording server ${saved.name} saved.`, 'success');
    },
  });
  const changed = name.trim() !== server.name || description !== server.description;
  const nameProblem = name.trim() === '' ? 'The server needs a name.' : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (changed && !nameProblem) save.mutate();
  };
  return (
    <form className="page-form" onSubmit={submit} aria-label={`Info of ${server.name}`}>
      <FormField label="Name" error={nameProblem ?? fieldError(save.error, 'name')}>
        <input value={name} onChange={(e) => setName(e.target.value)} maxLength={100} />
      </FormField>
      <FormField label="Description" error={fieldError(save.error, 'description')}>
        <textarea className="input" rows={3} value={description} onChange={(e) => setDescription(e.target.value)} maxLength={2000} />
      </FormField>
      {formError(save.error, ['name', 'description']) ? <div className="error-note" role="alert">{formError(save.error, ['name', 'description'])}</div> : null}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={!changed || !!nameProblem || save.isPending}>{save.isPending ? 'Saving…' : 'Save'}</button>
        <button type="button" className="btn" disabled={!changed || save.isPending} onClick={() => { setName(server.name); setDescription(server.description); save.reset(); }}>Revert</button>
      </div>
      <dl className="property-list" aria-label="Server details">
        <dt>Address</dt><dd className="mono">{server.address}</dd>
        <dt>Role</dt><dd>{server.local ? 'All-in-one: runs in the site process, with the management server' : 'Remote recording server'}</dd>
        <dt>State</dt><dd><span className="state-pill" data-tone={server.state === 'online' ? 'ok' : 'warn'}>{server.state === 'online' ? 'Online' : 'Unknown'}</span></dd>
        <dt>Uptime</dt><dd>{live ? formatDuration(live.uptimeSeconds) : '—'}</dd>
        <dt>Load</dt><dd>{live ? `CPU ${formatPercent(live.cpu.systemPercent)} of ${live.cpu.cores} cores · memory ${formatBytes(live.memory.systemTotalBytes - live.memory.systemFreeBytes)} of ${formatBytes(live.memory.systemTotalBytes)}` : '—'}</dd>
        <dt>Cameras</dt><dd>{server.enabledCameras} enabled of {server.cameras}</dd>
        <dt>Server id</dt><dd className="mono">{server.id}</dd>
      </dl>
    </form>
  );
}
