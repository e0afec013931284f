/** The left panel of Live and Playback: the stored views above the camera tree; its right edge resizes it. */
import { ErrorBoundary } from '@nightjar/ui';
import { CameraTree } from './CameraTree';
import { useSidebarWidth } from './useSidebarWidth';
import { ViewsPanel } from './ViewsPanel';

export function Sidebar() {
  const { width, onResizeStart } = useSidebarWidth();
  return (
    <aside className="sidebar" aria-label="Views and cameras" style={{ width }}>
      <div className="sidebar-resize" role="separator" aria-orientation="vertical" aria-label="Resize the panel" onPointerDown={onResizeStart} />
      <ErrorBoundary label="Views">
        <ViewsPanel />
      </ErrorBoundary>
      <ErrorBoundary label="Camera tree">
        <CameraTree />
      </ErrorBoundary>
    </aside>
  );
}
