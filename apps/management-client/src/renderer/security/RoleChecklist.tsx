/** Roles as checkboxes, each with what it allows in a word, for a user's membership. */
import { roleSummary } from './roleSummary';
import type { RoleBody } from './securityApi';
import { withRole } from './userForm';

export interface RoleChecklistProps {
  roles: readonly RoleBody[];
  selected: readonly string[];
  onChange: (roleIds: string[]) => void;
  disabled?: boolean;
}

export function RoleChecklist({ roles, selected, onChange, disabled }: RoleChecklistProps) {
  const order = roles.map((r) => r.id);
  return (
    <ul className="role-checklist">
      {roles.map((r) => (
        <li key={r.id}>
          <label className="checkbox">
            <input type="checkbox" checked={selected.includes(r.id)} disabled={disabled}
              onChange={(e) => onChange(withRole(selected, r.id, e.target.checked, order))} />
            <span>{r.name}</span>
            <small className="muted">{roleSummary(r)}</small>
          </label>
        </li>
      ))}
      {roles.length === 0 ? <li className="muted">No roles yet.</li> : null}
    </ul>
  );
}
