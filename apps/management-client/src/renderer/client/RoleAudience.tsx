/**
 * Who a shared view group is shown to: every role (roles created later included), or the roles
 * ticked. Administrators and configuration managers see every shared group either way.
 */
import type { ViewGroupDraft } from './viewGroupModel';
import { audienceWarning } from './viewGroupModel';
import type { RoleNames } from './useRoleNames';

export interface RoleAudienceProps {
  draft: ViewGroupDraft;
  onChange: (draft: ViewGroupDraft) => void;
  roles: RoleNames;
  error?: string | undefined;
  disabled?: boolean;
}

export function RoleAudience({ draft, onChange, roles, error, disabled }: RoleAudienceProps) {
  const warning = audienceWarning(draft);
  const toggle = (id: string, on: boolean) => onChange({ ...draft, roleIds: on ? [...draft.roleIds, id] : draft.roleIds.filter((r) => r !== id) });
  return (
    <fieldset className="client-fieldset" disabled={disabled}>
      <legend>Shown to</legend>
      <label className="checkbox">
        <input type="radio" name="group-audience" checked={draft.audience === 'all'} onChange={() => onChange({ ...draft, audience: 'all' })} />
        <span>Every role</span>
        <small className="muted">roles created later too</small>
      </label>
      <label className="checkbox">
        <input type="radio" name="group-audience" checked={draft.audience === 'roles'} onChange={() => onChange({ ...draft, audience: 'roles' })} />
        <span>These roles</span>
      </label>
      {draft.audience === 'roles' ? (
        roles.readable ? (
          <ul className="client-role-list" aria-label="Roles shown the group">
            {(roles.roles ?? []).map((r) => (
              <li key={r.id}>
                <label className="checkbox">
                  <input type="checkbox" checked={draft.roleIds.includes(r.id)} onChange={(e) => toggle(r.id, e.target.checked)} />
                  <span>{r.name}</span>
                  {r.id === 'administrators' ? <small className="muted">sees every shared group anyway</small> : null}
                </label>
              </li>
            ))}
            {roles.error ? <li className="field-error">Roles could not be read: {roles.error.message}</li> : null}
          </ul>
        ) : (
          <p className="muted">Choosing roles needs a role that may also manage users. Shown to: {draft.roleIds.map((id) => roles.nameOf(id) ?? id).join(', ') || 'no role'}.</p>
        )
      ) : null}
      {error ? <em className="field-error" role="alert">{error}</em> : warning ? <small className="field-hint">{warning}</small> : null}
    </fieldset>
  );
}
