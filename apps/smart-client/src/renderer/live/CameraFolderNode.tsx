/** A folder of the camera tree with its subfolders and cameras; collapsible. */
import type { CameraBody } from '@nightjar/ui';
import { Icon } from '@nightjar/ui';
import { CameraRow } from './CameraRow';
import type { CameraFolder } from './cameraTreeModel';

export interface CameraFolderNodeProps {
  folder: CameraFolder;
  depth: number;
  isOpen: (path: string) => boolean;
  onToggle: (path: string) => void;
  inView: ReadonlySet<string>;
  focusedId: string | null;
  onFocus: (cameraId: string) => void;
  onOpen: (camera: CameraBody) => void;
}

export function CameraFolderNode(p: CameraFolderNodeProps) {
  const { folder, depth } = p;
  // The root has no row of its own: its children sit at the top level.
  const isRoot = folder.path === '';
  const open = isRoot || p.isOpen(folder.path);
  const children = (
    <>
      {folder.folders.map((f) => <CameraFolderNode key={f.path} {...p} folder={f} depth={isRoot ? depth : depth + 1} />)}
      {folder.cameras.map((c) => (
        <CameraRow
          key={c.id}
          camera={c}
          depth={isRoot ? depth : depth + 1}
          inView={p.inView.has(c.id)}
          focused={p.focusedId === c.id}
          onFocus={() => p.onFocus(c.id)}
          onOpen={p.onOpen}
        />
      ))}
    </>
  );
  if (isRoot) return children;
  return (
    <li role="treeitem" aria-expanded={open} className="tree-folder">
      <button type="button" className="tree-row folder-row" style={{ paddingLeft: 4 + depth * 14 }} onClick={() => p.onToggle(folder.path)}>
        <Icon name={open ? 'chevronDown' : 'chevronRight'} size={12} className="tree-chevron" />
        <Icon name="folder" size={14} className="folder-glyph" />
        <span className="tree-label">{folder.name}</span>
        <span className="tree-count">{folder.count}</span>
      </button>
      {open ? <ul role="group">{children}</ul> : null}
    </li>
  );
}
