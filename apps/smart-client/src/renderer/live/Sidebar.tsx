/** The left panel of Live and Playback: the stored views above the camera tree. */
import { ErrorBoundary } from '../shell/ErrorBoundary';
import { CameraTree } from './CameraTree';
import { useSharedViewSync } from './useSharedViewSync';
import { ViewsPanel } from './ViewsPanel';

export function Sidebar() {
  // Here, not in a workspace: the view on screen follows the site in Live and Playback alike.
  useSharedViewSync();
  return (
    <aside className="sidebar" aria-label="Views and cameras">
      <ErrorBoundary label="Views">
        <ViewsPanel />
      </ErrorBoundary>
      <ErrorBoundary label="Camera tree">
        <CameraTree />
      </ErrorBoundary>
    </aside>
  );
}
