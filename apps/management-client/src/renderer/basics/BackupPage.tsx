/**
 * Basics → Backup and restore: the whole configuration to a file (exportConfiguration; the
 * secrets in it sealed with a password) and back (importConfiguration, after a confirmation,
 * optionally with other folders for the storages when restoring onto other disks).
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { ConfigurationDocumentBody, ImportConfigurationResult } from '@nightjar/vms-core';
import { desktopApi } from '../../common/desktopApi';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { FormField, fieldError, formError } from '../components/FormField';
import { PageHeader } from '../components/PageLayout';
import type { PageProps } from '../navigation/pageProps';
import { useAdmin } from '../session/adminContext';
import { MIN_BACKUP_PASSWORD, backupFileName, backupSummary, parseBackup } from './backupFile';
import { siteInfoQuery } from './siteQueries';

const RESOURCE_LABELS: Record<string, string> = {
  storages: 'Storages', hardware: 'Hardware', cameras: 'Cameras', timeProfiles: 'Time profiles', roles: 'Roles', users: 'Basic users',
  viewGroups: 'View groups', clientProfiles: 'Smart Client profiles', devices: 'Devices',
  userDefinedEvents: 'User-defined events', genericEventSources: 'Generic event sources', genericEvents: 'Generic events',
  analyticsSources: 'Analytics sources', notificationProfiles: 'Notification profiles', rules: 'Rules', alarmDefinitions: 'Alarm definitions',
};

/** Saves the backup: the native dialog in Electron, a download in a browser. Returns where, or null when cancelled. */
async function saveBackup(name: string, contents: string): Promise<string | null> {
  const desktop = desktopApi();
  if (desktop) return (await desktop.chooseBackupFile({ defaultName: name, contents })).path;
  const url = URL.createObjectURL(new Blob([contents], { type: 'application/json' }));
  try {
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.click();
  } finally {
    // The click has handed the URL to the download; a moment later it may go.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
  return `your downloads (${name})`;
}

function ExportSection() {
  const { client, notify } = useAdmin();
  const site = useQuery(siteInfoQuery(client)).data;
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const tooShort = password.length > 0 && password.length < MIN_BACKUP_PASSWORD;
  const mismatch = repeat.length > 0 && repeat !== password;
  const run = useMutation({
    mutationFn: async () => {
      const doc = await client.request<ConfigurationDocumentBody>('/api/configuration/export', { method: 'POST', body: { password } });
      return saveBackup(backupFileName(site?.name ?? 'site', new Date()), `${JSON.stringify(doc, null, 2)}\n`);
    },
    onSuccess: (where) => {
      if (where) notify(`Configuration backup saved to ${where}.`, 'success');
      setPassword('');
      setRepeat('');
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    run.mutate();
  };
  return (
    <form className="page-form" onSubmit={submit} aria-labelledby="backup-export">
      <h2 id="backup-export">Back up the configuration</h2>
      <p className="muted">Everything the site is configured with — servers, storages, hardware with its cameras and devices, time profiles, roles and users, view groups and Smart Client profiles, and the event server: rules, alarm definitions, the SMTP server, notification profiles, analytics sources, user-defined and generic events, and the log settings. Device passwords, user password hashes, storage keys, the SMTP password and analytics tokens (as the site keeps them, hashed) are sealed with the password below: it is needed to restore the file.</p>
      <FormField label="Backup password" error={fieldError(run.error, 'password') ?? (tooShort ? `At least ${MIN_BACKUP_PASSWORD} characters.` : undefined)}>
        <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" />
      </FormField>
      <FormField label="Repeat the password" error={mismatch ? 'The passwords differ.' : undefined}>
        <input type="password" value={repeat} onChange={(e) => setRepeat(e.target.value)} autoComplete="new-password" />
      </FormField>
      {formError(run.error, ['password']) ? <div className="error-note" role="alert">{formError(run.error, ['password'])}</div> : null}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={run.isPending || password.length < MIN_BACKUP_PASSWORD || repeat !== password}>
          {run.isPending ? 'Backing up…' : 'Save backup…'}
        </button>
      </div>
    </form>
  );
}

function ImportSection() {
  const { client, queryClient, notify } = useAdmin();
  const [file, setFile] = useState<{ name: string; document: ConfigurationDocumentBody } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [paths, setPaths] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<ImportConfigurationResult | null>(null);
  const run = useMutation({
    mutationFn: () => {
      const storagePaths = Object.fromEntries(Object.entries(paths).filter(([id, p]) => p.trim() && p.trim() !== file!.document.storages.find((s) => s.id === id)?.path));
      return client.request<ImportConfigurationResult>('/api/configuration/import', {
        method: 'POST', body: { password, document: file!.document, ...(Object.keys(storagePaths).length ? { storagePaths } : {}) },
      });
    },
    onSuccess: (r) => {
      setResult(r);
      setConfirming(false);
      setPassword('');
      // Everything may have changed: every configuration page reads again.
      void queryClient.invalidateQueries();
      notify('Configuration restored.', 'success');
    },
    onError: () => setConfirming(false),
  });
  const pick = async (f: File | undefined) => {
    setResult(null);
    run.reset();
    if (!f) return;
    const parsed = parseBackup(await f.text());
    if (parsed.ok) {
      setFile({ name: f.name, document: parsed.document });
      setPaths(Object.fromEntries(parsed.document.storages.map((s) => [s.id, s.path])));
      setProblem(null);
    } else {
      setFile(null);
      setProblem(parsed.problem);
    }
  };
  return (
    <section className="page-form" aria-labelledby="backup-import">
      <h2 id="backup-import">Restore a backup</h2>
      <p className="muted">Replaces this site's configuration with the file's. Recordings stay where they are; cameras of removed hardware keep their recordings until retention.</p>
      <FormField label="Backup file" error={problem ?? undefined}>
        <input type="file" accept="application/json,.json" onChange={(e) => void pick(e.target.files?.[0])} />
      </FormField>
      {file ? (
        <>
          <p className="muted" data-testid="backup-summary">{backupSummary(file.document)}</p>
          {file.document.storages.map((s) => (
            <FormField key={s.id} label={`Folder of storage “${s.name}”`} error={fieldError(run.error, `storagePaths.${s.id}`)} hint="Change it when restoring onto other disks.">
              <input value={paths[s.id] ?? ''} onChange={(e) => setPaths({ ...paths, [s.id]: e.target.value })} spellCheck={false} />
            </FormField>
          ))}
          <FormField label="Backup password" error={fieldError(run.error, 'password')}>
            <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="off" />
          </FormField>
          {formError(run.error, ['password', 'storagePaths']) ? <div className="error-note" role="alert">{formError(run.error, ['password', 'storagePaths'])}</div> : null}
          <div className="form-actions">
            <button type="button" className="btn btn-danger" disabled={!password || run.isPending} onClick={() => setConfirming(true)}>Restore…</button>
          </div>
        </>
      ) : null}
      {result ? (
        <table className="data-table" aria-label="What the restore changed">
          <thead><tr><th>Configuration</th><th className="num">Added</th><th className="num">Changed</th><th className="num">Removed</th></tr></thead>
          <tbody>
            {Object.entries(result).map(([what, c]) => (
              <tr key={what}><td>{RESOURCE_LABELS[what] ?? what}</td><td className="num">{c.added}</td><td className="num">{c.changed}</td><td className="num">{c.removed}</td></tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {confirming && file ? (
        <ConfirmDialog title="Restore this backup?" confirmLabel="Restore" busy={run.isPending} error={run.error} onConfirm={() => run.mutate()} onClose={() => setConfirming(false)}>
          <p>This site's configuration is replaced by “{file.name}”. Anything configured since that backup is lost.</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}

export function BackupPage(_: PageProps) {
  return (
    <div className="page">
      <PageHeader title="Backup and restore" icon="save" detail="The site's whole configuration in one file, its secrets sealed with a password." />
      <ExportSection />
      <ImportSection />
    </div>
  );
}
