/** Basics → Site information: the site's name and description (updateSite). */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { queryKeys } from '@nightjar/ui';
import { FormField, fieldError, formError } from '../components/FormField';
import { PageHeader, PaneMessage } from '../components/PageLayout';
import type { PageProps } from '../navigation/pageProps';
import { useAdmin } from '../session/adminContext';
import { siteInfoQuery, updateSiteInfo } from './siteQueries';

export function SitePage(_: PageProps) {
  const { client, queryClient, notify } = useAdmin();
  const site = useQuery(siteInfoQuery(client));
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  useEffect(() => {
    if (!site.data) return;
    setName(site.data.name);
    setDescription(site.data.description);
  }, [site.data]);
  const save = useMutation({
    mutationFn: () => updateSiteInfo(client, { name: name.trim(), description }),
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.configuration('site'), saved);
      notify('Site information saved.', 'success');
    },
  });

  if (site.isPending) return <PaneMessage kind="loading">Loading the site…</PaneMessage>;
  if (site.isError) return <PaneMessage kind="error">{site.error.message}</PaneMessage>;
  const changed = name !== site.data.name || description !== site.data.description;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const problem = formError(save.error, ['name', 'description']);
  return (
    <div className="page">
      <PageHeader title="Site information" icon="info" detail="How this site is named in the clients, in exports and in backups." />
      <form className="page-form" onSubmit={submit}>
        <FormField label="Name" error={fieldError(save.error, 'name') ?? (name.trim() === '' ? 'The site needs a name.' : undefined)}>
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={100} />
        </FormField>
        <FormField label="Description" error={fieldError(save.error, 'description')}>
          <textarea className="input" rows={4} value={description} onChange={(e) => setDescription(e.target.value)} maxLength={1000} />
        </FormField>
        {problem ? <div className="error-note" role="alert">{problem}</div> : null}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={!changed || name.trim() === '' || save.isPending}>{save.isPending ? 'Saving…' : 'Save'}</button>
          <button type="button" className="btn" disabled={!changed || save.isPending} onClick={() => { setName(site.data.name); setDescription(site.data.description); save.reset(); }}>Revert</button>
        </div>
      </form>
    </div>
  );
}
