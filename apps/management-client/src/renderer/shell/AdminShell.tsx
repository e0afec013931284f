/**
 * The signed-in window: top bar, the site tree on the left, the selected node's page on the
 * right. A user whose roles allow no administration sees why instead of an empty tree.
 */
import { useQuery } from '@tanstack/react-query';
import { ConnectionBanner, ErrorBoundary, Icon, currentUserQuery } from '@nightjar/ui';
import { useAdmin } from '../session/adminContext';
import { useRoute } from '../navigation/route';
import { findNode, visibleTree } from '../navigation/siteTree';
import { PageFor } from '../navigation/pages';
import { AdminTopBar } from './AdminTopBar';
import { SiteTreePanel } from './SiteTreePanel';
import { FirstRunGate } from '../firstRun/FirstRunGate';

export function AdminShell() {
  const { client, connection, signOut } = useAdmin();
  const me = useQuery(currentUserQuery(client));
  const [route, navigate] = useRoute();

  let main;
  if (me.isPending) main = <div className="admin-empty"><span className="spinner" aria-hidden /> Loading your rights…</div>;
  else if (me.isError) main = <div className="admin-empty admin-error" role="alert"><Icon name="warning" /> Could not read your rights: {me.error.message}</div>;
  else {
    const flags = { manageConfiguration: me.data.manageConfiguration, manageUsers: me.data.manageUsers };
    const tree = visibleTree(flags);
    if (tree.length === 0) {
      main = (
        <div className="admin-empty" role="alert">
          <Icon name="shield" size={28} />
          <h2>No administration rights</h2>
          <p className="muted">Your roles allow neither managing configuration nor users and roles on this site. Ask an administrator, or use the Smart Client.</p>
          <button type="button" className="btn" onClick={signOut}>Sign out</button>
        </div>
      );
    } else {
      const allowed = tree.some((f) => f.nodes.some((n) => n.id === route.node));
      const node = allowed ? route.node : tree[0]!.nodes[0]!.id;
      main = (
        <div className="admin-body">
          <SiteTreePanel flags={flags} current={node} onSelect={(id) => navigate({ node: id, itemId: null, tab: null })} />
          <FirstRunGate flags={flags} />
          <main className="admin-page" aria-label={findNode(node).label}>
            <ErrorBoundary label={findNode(node).label} resetKey={`${node}/${route.itemId ?? ''}`}>
              <PageFor node={node} itemId={allowed ? route.itemId : null} tab={allowed ? route.tab : null} />
            </ErrorBoundary>
          </main>
        </div>
      );
    }
  }

  return (
    <div className="app admin-app">
      <AdminTopBar />
      <ConnectionBanner connection={connection} siteAddress={client.baseUrl} />
      {main}
    </div>
  );
}
