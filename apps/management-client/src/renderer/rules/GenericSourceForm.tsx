/**
 * A generic event listener (TCP or UDP): port, bind address, who may send, message
 * separators, encoding and limits, with whether it listens now. Saved in one request; the
 * listener reopens at once.
 */
import { useMutation } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { Icon, queryKeys } from '@nightjar/ui';
import { FormField } from '../components/FormField';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { useAdmin } from '../session/adminContext';
import { createGenericEventSource, deleteGenericEventSource, updateGenericEventSource } from './eventDefinitionsApi';
import type { GenericEventSourceBody } from './eventDefinitionsApi';
import { problemAt, siteProblem } from './fieldProblems';
import { DEFAULT_SOURCE, draftToSourceBody, sourceProblems, sourceToDraft } from './genericForms';
import type { SourceDraft } from './genericForms';

const FIELDS = ['name', 'protocol', 'port', 'bindAddress', 'allowedAddresses', 'separators', 'encoding', 'maxMessageBytes', 'maxMessagesPerSecond'];

export interface GenericSourceFormProps {
  source?: GenericEventSourceBody;
  /** Names of the generic events listing this source. */
  listedBy: readonly string[];
  onSaved: (s: GenericEventSourceBody) => void;
  onDeleted: () => void;
}

export function GenericSourceForm({ source, listedBy, onSaved, onDeleted }: GenericSourceFormProps) {
  const { client, queryClient, notify } = useAdmin();
  const initial = useMemo(() => (source ? sourceToDraft(source) : DEFAULT_SOURCE), [source]);
  const [d, setDraft] = useState<SourceDraft>(initial);
  useEffect(() => setDraft(initial), [initial]);
  const [confirming, setConfirming] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.configuration('genericEvents') });
  const save = useMutation({
    mutationFn: () => (source ? updateGenericEventSource(client, source.id, draftToSourceBody(d)) : createGenericEventSource(client, draftToSourceBody(d))),
    onSuccess: (saved) => {
      notify(saved.listening ? `${saved.name} listens on ${saved.protocol.toUpperCase()} port ${saved.boundPort}.` : `${saved.name} saved.`, saved.error ? 'error' : 'success');
      void refresh();
      onSaved(saved);
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteGenericEventSource(client, source!.id),
    onSuccess: () => {
      notify(`Listener ${source!.name} deleted.`, 'success');
      setConfirming(false);
      void refresh();
      onDeleted();
    },
  });
  const local = sourceProblems(d);
  const site = siteProblem(save.error);
  const problem = (f: string) => problemAt(d.name === '' && !save.isError ? new Map([...local].filter(([k]) => k !== 'name')) : local, site, f);
  const unclaimed = save.error && (!site || !FIELDS.some((f) => problemAt(new Map(), site, f))) ? (save.error as Error).message : undefined;
  const changed = JSON.stringify(d) !== JSON.stringify(initial);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (local.size === 0) save.mutate();
  };

  return (
    <>
      <div className="properties-head">
        <Icon name="plug" size={16} />
        <h2>{source ? source.name : 'New listener'}</h2>
        {source ? (
          <span className="state-pill" data-tone={source.listening ? 'ok' : source.enabled ? 'error' : undefined}>
            {source.listening ? `Listening on ${source.boundPort}` : source.enabled ? 'Not listening' : 'Disabled'}
          </span>
        ) : null}
        <div className="page-actions">
          {source ? <button type="button" className="btn btn-sm btn-danger" onClick={() => { remove.reset(); setConfirming(true); }}><Icon name="trash" size={13} /> Delete</button> : null}
        </div>
      </div>
      <form className="page-form" onSubmit={submit} noValidate aria-label={source ? `Listener ${source.name}` : 'New listener'}>
        {source?.error ? <div className="error-note" role="alert">Not listening: {source.error}</div> : null}
        <div className="form-grid">
          <FormField label="Name" error={problem('name')}>
            <input value={d.name} maxLength={100} onChange={(e) => setDraft({ ...d, name: e.target.value })} />
          </FormField>
          <FormField label="Protocol" error={problem('protocol')}>
            <select value={d.protocol} onChange={(e) => setDraft({ ...d, protocol: e.target.value as SourceDraft['protocol'] })}>
              <option value="tcp">TCP</option>
              <option value="udp">UDP</option>
            </select>
          </FormField>
          <FormField label="Port" error={problem('port')} hint="0: any free port (shown once listening).">
            <input type="number" min={0} max={65535} value={d.port} onChange={(e) => setDraft({ ...d, port: e.target.value })} />
          </FormField>
          <FormField label="Listen on" error={problem('bindAddress')}>
            <select value={d.bindAddress} onChange={(e) => setDraft({ ...d, bindAddress: e.target.value })}>
              <option value="127.0.0.1">This computer only (127.0.0.1)</option>
              <option value="0.0.0.0">Every network interface (0.0.0.0)</option>
              {!['127.0.0.1', '0.0.0.0'].includes(d.bindAddress) ? <option value={d.bindAddress}>{d.bindAddress}</option> : null}
            </select>
          </FormField>
          <FormField label="Encoding" error={problem('encoding')}>
            <select value={d.encoding} onChange={(e) => setDraft({ ...d, encoding: e.target.value as SourceDraft['encoding'] })}>
              <option value="utf-8">UTF-8</option>
              <option value="latin1">Latin-1</option>
              <option value="utf-16le">UTF-16 LE</option>
            </select>
          </FormField>
          <FormField label="Longest message (bytes)" error={problem('maxMessageBytes')}>
            <input type="number" min={16} value={d.maxMessageBytes} onChange={(e) => setDraft({ ...d, maxMessageBytes: e.target.value })} />
          </FormField>
          <FormField label="Messages a second per sender" error={problem('maxMessagesPerSecond')}>
            <input type="number" min={1} value={d.maxMessagesPerSecond} onChange={(e) => setDraft({ ...d, maxMessagesPerSecond: e.target.value })} />
          </FormField>
        </div>
        <FormField label="Allowed senders" error={problem('allowedAddresses')} hint="IPv4 addresses or blocks (10.0.0.0/8), one per line. Empty: anyone who can reach the port.">
          <textarea className="input" rows={3} value={d.allowedAddresses} onChange={(e) => setDraft({ ...d, allowedAddresses: e.target.value })} />
        </FormField>
        <fieldset className="role-fieldset">
          <legend>Message separators</legend>
          <div className="chip-list">
            {d.separators.map((s, i) => (
              <span key={i} className="exception-interval">
                <input className="input clock-input" value={s} aria-label={`Separator ${i + 1}`} aria-invalid={!!problem(`separators[${i}]`)}
                  onChange={(e) => setDraft({ ...d, separators: d.separators.map((x, k) => (k === i ? e.target.value : x)) })} />
                <button type="button" className="icon-btn" aria-label={`Remove separator ${i + 1}`} onClick={() => setDraft({ ...d, separators: d.separators.filter((_, k) => k !== i) })}>
                  <Icon name="close" size={12} />
                </button>
              </span>
            ))}
            <button type="button" className="btn btn-sm" onClick={() => setDraft({ ...d, separators: [...d.separators, ';'] })}><Icon name="plus" size={12} /> Separator</button>
          </div>
          {problem('separators') ? <em className="field-error" role="alert">{problem('separators')}</em> : null}
          <small className="field-hint">A message ends at any of these (\r carriage return, \n new line, \t tab, \xHH a byte). A UDP datagram is split at them too.</small>
        </fieldset>
        <label className="checkbox"><input type="checkbox" checked={d.enabled} onChange={(e) => setDraft({ ...d, enabled: e.target.checked })} /> Enabled</label>
        {unclaimed ? <div className="error-note" role="alert">{unclaimed}</div> : null}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={(!changed && !!source) || local.size > 0 || save.isPending}>{save.isPending ? 'Saving…' : source ? 'Save' : 'Create listener'}</button>
          <button type="button" className="btn" disabled={!changed || save.isPending} onClick={() => { setDraft(initial); save.reset(); }}>Revert</button>
        </div>
      </form>
      {confirming && source ? (
        <ConfirmDialog title="Delete listener" confirmLabel="Delete listener" busy={remove.isPending} error={remove.error} onConfirm={() => remove.mutate()} onClose={() => setConfirming(false)}>
          <p>Stop listening on {source.protocol.toUpperCase()} port {source.boundPort ?? source.port} and delete <b>{source.name}</b>?</p>
          {listedBy.length > 0 ? <p className="muted">The generic events {listedBy.join(', ')} list it; the site refuses until they no longer do.</p> : null}
        </ConfirmDialog>
      ) : null}
    </>
  );
}
