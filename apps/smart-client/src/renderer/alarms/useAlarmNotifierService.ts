/**
 * Makes the signed-in window's AlarmNotifier: the updates socket's pushes in, WebAudio out, the
 * mute choice in localStorage. While the browser blocks sound (no click on the page yet), the
 * next click anywhere lets it play.
 */
import { useEffect, useState } from 'react';
import { alarmQuery } from '@nightjar/ui';
import { useSite } from '../session/siteContext';
import { WebAudioSoundPlayer } from './alarmAudio';
import { AlarmNotifier } from './alarmNotifier';

function localStore(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    // Storage disabled (a locked-down browser profile): the mute choice lasts for this window.
    return null;
  }
}

export function useAlarmNotifierService(): AlarmNotifier | null {
  const { client, queryClient, updates } = useSite();
  const [notifier, setNotifier] = useState<AlarmNotifier | null>(null);

  useEffect(() => {
    const created = new AlarmNotifier({
      onDidReceive: updates.onDidReceive,
      soundOf: async (alarmId) => (await queryClient.fetchQuery(alarmQuery(client, alarmId))).sound,
      player: new WebAudioSoundPlayer(),
      storage: localStore(),
    });
    setNotifier(created);
    return () => created.dispose();
  }, [client, queryClient, updates]);

  useEffect(() => {
    if (!notifier) return;
    const unlockOnClick = () => {
      if (notifier.getSnapshot().blocked) void notifier.unlock();
    };
    window.addEventListener('pointerdown', unlockOnClick, true);
    window.addEventListener('keydown', unlockOnClick, true);
    return () => {
      window.removeEventListener('pointerdown', unlockOnClick, true);
      window.removeEventListener('keydown', unlockOnClick, true);
    };
  }, [notifier]);

  return notifier;
}
