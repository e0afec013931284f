/**
 * An analytics source: the name its events carry, who may send (addresses, token), the camera
 * the analytics watch and the rate limit, saved in one request; then how to send events to it.
 */
import { useMutation } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { Icon, queryKeys } from '@nightjar/ui';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { FormField } from '../components/FormField';
import { problemAt, siteProblem } from '../rules/fieldProblems';
import { useAdmin } from '../session/adminContext';
import { createAnalyticsSource, deleteAnalyticsSource, updateAnalyticsSource } from './analyticsApi';
import type { AnalyticsSourceBody } from './analyticsApi';
import { LIMITS, analyticsProblems, draftToCreate, draftToUpdate, newAnalyticsDraft, parseAddresses, sourceToDraft } from './analyticsForm';
import type { AnalyticsDraft } from './analyticsForm';
import { SendHelpPanel } from './SendHelpPanel';
import { sendExample } from './sendHelp';
import { TokenFieldset } from './TokenFieldset';
import { TokenReveal } from './TokenReveal';

const FIELDS = ['name', 'description', 'allowedAddresses', 'cameraId', 'maxEventsPerSecond', 'enabled', 'token'];

export interface AnalyticsSourceFormProps {
  source?: AnalyticsSourceBody;
  cameras: readonly { id: string; name: string }[];
  /** Analytics rule names the site's rules listen for on this source (for the example). */
  ruleNames: readonly string[];
  /** The token saved last for this source, shown once. */
  revealed?: string | undefined;
  onSaved: (source: AnalyticsSourceBody, token: string | undefined) => void;
  onRevealDone: () => void;
  onDeleted: () => void;
}

export function AnalyticsSourceForm({ source, cameras, ruleNames, revealed, onSaved, onRevealDone, onDeleted }: AnalyticsSourceFormProps) {
  const { client, queryClient, notify } = useAdmin();
  const initial = useMemo(() => (source ? sourceToDraft(source) : newAnalyticsDraft()), [source]);
  const [d, setDraft] = useState<AnalyticsDraft>(initial);
  useEffect(() => setDraft(initial), [initial]);
  const [tried, setTried] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.configuration('analyticsSources') });
  const save = useMutation({
    mutationFn: (draft: AnalyticsDraft) => (source ? updateAnalyticsSource(client, source.id, draftToUpdate(draft)) : createAnalyticsSource(client, draftToCreate(draft))),
    onSuccess: (saved, draft) => {
      notify(`Analytics source ${saved.name} saved.`, 'success');
      void refresh();
      onSaved(saved, draft.token.kind === 'set' ? draft.token.value : undefined);
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteAnalyticsSource(client, source!.id),
    onSuccess: () => {
      notify(`Analytics source ${source!.name} deleted.`, 'success');
      setConfirming(false);
      void refresh();
      onDeleted();
    },
  });

  const local = analyticsProblems(d, source);
  // A new form's empty name is not an error until the administrator tries to save.
  const shown = tried || d.name !== '' ? local : new Map([...local].filter(([f]) => f !== 'name'));
  const site = siteProblem(save.error);
  const problem = (f: string) => problemAt(shown, site, f);
  const unclaimed = save.error && (!site || !FIELDS.some((f) => problemAt(new Map(), site, f))) ? (save.error as Error).message : undefined;
  const changed = JSON.stringify(d) !== JSON.stringify(initial);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (local.size === 0) save.mutate(d);
  };
  const cameraName = (id: string | undefined) => cameras.find((c) => c.id === id)?.name;
  const example = source ? sendExample({
    siteUrl: client.baseUrl, sourceName: source.name, hasToken: source.hasToken, token: revealed, ruleName: ruleNames[0], cameraName: cameraName(source.cameraId),
  }) : undefined;

  return (
    <>
      <div className="properties-head">
        <Icon name="activity" size={16} />
        <h2>{source ? source.name : 'New analytics source'}</h2>
        {source ? <span className="state-pill" data-tone={source.enabled ? 'ok' : undefined}>{source.enabled ? 'Accepting events' : 'Disabled'}</span> : null}
        <div className="page-actions">
          {source ? <button type="button" className="btn btn-sm btn-danger" onClick={() => { remove.reset(); setConfirming(true); }}><Icon name="trash" size={13} /> Delete</button> : null}
        </div>
      </div>
      {revealed && source ? <TokenReveal token={revealed} onDone={onRevealDone} /> : null}
      <div className="analytics-body">
        <form className="page-form" onSubmit={submit} noValidate aria-label={source ? `Analytics source ${source.name}` : 'New analytics source'}>
          <div className="form-grid">
            <FormField label="Name" error={problem('name')} hint='What its events send as "source" (case does not matter).'>
              <input value={d.name} maxLength={LIMITS.nameMaxLength} onChange={(e) => setDraft({ ...d, name: e.target.value })} />
            </FormField>
            <FormField label="Camera it watches" error={problem('cameraId')} hint="Its viewers see the events; rules may act on the event's camera.">
              <select value={d.cameraId} onChange={(e) => setDraft({ ...d, cameraId: e.target.value })}>
                <option value="">No camera</option>
                {cameras.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
                {d.cameraId && !cameras.some((c) => c.id === d.cameraId) ? <option value={d.cameraId}>{d.cameraId} (not on the site)</option> : null}
              </select>
            </FormField>
            <FormField label="Events a second at most" error={problem('maxEventsPerSecond')} hint="More are refused (429) and the flood logged once.">
              <input type="number" min={1} max={LIMITS.maxEventsPerSecond} value={d.maxEventsPerSecond} onChange={(e) => setDraft({ ...d, maxEventsPerSecond: e.target.value })} />
            </FormField>
          </div>
          <FormField label="Description" error={problem('description')}>
            <input value={d.description} maxLength={1000} onChange={(e) => setDraft({ ...d, description: e.target.value })} />
          </FormField>
          <FormField label="Allowed addresses" error={problem('allowedAddresses')}
            hint={`IPv4 addresses or blocks (10.0.0.0/8), one per line${parseAddresses(d.allowedAddresses).length === 0 ? '. Empty: any address, with the token' : ''}.`}>
            <textarea className="input" rows={3} value={d.allowedAddresses} onChange={(e) => setDraft({ ...d, allowedAddresses: e.target.value })} />
          </FormField>
          <TokenFieldset token={d.token} stored={source?.hasToken ?? false} isNew={!source} error={problem('token')} onChange={(token) => setDraft({ ...d, token })} />
          <label className="checkbox"><input type="checkbox" checked={d.enabled} onChange={(e) => setDraft({ ...d, enabled: e.target.checked })} /> Accept events from this source</label>
          {source ? <p className="muted">{source.usedBy.length > 0 ? `Rules triggered by its events: ${source.usedBy.join(', ')}.` : 'No rule is triggered by its events yet.'}</p> : null}
          {unclaimed ? <div className="error-note" role="alert">{unclaimed}</div> : null}
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={(!changed && !!source) || save.isPending}>{save.isPending ? 'Saving…' : source ? 'Save' : 'Create source'}</button>
            <button type="button" className="btn" disabled={!changed || save.isPending} onClick={() => { setDraft(initial); setTried(false); save.reset(); }}>Revert</button>
          </div>
        </form>
        {example && source ? (
          <SendHelpPanel example={example} senders={source.allowedAddresses.length > 0 ? `from ${source.allowedAddresses.join(', ')}${source.hasToken ? ', with the token' : ''}` : 'any address, with the token'} />
        ) : null}
      </div>
      {confirming && source ? (
        <ConfirmDialog title="Delete analytics source" confirmLabel="Delete source" busy={remove.isPending} error={remove.error} onConfirm={() => remove.mutate()} onClose={() => setConfirming(false)}>
          <p>Stop accepting events from <b>{source.name}</b> and delete it?</p>
          {source.usedBy.length > 0 ? <p className="muted">The rules {source.usedBy.join(', ')} trigger on its events; the site refuses until they no longer do.</p> : null}
        </ConfirmDialog>
      ) : null}
    </>
  );
}
