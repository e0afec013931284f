/**
 * The help panel: every keyboard shortcut from the registry (so the list cannot drift from
 * what the keys do), and the mouse gestures of the view grid.
 */
import { Icon } from '@nightjar/ui';
import { groupShortcuts } from './shortcutRegistry';
import type { Shortcut } from './shortcutRegistry';

const GESTURES: [string, string][] = [
  ['Drag a camera onto a tile', 'Show it there'],
  ['Drag a tile by its grip (▦)', 'Swap it with the tile you drop it on'],
  ['Double-click a camera', 'Show it in the selected tile, or the first empty one'],
  ['Double-click a tile', 'Maximize it, or restore'],
  ['Mouse wheel on a tile', 'Digital zoom; drag to pan, double-click the badge to reset'],
];

export interface HelpPanelProps {
  shortcuts: readonly Shortcut[];
  onClose: () => void;
}

export function HelpPanel({ shortcuts, onClose }: HelpPanelProps) {
  return (
    <div className="dialog-backdrop" onPointerDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="dialog help" role="dialog" aria-modal="true" aria-labelledby="help-title">
        <div className="dialog-head">
          <Icon name="help" size={15} />
          <h2 id="help-title">Keyboard and mouse</h2>
          <button type="button" className="icon-btn" onClick={onClose} aria-label="Close"><Icon name="close" size={14} /></button>
        </div>
        <div className="dialog-body help-body">
          {groupShortcuts(shortcuts).map(({ group, items }) => (
            <section key={group} className="help-group">
              <h3>{group}</h3>
              <dl>
                {items.map((s) => (
                  <div key={s.id} className="help-row">
                    <dt><kbd>{s.label}</kbd></dt>
                    <dd>{s.description}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
          <section className="help-group help-group-wide">
            <h3>Mouse</h3>
            <dl>
              {GESTURES.map(([gesture, what]) => (
                <div key={gesture} className="help-row">
                  <dt className="help-gesture">{gesture}</dt>
                  <dd>{what}</dd>
                </div>
              ))}
            </dl>
          </section>
          <p className="muted help-note">Shortcuts do not fire while you type in a field.</p>
        </div>
      </div>
    </div>
  );
}
