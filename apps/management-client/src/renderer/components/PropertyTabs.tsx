/** Tabs of an item's properties (Info, Settings, Record, …); the active one is in the route. */
import type { ReactNode } from 'react';

export interface PropertyTab {
  id: string;
  label: string;
  render: () => ReactNode;
}

export interface PropertyTabsProps {
  tabs: readonly PropertyTab[];
  /** The route's tab; unknown or null shows the first. */
  active: string | null;
  onChange: (id: string) => void;
  label: string;
}

export function PropertyTabs({ tabs, active, onChange, label }: PropertyTabsProps) {
  const current = tabs.find((t) => t.id === active) ?? tabs[0];
  if (!current) return null;
  return (
    <div className="property-tabs">
      <div className="property-tab-strip" role="tablist" aria-label={label}>
        {tabs.map((t) => (
          <button key={t.id} type="button" role="tab" id={`tab-${t.id}`} aria-selected={t.id === current.id} aria-controls={`tabpanel-${t.id}`}
            className="property-tab" onClick={() => onChange(t.id)}>
            {t.label}
          </button>
        ))}
      </div>
      <div className="property-tab-body" role="tabpanel" id={`tabpanel-${current.id}`} aria-labelledby={`tab-${current.id}`}>
        {current.render()}
      </div>
    </div>
  );
}
