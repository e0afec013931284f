/**
 * Once the user's client profile is known, an empty screen takes the profile's default layout
 * (a window opened on a stored view, or one where cameras were already placed, is left alone).
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { currentUserQuery } from '@nightjar/ui';
import { useSite } from '../session/siteContext';
import { isUntouchedScreen } from './clientProfile';

export function useProfileLayout(): void {
  const { client, store } = useSite();
  const layout = useQuery(currentUserQuery(client)).data?.clientProfile?.settings.defaultLayout;
  const done = useRef(false);
  useEffect(() => {
    if (done.current || layout === undefined) return;
    done.current = true;
    if (isUntouchedScreen(store.getState())) store.getState().setLayout(layout);
  }, [layout, store]);
}
