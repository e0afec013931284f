/**
 * The camera tree of the left panel: the cameras the site lists for this user, in folders from
 * their group paths, with a search box. Drag a camera onto a tile, or double-click it to show it
 * in the selected tile (else the first empty one).
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { camerasQuery } from '@nightjar/ui';
import type { CameraBody } from '@nightjar/ui';
import { useClientState, useSite } from '../session/siteContext';
import { Icon } from '@nightjar/ui';
import { useShell } from '../shell/shellContext';
import { CameraFolderNode } from './CameraFolderNode';
import { buildCameraTree, filterCameraTree } from './cameraTreeModel';
import { targetTile } from './viewMapping';

export function CameraTree() {
  const { client, store } = useSite();
  const { notify } = useShell();
  const cameras = useQuery(camerasQuery(client));
  const [query, setQuery] = useState('');
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const tileCameras = useClientState((s) => s.tileCameras);
  const inView = useMemo(() => new Set(tileCameras.filter((c): c is string => c !== null)), [tileCameras]);
  const tree = useMemo(() => buildCameraTree(cameras.data ?? []), [cameras.data]);
  const shown = useMemo(() => filterCameraTree(tree, query), [tree, query]);
  const searching = query.trim() !== '';

  const toggle = (path: string) => setCollapsed((c) => {
    const next = new Set(c);
    if (!next.delete(path)) next.add(path);
    return next;
  });

  const open = (camera: CameraBody) => {
    const s = store.getState();
    const tile = targetTile(s);
    if (tile === undefined) {
      notify('Every tile is in use: select the tile to replace, or drag the camera onto it.');
      return;
    }
    s.assignCamera(tile, camera.id);
    // The next double-click fills the next empty tile, so a view is filled camera by camera.
    const next = store.getState().tileCameras.indexOf(null);
    if (next >= 0) store.getState().selectTile(next);
  };

  let body;
  if (cameras.isPending) body = <div className="panel-note"><span className="spinner spinner-sm" />Loading cameras…</div>;
  else if (cameras.isError) {
    body = (
      <div className="panel-note panel-note-error">
        Cameras could not be loaded: {cameras.error.message}
        <button type="button" className="btn btn-sm" onClick={() => void cameras.refetch()}>Retry</button>
      </div>
    );
  } else if (tree.count === 0) body = <div className="panel-note">No cameras. Cameras you have rights on appear here.</div>;
  else if (!shown) body = <div className="panel-note">No camera matches “{query.trim()}”.</div>;
  else {
    body = (
      <ul role="tree" aria-label="Cameras" className="tree">
        <CameraFolderNode
          folder={shown}
          depth={0}
          isOpen={(path) => searching || !collapsed.has(path)}
          onToggle={toggle}
          inView={inView}
          focusedId={focusedId}
          onFocus={setFocusedId}
          onOpen={open}
        />
      </ul>
    );
  }

  return (
    <section className="panel camera-panel" aria-label="Cameras">
      <div className="panel-head">
        <Icon name="camera" size={14} />
        <h2>Cameras</h2>
        {cameras.data ? <span className="panel-count">{cameras.data.length}</span> : null}
      </div>
      <div className="search-box">
        <Icon name="search" size={13} />
        <input
          className="search-input"
          type="search"
          value={query}
          placeholder="Search cameras"
          aria-label="Search cameras"
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => e.key === 'Escape' && query && (e.stopPropagation(), setQuery(''))}
        />
        {query ? (
          <button type="button" className="icon-btn search-clear" onClick={() => setQuery('')} aria-label="Clear search">
            <Icon name="close" size={11} />
          </button>
        ) : null}
      </div>
      <div className="panel-scroll">{body}</div>
    </section>
  );
}
