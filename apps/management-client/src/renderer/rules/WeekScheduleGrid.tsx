/**
 * The weekly schedule drawn as a grid: a row per day, a cell per half hour. Dragging over
 * cells switches them on (or off, when the first cell was on); with the keyboard, arrows move
 * and Space switches the focused half hour. Each change rewrites the windows from the week
 * (weekGrid.ts), so the list beside it always shows what the grid shows.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { TimeWindow } from '@nightjar/vms-core';
import { DAY_NAMES, DAY_SHORT, GRID_DAY_ORDER, cellState, formatClock, paintWeek, weekToWindows, windowsToWeek } from './weekGrid';

const SLOT = 30;
const SLOTS = 1440 / SLOT;

interface Cell {
  row: number;
  col: number;
}

interface Drag {
  anchor: Cell;
  current: Cell;
  on: boolean;
}

const inside = (d: Drag, c: Cell) =>
  c.row >= Math.min(d.anchor.row, d.current.row) && c.row <= Math.max(d.anchor.row, d.current.row) &&
  c.col >= Math.min(d.anchor.col, d.current.col) && c.col <= Math.max(d.anchor.col, d.current.col);

export interface WeekScheduleGridProps {
  windows: readonly TimeWindow[];
  onChange: (windows: TimeWindow[]) => void;
  disabled?: boolean;
}

export function WeekScheduleGrid({ windows, onChange, disabled }: WeekScheduleGridProps) {
  const week = useMemo(() => windowsToWeek(windows), [windows]);
  const [drag, setDrag] = useState<Drag | null>(null);
  const [focus, setFocus] = useState<Cell>({ row: 0, col: 16 });
  const grid = useRef<HTMLDivElement>(null);

  const apply = (d: Drag) => {
    const rows = [Math.min(d.anchor.row, d.current.row), Math.max(d.anchor.row, d.current.row)] as const;
    const cols = [Math.min(d.anchor.col, d.current.col), Math.max(d.anchor.col, d.current.col)] as const;
    const days = GRID_DAY_ORDER.slice(rows[0], rows[1] + 1);
    onChange(weekToWindows(paintWeek(week, { days, from: cols[0] * SLOT, to: (cols[1] + 1) * SLOT }, d.on)));
  };

  // The drag ends wherever the pointer is let go, also outside the grid.
  useEffect(() => {
    if (!drag) return;
    const up = () => {
      apply(drag);
      setDrag(null);
    };
    window.addEventListener('pointerup', up);
    return () => window.removeEventListener('pointerup', up);
  });

  const stateOf = (c: Cell) => {
    if (drag && inside(drag, c)) return drag.on ? 'on' : 'off';
    return cellState(week[GRID_DAY_ORDER[c.row]!]!, c.col * SLOT, (c.col + 1) * SLOT);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const moves: Record<string, Cell> = {
      ArrowRight: { row: focus.row, col: Math.min(SLOTS - 1, focus.col + 1) },
      ArrowLeft: { row: focus.row, col: Math.max(0, focus.col - 1) },
      ArrowDown: { row: Math.min(6, focus.row + 1), col: focus.col },
      ArrowUp: { row: Math.max(0, focus.row - 1), col: focus.col },
      Home: { row: focus.row, col: 0 },
      End: { row: focus.row, col: SLOTS - 1 },
    };
    const next = moves[e.key];
    if (next) {
      e.preventDefault();
      setFocus(next);
      grid.current?.querySelector<HTMLElement>(`[data-cell="${next.row}-${next.col}"]`)?.focus();
    } else if ((e.key === ' ' || e.key === 'Enter') && !disabled) {
      e.preventDefault();
      apply({ anchor: focus, current: focus, on: stateOf(focus) !== 'on' });
    }
  };

  return (
    <div className="week-grid" ref={grid} role="grid" aria-label="Weekly schedule, half hours" aria-disabled={disabled} onKeyDown={onKeyDown}
      data-dragging={drag ? 'true' : undefined}>
      <div className="week-grid-hours" aria-hidden>
        <span className="week-grid-day" />
        {Array.from({ length: 12 }, (_, i) => <span key={i} className="week-grid-hour">{String(i * 2).padStart(2, '0')}</span>)}
      </div>
      {GRID_DAY_ORDER.map((day, row) => (
        <div key={day} className="week-grid-row" role="row">
          <span className="week-grid-day" role="rowheader" aria-label={DAY_NAMES[day]}>{DAY_SHORT[day]}</span>
          {Array.from({ length: SLOTS }, (_, col) => {
            const cell = { row, col };
            const state = stateOf(cell);
            const focused = focus.row === row && focus.col === col;
            return (
              <div key={col} role="gridcell" data-cell={`${row}-${col}`} data-state={state} data-hour={col % 2 === 0 ? 'true' : undefined}
                tabIndex={focused ? 0 : -1} aria-selected={state === 'on'}
                aria-label={`${DAY_NAMES[day]} ${formatClock(col * SLOT)}–${formatClock((col + 1) * SLOT)}, ${state === 'partial' ? 'partly on' : state}`}
                onFocus={() => setFocus(cell)}
                onPointerDown={(e) => {
                  if (disabled || e.button !== 0) return;
                  e.preventDefault();
                  setFocus(cell);
                  setDrag({ anchor: cell, current: cell, on: state !== 'on' });
                }}
                onPointerEnter={() => {
                  if (drag) setDrag({ ...drag, current: cell });
                }} />
            );
          })}
        </div>
      ))}
    </div>
  );
}
