/** A view's grid drawn small with CSS grid: each tile where the Smart Client puts it, with its camera. */
import type { ViewBody } from '@nightjar/ui';
import type { TileContent } from './viewsModel';

export function ViewLayoutPreview({ view, contents }: { view: ViewBody; contents: readonly TileContent[] }) {
  const { columns, rows, tiles } = view.layout;
  return (
    <div className="view-preview" role="list" aria-label={`Layout of ${view.name}`}
      style={{ gridTemplateColumns: `repeat(${columns}, 1fr)`, gridTemplateRows: `repeat(${rows}, 1fr)`, aspectRatio: `${columns * 16} / ${rows * 9}` }}>
      {tiles.map((t, i) => {
        const c = contents[i] ?? { kind: 'empty' as const };
        const label = c.kind === 'camera' ? c.name : c.kind === 'missing' ? 'Camera not available' : 'Empty';
        return (
          <div key={`${t.x},${t.y}`} role="listitem" className="view-preview-tile" data-kind={c.kind} title={c.kind === 'missing' ? `${label} (${c.cameraId})` : label}
            style={{ gridColumn: `${t.x + 1} / span ${t.width}`, gridRow: `${t.y + 1} / span ${t.height}` }}>
            <span>{label}</span>
          </div>
        );
      })}
    </div>
  );
}
