/** The strip at the top: product and site, and the user's menu (sign out). */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Icon } from '@nightjar/ui';
import { siteInfoQuery } from '../basics/siteQueries';
import { useAdmin } from '../session/adminContext';

export function AdminTopBar() {
  const { client, user, signOut } = useAdmin();
  const site = useQuery(siteInfoQuery(client)).data;
  const [menu, setMenu] = useState(false);
  return (
    <header className="topbar">
      <div className="brand">
        <Icon name="logo" size={20} />
        <span className="brand-name">Management Client</span>
      </div>
      <div className="site-chip" title={client.baseUrl}>
        <Icon name="server" size={13} />
        <span>{site?.name ?? client.baseUrl.replace(/^https?:\/\//, '')}</span>
      </div>
      <div className="topbar-actions">
        <div className="menu-anchor">
          <button type="button" className="topbar-btn user-btn" aria-haspopup="menu" aria-expanded={menu} onClick={() => setMenu(!menu)}>
            <Icon name="user" size={14} />
            <span>{user.username}</span>
          </button>
          {menu ? (
            <div className="menu menu-right" role="menu" onMouseLeave={() => setMenu(false)}>
              <div className="menu-header">
                <span className="menu-title">{user.username}</span>
                <span className="muted">{client.baseUrl}</span>
              </div>
              <button type="button" className="menu-item menu-item-danger" role="menuitem" onClick={signOut}>
                <Icon name="signOut" size={14} />
                Sign out
              </button>
            </div>
          ) : null}
        </div>
      </div>
    </header>
  );
}
