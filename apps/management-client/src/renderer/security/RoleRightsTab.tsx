/**
 * A role's device rights: the grid of cameras × rights, each row optionally limited by a stored
 * time profile. Edits stay local until Save, which replaces the role's grants in one request
 * (updateRole); the site refuses rights the administrator does not hold, saying which.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { ErrorNote, Icon, camerasQuery, queryKeys } from '@nightjar/ui';
import { fieldError } from '../components/FormField';
import { useRoute } from '../navigation/route';
import { timeProfilesQuery } from '../rules/rulesApi';
import { useAdmin } from '../session/adminContext';
import { RightsGrid } from './RightsGrid';
import {
  addScheduleRow, grantsToRows, gridRows, removeRow, rowsToGrants, sameGrants, setRowProfile, toggleColumn, toggleRight, toggleRow,
} from './rightsMatrix';
import type { RightsRow } from './rightsMatrix';
import { ADMINISTRATORS, updateRole } from './securityApi';
import type { RoleBody } from './securityApi';

export function RoleRightsTab({ role }: { role: RoleBody }) {
  const { client, queryClient, notify } = useAdmin();
  const [, navigate] = useRoute();
  const cameras = useQuery(camerasQuery(client));
  const profiles = useQuery(timeProfilesQuery(client));
  const cameraIds = useMemo(() => (cameras.data ?? []).map((c) => c.id), [cameras.data]);
  const fresh = useMemo(() => gridRows(grantsToRows(role.grants), cameraIds), [role.grants, cameraIds]);
  const [rows, setRows] = useState<RightsRow[]>(fresh);
  const [filter, setFilter] = useState('');
  const [onlyGranted, setOnlyGranted] = useState(false);
  const [added, setAdded] = useState(0);
  useEffect(() => setRows(fresh), [fresh]);
  const save = useMutation({
    mutationFn: () => updateRole(client, role.id, { grants: rowsToGrants(rows) }),
    onSuccess: (saved) => {
      notify(`Device rights of ${saved.name} saved.`, 'success');
      void queryClient.invalidateQueries({ queryKey: queryKeys.configuration('roles') });
    },
  });

  if (role.id === ADMINISTRATORS) {
    return <p className="role-fixed-note tab-form" role="note">Administrators hold every right on every camera, at all times. The role cannot be limited.</p>;
  }
  if (cameras.isPending || profiles.isPending) return <p className="muted tab-form">Loading cameras and time profiles…</p>;
  const names = new Map((cameras.data ?? []).map((c) => [c.id, c.name]));
  const words = filter.trim().toLowerCase();
  const shown = rows.filter((r) => (r.cameraId === null || !words || (names.get(r.cameraId) ?? r.cameraId).toLowerCase().includes(words))
    && (!onlyGranted || r.rights.length > 0 || r.cameraId === null));
  const changed = !sameGrants(rowsToGrants(rows), role.grants);
  const shownKeys = new Set(shown.map((r) => r.key));
  const grantsError = fieldError(save.error, 'grants');

  return (
    <div className="rights-tab">
      <div className="rights-toolbar">
        <label className="overview-filter">
          <Icon name="search" size={13} />
          <input className="input" type="search" aria-label="Filter cameras" placeholder="Filter cameras" value={filter} onChange={(e) => setFilter(e.target.value)} />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={onlyGranted} onChange={(e) => setOnlyGranted(e.target.checked)} />
          Only cameras with rights
        </label>
        <span className="muted">
          {cameras.isError ? `Cameras could not be read (${cameras.error.message}); rows show ids. ` : ''}
          Time profiles: <button type="button" className="link-btn" onClick={() => navigate({ node: 'timeProfiles', itemId: null, tab: null })}>edit them under Rules and Events</button>.
        </span>
      </div>
      <RightsGrid rows={shown} allRows={rows} cameraName={(id) => names.get(id)} profiles={profiles.data ?? []}
        onToggle={(key, right) => setRows((rs) => toggleRight(rs, key, right))}
        onToggleRow={(key) => setRows((rs) => toggleRow(rs, key))}
        // A column acts on the rows shown, so a filtered grid changes only what the administrator sees.
        onToggleColumn={(right) => setRows((rs) => {
          const toggled = toggleColumn(rs.filter((r) => shownKeys.has(r.key)), right);
          return rs.map((r) => toggled.find((t) => t.key === r.key) ?? r);
        })}
        onProfile={(key, id) => setRows((rs) => setRowProfile(rs, key, id))}
        onAddRow={(cameraId) => {
          setAdded(added + 1);
          setRows((rs) => addScheduleRow(rs, cameraId, `added${added}`));
        }}
        onRemoveRow={(key) => setRows((rs) => removeRow(rs, key))} />
      {profiles.isError ? <p className="field-error">Time profiles could not be read: {profiles.error.message}</p> : null}
      {grantsError ? <p className="field-error" role="alert">{grantsError}</p> : <ErrorNote error={save.error} />}
      <div className="form-actions rights-actions">
        <button type="button" className="btn btn-primary" disabled={!changed || save.isPending} onClick={() => save.mutate()}>{save.isPending ? 'Saving…' : 'Save rights'}</button>
        <button type="button" className="btn" disabled={!changed || save.isPending} onClick={() => { setRows(fresh); save.reset(); }}>Revert</button>
        {changed ? <span className="muted">Unsaved changes. Members get the new rights at their next request.</span> : null}
      </div>
    </div>
  );
}
