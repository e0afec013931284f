/** Sites signed in to before, under the sign-in form: one click fills address and user name. */
import { Icon } from '../shell/Icon';
import type { RecentServer } from './recentServers';

export interface RecentServerListProps {
  servers: readonly RecentServer[];
  /** The address in the form, highlighted in the list. */
  current: string | undefined;
  onPick: (server: RecentServer) => void;
  onForget: (address: string) => void;
}

export function RecentServerList({ servers, current, onPick, onForget }: RecentServerListProps) {
  if (servers.length === 0) return null;
  return (
    <div className="recent">
      <div className="recent-title">Recent sites</div>
      <ul>
        {servers.map((s) => (
          <li key={s.address} className="recent-item" data-current={s.address === current}>
            <button type="button" className="recent-pick" onClick={() => onPick(s)} title={`Sign in to ${s.address} as ${s.username}`}>
              <Icon name="server" size={14} />
              <span className="recent-address">{s.address.replace(/^https?:\/\//, '')}</span>
              <span className="recent-user">{s.username}</span>
            </button>
            <button type="button" className="icon-btn recent-forget" onClick={() => onForget(s.address)} aria-label={`Forget ${s.address}`} title="Forget this site">
              <Icon name="close" size={12} />
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
