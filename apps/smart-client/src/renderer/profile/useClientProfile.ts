/**
 * The signed-in user's client profile settings (getCurrentUser's clientProfile), refetched when
 * an administrator changes profiles (the "clientProfiles" push invalidates the user).
 */
import { useQuery } from '@tanstack/react-query';
import { currentUserQuery } from '@nightjar/ui';
import type { ClientProfileSettingsBody } from '@nightjar/ui';
import { useSite } from '../session/siteContext';
import { UNRESTRICTED_SETTINGS } from './clientProfile';

export function useClientProfile(): ClientProfileSettingsBody {
  const { client } = useSite();
  // An older site answers without a profile: nothing is restricted there either.
  return useQuery(currentUserQuery(client)).data?.clientProfile?.settings ?? UNRESTRICTED_SETTINGS;
}
