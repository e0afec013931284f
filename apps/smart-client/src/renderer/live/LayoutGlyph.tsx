/** A layout drawn small from its own tile data, so every preset and custom grid has an exact picture. */
import type { Layout } from '@nightjar/ui';

export function LayoutGlyph({ layout, size = 18 }: { layout: Pick<Layout, 'columns' | 'rows' | 'tiles'>; size?: number }) {
  const gap = 1.2;
  const cw = (16 - gap * (layout.columns - 1)) / layout.columns;
  const ch = (16 - gap * (layout.rows - 1)) / layout.rows;
  return (
    <svg className="icon" width={size} height={size} viewBox="0 0 16 16" aria-hidden>
      {layout.tiles.map((t, i) => (
        <rect
          key={i}
          x={t.x * (cw + gap)}
          y={t.y * (ch + gap)}
          width={t.width * cw + (t.width - 1) * gap}
          height={t.height * ch + (t.height - 1) * gap}
          rx={0.8}
          fill="currentColor"
          opacity={i === 0 && layout.tiles.length > 1 && t.width > 1 ? 0.95 : 0.7}
        />
      ))}
    </svg>
  );
}
