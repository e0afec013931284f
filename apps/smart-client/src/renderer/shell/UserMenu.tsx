/** The signed-in user at the right of the top bar; its menu holds sign-out. */
import { useRef, useState } from 'react';
import { useSite } from '../session/siteContext';
import { Icon } from '@nightjar/ui';
import { useMenuDismiss } from './useMenuDismiss';

export function UserMenu() {
  const { user, client, signOut } = useSite();
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);

  useMenuDismiss(open, () => setOpen(false), box);

  return (
    <div className="menu-anchor" ref={box}>
      <button type="button" className="topbar-btn user-btn" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>
        <Icon name="user" size={15} />
        <span>{user.username}</span>
        <Icon name="chevronDown" size={12} />
      </button>
      {open ? (
        <div className="menu" role="menu">
          <div className="menu-header">
            <div className="menu-title">{user.username}</div>
            <div className="muted">{user.roleIds.length ? `Roles: ${user.roleIds.join(', ')}` : 'No roles'}</div>
            <div className="muted">{client.baseUrl}</div>
          </div>
          <button type="button" role="menuitem" className="menu-item" onClick={() => { setOpen(false); signOut(); }}>
            <Icon name="signOut" size={14} />
            Sign out
          </button>
        </div>
      ) : null}
    </div>
  );
}
