/**
 * Mutes or unmutes the new-alarm sounds (remembered on this computer). When the browser has
 * blocked a sound because nobody clicked in the window yet, it says so, and a click lets sound
 * play again.
 */
import { Icon } from '@nightjar/ui';
import { useAlarmNotifier } from './alarmNotifierContext';

export function SoundToggle() {
  const { notifier, snapshot } = useAlarmNotifier();
  if (!notifier || !snapshot) return null;
  if (snapshot.blocked && !snapshot.muted) {
    return (
      <button type="button" className="btn btn-sm al-sound" data-sound="blocked" data-testid="alarm-sound" onClick={() => void notifier.unlock()}
        title="The browser blocked the alarm sound until you click in the window">
        <Icon name="soundOff" size={14} /> Sound blocked: click to allow
      </button>
    );
  }
  return (
    <button type="button" className="btn btn-sm al-sound" aria-pressed={!snapshot.muted} data-sound={snapshot.muted ? 'muted' : 'on'}
      data-last-sound={snapshot.lastSound ?? ''} data-played={snapshot.played} data-testid="alarm-sound"
      title={snapshot.muted ? 'New alarms are silent: click to hear them' : 'New alarms play their sound: click to mute'}
      onClick={() => notifier.setMuted(!snapshot.muted)}>
      <Icon name={snapshot.muted ? 'soundOff' : 'sound'} size={14} /> {snapshot.muted ? 'Sound off' : 'Sound on'}
    </button>
  );
}
