/**
 * The selected client profile: move it up or down the priority order (a user in several roles
 * gets the first of theirs), delete it (its roles fall back to the default profile; the default
 * profile stays), and its Smart Client, Roles and Info tabs.
 */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Icon, queryKeys } from '@nightjar/ui';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { PropertyTabs } from '../components/PropertyTabs';
import { useRoute } from '../navigation/route';
import { useAdmin } from '../session/adminContext';
import { deleteClientProfile, updateClientProfile } from './clientProfilesApi';
import type { ClientProfileBody } from './clientProfilesApi';
import { ProfileInfoForm } from './ProfileInfoForm';
import { ProfileRolesForm } from './ProfileRolesForm';
import { ProfileSettingsForm } from './ProfileSettingsForm';
import { movedPosition } from './viewGroupModel';

export interface ClientProfilePropertiesProps {
  profile: ClientProfileBody;
  /** Every profile by priority, the default one last. */
  profiles: readonly ClientProfileBody[];
  tab: string | null;
  onDeleted: () => void;
}

export function ClientProfileProperties({ profile, profiles, tab, onDeleted }: ClientProfilePropertiesProps) {
  const { client, queryClient, notify } = useAdmin();
  const [, navigate] = useRoute();
  const [confirming, setConfirming] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.configuration('clientProfiles') });
  const ranked = profiles.filter((p) => !p.isDefault);
  const reorder = useMutation({
    mutationFn: (position: number) => updateClientProfile(client, profile.id, { position }),
    onSuccess: () => void refresh(),
    onError: (e) => notify(`Moving ${profile.name} failed: ${e.message}`, 'error'),
  });
  const remove = useMutation({
    mutationFn: () => deleteClientProfile(client, profile.id),
    onSuccess: () => {
      notify(`Client profile ${profile.name} deleted.`, 'success');
      setConfirming(false);
      void refresh();
      onDeleted();
    },
  });
  const up = profile.isDefault ? undefined : movedPosition(ranked, profile.id, -1);
  const down = profile.isDefault ? undefined : movedPosition(ranked, profile.id, 1);

  return (
    <>
      <div className="properties-head">
        <Icon name="sidebar" size={16} />
        <h2>{profile.name}</h2>
        {profile.isDefault ? <span className="state-pill">Default</span> : <span className="state-pill">Priority {profile.position + 1}</span>}
        <div className="page-actions">
          <button type="button" className="btn btn-sm" disabled={up === undefined || reorder.isPending} onClick={() => up !== undefined && reorder.mutate(up)}
            title="Higher priority" aria-label="Move up"><Icon name="arrowUp" size={13} /></button>
          <button type="button" className="btn btn-sm" disabled={down === undefined || reorder.isPending} onClick={() => down !== undefined && reorder.mutate(down)}
            title="Lower priority" aria-label="Move down"><Icon name="arrowDown" size={13} /></button>
          <button type="button" className="btn btn-sm btn-danger" disabled={profile.isDefault} title={profile.isDefault ? 'The default profile cannot be deleted.' : undefined}
            onClick={() => { remove.reset(); setConfirming(true); }}>
            <Icon name="trash" size={13} /> Delete
          </button>
        </div>
      </div>
      <PropertyTabs label="Client profile properties" active={tab} onChange={(t) => navigate({ tab: t }, { replace: true })} tabs={[
        { id: 'smartClient', label: 'Smart Client', render: () => <ProfileSettingsForm key={profile.id} profile={profile} /> },
        { id: 'roles', label: profile.isDefault ? 'Roles' : `Roles (${profile.roleIds.length})`, render: () => <ProfileRolesForm key={profile.id} profile={profile} profiles={profiles} /> },
        { id: 'info', label: 'Info', render: () => <ProfileInfoForm key={profile.id} profile={profile} profiles={profiles} /> },
      ]} />
      {confirming ? (
        <ConfirmDialog title="Delete client profile" confirmLabel="Delete profile" busy={remove.isPending} error={remove.error} onConfirm={() => remove.mutate()} onClose={() => setConfirming(false)}>
          <p>Delete the client profile <b>{profile.name}</b>?</p>
          <p className="muted">{profile.roleIds.length === 0 ? 'No role has it.' : `Its ${profile.roleIds.length} ${profile.roleIds.length === 1 ? 'role gets' : 'roles get'} the default profile; open Smart Clients apply it at once.`}</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
