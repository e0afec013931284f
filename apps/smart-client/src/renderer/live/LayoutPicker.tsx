/** The layout buttons of the view toolbar: the presets, and a custom N×M grid in a popover. */
import { useRef, useState } from 'react';
import { LAYOUTS, LAYOUT_IDS } from '@nightjar/ui';
import { useClientState, useSite } from '../session/siteContext';
import { CustomGridPicker } from './CustomGridPicker';
import { LayoutGlyph } from './LayoutGlyph';
import { useMenuDismiss } from '../shell/useMenuDismiss';

const LABELS: Record<string, string> = { '1x1': '1×1', '2x2': '2×2', '3x3': '3×3', '4x4': '4×4', '1+5': '1+5', '1+7': '1+7', '2+8': '2+8' };

export function LayoutPicker() {
  const { store } = useSite();
  const layoutId = useClientState((s) => s.layoutId);
  const layout = useClientState((s) => s.layout);
  const [customOpen, setCustomOpen] = useState(false);
  const anchor = useRef<HTMLDivElement>(null);

  useMenuDismiss(customOpen, () => setCustomOpen(false), anchor);

  return (
    <div className="layout-picker" role="group" aria-label="Layout">
      {LAYOUT_IDS.map((id) => (
        <button key={id} type="button" className="icon-btn layout-btn" aria-pressed={layoutId === id} title={`Layout ${LABELS[id]}`}
          onClick={() => store.getState().setLayout(id)}>
          <LayoutGlyph layout={LAYOUTS[id]} size={16} />
        </button>
      ))}
      <div className="menu-anchor" ref={anchor}>
        <button type="button" className="icon-btn layout-btn layout-custom" aria-pressed={layoutId === 'custom'} aria-expanded={customOpen}
          title="Custom grid" onClick={() => setCustomOpen(!customOpen)}>
          {layoutId === 'custom' ? <span className="layout-custom-size">{layout.columns}×{layout.rows}</span> : <span className="layout-custom-size">N×M</span>}
        </button>
        {customOpen ? (
          <div className="menu menu-right">
            <CustomGridPicker
              columns={layout.columns}
              rows={layout.rows}
              onPick={(c, r) => {
                store.getState().setCustomLayout(c, r);
                setCustomOpen(false);
              }}
            />
          </div>
        ) : null}
      </div>
    </div>
  );
}
