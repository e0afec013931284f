/**
 * The logs' settings (getLogSettings, updateLogSettings): the least severe level the system log
 * writes, how many days the system and rule logs keep, and how long closed alarms are kept
 * after closing (with their comments and history; 0 keeps them forever). One request saves them all.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { queryKeys } from '@nightjar/ui';
import { FormField, fieldError, formError } from '../components/FormField';
import { PaneMessage } from '../components/PageLayout';
import { useAdmin } from '../session/adminContext';
import { logSettingsQuery, updateLogSettings } from './logsApi';
import type { LogSettingsBody } from './logsApi';
import { MAX_RETENTION_DAYS, retentionDaysProblem } from './retentionDays';

const FIELDS = ['systemLogLevel', 'systemLogRetentionDays', 'ruleLogRetentionDays', 'closedAlarmRetentionDays'] as const;

interface Draft {
  systemLogLevel: LogSettingsBody['systemLogLevel'];
  systemLogRetentionDays: string;
  ruleLogRetentionDays: string;
  closedAlarmRetentionDays: string;
}

const toDraft = (s: LogSettingsBody): Draft => ({
  systemLogLevel: s.systemLogLevel, systemLogRetentionDays: String(s.systemLogRetentionDays), ruleLogRetentionDays: String(s.ruleLogRetentionDays),
  closedAlarmRetentionDays: String(s.closedAlarmRetentionDays),
});

export function LogSettingsForm() {
  const { client, queryClient, notify } = useAdmin();
  const settings = useQuery(logSettingsQuery(client));
  const [draft, setDraft] = useState<Draft | null>(null);
  useEffect(() => {
    if (settings.data) setDraft(toDraft(settings.data));
  }, [settings.data]);
  const save = useMutation({
    mutationFn: (d: Draft) => updateLogSettings(client, {
      systemLogLevel: d.systemLogLevel, systemLogRetentionDays: Number(d.systemLogRetentionDays), ruleLogRetentionDays: Number(d.ruleLogRetentionDays),
      closedAlarmRetentionDays: Number(d.closedAlarmRetentionDays),
    }),
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.configuration('logSettings'), saved);
      notify('Log settings saved.', 'success');
    },
  });

  if (settings.isPending || !draft) return <div className="log-settings"><PaneMessage kind="loading">Loading the log settings…</PaneMessage></div>;
  if (settings.isError) return <div className="log-settings"><PaneMessage kind="error">{settings.error.message}</PaneMessage></div>;
  const initial = toDraft(settings.data);
  const changed = FIELDS.some((f) => draft[f] !== initial[f]);
  const logs = { foreverAllowed: false };
  const local = {
    systemLogRetentionDays: retentionDaysProblem(draft.systemLogRetentionDays, logs), ruleLogRetentionDays: retentionDaysProblem(draft.ruleLogRetentionDays, logs),
    closedAlarmRetentionDays: retentionDaysProblem(draft.closedAlarmRetentionDays, { foreverAllowed: true }),
  };
  const invalid = Object.values(local).some(Boolean);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!invalid) save.mutate(draft);
  };
  const problem = formError(save.error, FIELDS);

  return (
    <form className="log-settings" aria-label="Log settings" onSubmit={submit}>
      <FormField label="System log writes" error={fieldError(save.error, 'systemLogLevel')}>
        <select value={draft.systemLogLevel} onChange={(e) => setDraft({ ...draft, systemLogLevel: e.target.value as Draft['systemLogLevel'] })}>
          <option value="error">Errors only</option>
          <option value="warning">Errors and warnings</option>
          <option value="information">Everything (information too)</option>
        </select>
      </FormField>
      <FormField label="Keep system log (days)" error={local.systemLogRetentionDays ?? fieldError(save.error, 'systemLogRetentionDays')}>
        <input type="number" min={1} max={MAX_RETENTION_DAYS} value={draft.systemLogRetentionDays} onChange={(e) => setDraft({ ...draft, systemLogRetentionDays: e.target.value })} />
      </FormField>
      <FormField label="Keep rule log (days)" error={local.ruleLogRetentionDays ?? fieldError(save.error, 'ruleLogRetentionDays')}>
        <input type="number" min={1} max={MAX_RETENTION_DAYS} value={draft.ruleLogRetentionDays} onChange={(e) => setDraft({ ...draft, ruleLogRetentionDays: e.target.value })} />
      </FormField>
      <FormField label="Keep closed alarms (days)" error={local.closedAlarmRetentionDays ?? fieldError(save.error, 'closedAlarmRetentionDays')}
        hint="Counted from when each alarm was closed; open alarms are kept however old. 0 keeps them forever.">
        <input type="number" min={0} max={MAX_RETENTION_DAYS} value={draft.closedAlarmRetentionDays} onChange={(e) => setDraft({ ...draft, closedAlarmRetentionDays: e.target.value })} />
      </FormField>
      {problem ? <div className="error-note" role="alert">{problem}</div> : null}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary btn-sm" disabled={!changed || invalid || save.isPending}>{save.isPending ? 'Saving…' : 'Save settings'}</button>
        <button type="button" className="btn btn-sm" disabled={!changed || save.isPending} onClick={() => { setDraft(initial); save.reset(); }}>Revert</button>
        <span className="muted">Older entries go at the next hourly clean-up.</span>
      </div>
    </form>
  );
}
