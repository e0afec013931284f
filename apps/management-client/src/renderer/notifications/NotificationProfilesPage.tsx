/**
 * Rules and Events → Notification profiles: the SMTP server (item "smtp") and the profiles
 * rules mail through ("Send notification"), each with its recipients, subject and text,
 * snapshots and "Send test". New profile: item "new".
 */
import { useQuery } from '@tanstack/react-query';
import { Icon } from '@nightjar/ui';
import { DataTable } from '../components/DataTable';
import type { Column } from '../components/DataTable';
import { OverviewLayout, PageHeader, PaneMessage } from '../components/PageLayout';
import { useRoute } from '../navigation/route';
import type { PageProps } from '../navigation/pageProps';
import { useRuleContext } from '../rules/useRuleContext';
import { useAdmin } from '../session/adminContext';
import { NotificationProfileEditor } from './NotificationProfileEditor';
import { notificationProfilesQuery, smtpSettingsQuery } from './notificationsApi';
import type { NotificationProfileBody } from './notificationsApi';
import { profileSummary } from './profileForm';
import { SmtpSettingsForm } from './SmtpSettingsForm';
import { smtpSummary } from './smtpForm';
import '../security/security.css';
import '../rules/rules.css';
import './notifications.css';

const NEW = 'new';
const SMTP = 'smtp';

export function NotificationProfilesPage({ itemId }: PageProps) {
  const { client } = useAdmin();
  const [, navigate] = useRoute();
  const profiles = useQuery(notificationProfilesQuery(client));
  const smtp = useQuery(smtpSettingsQuery(client));
  const context = useRuleContext();

  if (profiles.isPending || smtp.isPending) return <PaneMessage kind="loading">Loading notification profiles…</PaneMessage>;
  if (profiles.isError) return <PaneMessage kind="error">Could not read the notification profiles: {profiles.error.message}</PaneMessage>;
  if (smtp.isError) return <PaneMessage kind="error">Could not read the SMTP settings: {smtp.error.message}</PaneMessage>;
  const columns: readonly Column<NotificationProfileBody>[] = [
    { id: 'name', header: 'Name', width: 150, cell: (p) => p.name },
    { id: 'to', header: 'Sends to', cell: (p) => profileSummary(p) },
    { id: 'used', header: 'Rules', cell: (p) => p.usedBy.join(', ') || <span className="muted">none</span> },
  ];
  const selected = profiles.data.find((p) => p.id === itemId);
  const noServer = smtp.data.host === '';
  const editor = (profile?: NotificationProfileBody) => (
    <NotificationProfileEditor key={profile?.id ?? NEW} {...(profile ? { profile } : {})} cameras={context.cameras}
      onSaved={(p) => navigate({ itemId: p.id }, { replace: true })} onDeleted={() => navigate({ itemId: null })} onOpenSmtp={() => navigate({ itemId: SMTP })} />
  );

  return (
    <div className="page">
      <PageHeader title="Notification profiles" icon="mail" detail="Mails rules send: to whom, what they say, and which cameras' snapshots go along."
        actions={<button type="button" className="btn btn-primary btn-sm" onClick={() => navigate({ itemId: NEW })}><Icon name="plus" size={13} /> New profile</button>} />
      <OverviewLayout
        overview={(
          <>
            <button type="button" className="smtp-row" aria-pressed={itemId === SMTP} data-tone={noServer ? 'warn' : undefined} onClick={() => navigate({ itemId: SMTP })}>
              <Icon name={noServer ? 'warning' : 'server'} size={14} />
              <span><b>SMTP server</b><br /><span className="muted">{smtpSummary(smtp.data)}</span></span>
            </button>
            <DataTable label="Notification profiles" columns={columns} rows={profiles.data} rowKey={(p) => p.id} selected={itemId}
              onSelect={(id) => navigate({ itemId: id })} empty="No notification profiles yet." />
          </>
        )}
        properties={itemId === SMTP
          ? <SmtpSettingsForm key={smtp.data.updatedAt ?? 'never'} stored={smtp.data} />
          : context.loading
            ? <PaneMessage kind="loading">Loading cameras…</PaneMessage>
            : itemId === NEW
              ? editor()
              : selected
                ? editor(selected)
                : <PaneMessage>{itemId ? 'This profile no longer exists.' : noServer ? 'Set up the SMTP server first, then create a profile.' : 'Select a profile to edit or test it, or create one.'}</PaneMessage>}
      />
    </div>
  );
}
