/**
 * "Send test": mails the saved profile now with sample words and its cameras' snapshots, and
 * says what happened: sent (with the snapshots that went along and those that did not), or
 * the SMTP server's refusal naming the setting at fault, with the way to that setting.
 */
import { useMutation } from '@tanstack/react-query';
import { Icon } from '@nightjar/ui';
import { useAdmin } from '../session/adminContext';
import { testNotificationProfile } from './notificationsApi';
import type { NotificationProfileBody } from './notificationsApi';
import { testOutcome } from './testOutcome';

export interface TestSendPanelProps {
  profile: NotificationProfileBody;
  /** The form has changes not saved yet: the test would send the stored profile. */
  unsaved: boolean;
  cameraName: (id: string) => string;
  onOpenSmtp: () => void;
}

export function TestSendPanel({ profile, unsaved, cameraName, onOpenSmtp }: TestSendPanelProps) {
  const { client } = useAdmin();
  const test = useMutation({ mutationFn: () => testNotificationProfile(client, profile.id) });
  const outcome = test.isSuccess || test.isError ? testOutcome(test.data, test.error, cameraName) : undefined;

  return (
    <div className="test-send">
      <div className="form-actions">
        <button type="button" className="btn" disabled={unsaved || test.isPending} onClick={() => test.mutate()}>
          <Icon name="mail" size={13} /> {test.isPending ? 'Sending…' : 'Send test'}
        </button>
        <span className="muted">{unsaved ? 'Save first: the test sends the stored profile.' : `Mails ${profile.recipients.join(', ')} now, with sample words.`}</span>
      </div>
      {outcome ? (
        <div className="test-outcome" data-tone={outcome.ok ? 'ok' : 'error'} role={outcome.ok ? 'status' : 'alert'}>
          <p>{outcome.text}</p>
          {outcome.notes.map((n) => <p key={n} className="muted">{n}</p>)}
          {outcome.smtpSetting ? <button type="button" className="link-btn" onClick={onOpenSmtp}>Check the SMTP server's {outcome.smtpSetting}</button> : null}
        </div>
      ) : null}
    </div>
  );
}
