/** The left panel of Live and Playback: the stored views above the camera tree. */
import { ErrorBoundary } from '../shell/ErrorBoundary';
import { CameraTree } from './CameraTree';
import { ViewsPanel } from './ViewsPanel';

export function Sidebar() {
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
