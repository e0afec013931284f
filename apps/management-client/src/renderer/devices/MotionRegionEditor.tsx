/**
 * Exclusion regions drawn on the camera's picture: drag on empty picture to draw, drag a region
 * to move it, drag a corner to resize it. Keyboard: Tab to a region, arrows move it (Shift: 10 %),
 * Alt+arrows resize it, Delete removes it; "Add region" makes one to start from.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { KeyboardEvent, PointerEvent } from 'react';
import { Icon } from '@nightjar/ui';
import type { CameraBody, Region } from '@nightjar/vms-core';
import { useAdmin } from '../session/adminContext';
import { snapshotQuery } from './devicesApi';
import type { Handle, Point } from './regionGeometry';
import {
  describeRegion, excludedFraction, fractionIn, growRegion, isUsableRegion, moveRegion, regionFromDrag, regionStyle, resizeRegion,
} from './regionGeometry';
import { useObjectUrl } from './useObjectUrl';

type Gesture =
  | { kind: 'draw'; from: Point }
  | { kind: 'move'; index: number; from: Point; start: Region }
  | { kind: 'resize'; index: number; handle: Handle; start: Region };

const HANDLES: readonly Handle[] = ['nw', 'ne', 'sw', 'se'];
const SNAPSHOT_WIDTH = 640;

export interface MotionRegionEditorProps {
  camera: CameraBody;
  regions: readonly Region[];
  onChange: (regions: Region[]) => void;
  error: string | undefined;
}

export function MotionRegionEditor({ camera, regions, onChange, error }: MotionRegionEditorProps) {
  const { client } = useAdmin();
  const snapshot = useQuery({ ...snapshotQuery(client, camera.id, SNAPSHOT_WIDTH), enabled: camera.enabled });
  const picture = useObjectUrl(snapshot.data);
  const live = camera.streams.find((s) => s.key === camera.liveStream);
  const aspect = live?.width && live.height ? `${live.width} / ${live.height}` : '16 / 9';
  const surface = useRef<HTMLDivElement>(null);
  const gesture = useRef<Gesture | null>(null);
  const [draft, setDraft] = useState<Region | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [focusIndex, setFocusIndex] = useState<number | null>(null);

  useEffect(() => {
    if (focusIndex === null) return;
    surface.current?.querySelector<HTMLElement>(`[data-region="${focusIndex}"]`)?.focus();
    setFocusIndex(null);
  }, [focusIndex]);

  const replace = (index: number, r: Region) => onChange(regions.map((x, i) => (i === index ? r : x)));
  const remove = (index: number) => {
    onChange(regions.filter((_, i) => i !== index));
    setSelected(null);
  };
  const pointAt = (e: PointerEvent) => fractionIn(e.clientX, e.clientY, surface.current!.getBoundingClientRect());

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0 || !surface.current) return;
    const target = e.target as HTMLElement;
    const regionEl = target.closest<HTMLElement>('[data-region]');
    const index = regionEl ? Number(regionEl.dataset.region) : -1;
    const p = pointAt(e);
    const region = regions[index];
    if (region && target.dataset.handle) gesture.current = { kind: 'resize', index, handle: target.dataset.handle as Handle, start: region };
    else if (region) gesture.current = { kind: 'move', index, from: p, start: region };
    else {
      gesture.current = { kind: 'draw', from: p };
      setDraft(regionFromDrag(p, p));
    }
    setSelected(region ? index : null);
    surface.current.setPointerCapture(e.pointerId);
    e.preventDefault();
    regionEl?.focus();
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const g = gesture.current;
    if (!g) return;
    const p = pointAt(e);
    if (g.kind === 'draw') setDraft(regionFromDrag(g.from, p));
    else if (g.kind === 'move') replace(g.index, moveRegion(g.start, p.x - g.from.x, p.y - g.from.y));
    else replace(g.index, resizeRegion(g.start, g.handle, p));
  };
  const onPointerUp = () => {
    const g = gesture.current;
    gesture.current = null;
    if (g?.kind !== 'draw') return;
    if (draft && isUsableRegion(draft) && regions.length < 64) {
      onChange([...regions, draft]);
      setSelected(regions.length);
    }
    setDraft(null);
  };

  const onRegionKey = (index: number, e: KeyboardEvent) => {
    const r = regions[index]!;
    const step = e.shiftKey ? 0.1 : 0.01;
    const arrows: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    const d = arrows[e.key];
    if (d) replace(index, e.altKey ? growRegion(r, d[0], d[1]) : moveRegion(r, d[0], d[1]));
    else if (e.key === 'Delete' || e.key === 'Backspace') remove(index);
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  const add = () => {
    onChange([...regions, { x: 0.35, y: 0.35, width: 0.3, height: 0.3 }]);
    setSelected(regions.length);
    setFocusIndex(regions.length);
  };

  const excluded = Math.round(excludedFraction(regions) * 100);
  return (
    <section className="region-editor" aria-label="Exclusion regions">
      <div className="region-toolbar">
        <h3>Exclusion regions</h3>
        <span className="muted">{regions.length === 0 ? 'Motion is detected on the whole picture.' : `${regions.length} region${regions.length === 1 ? '' : 's'} · ${excluded} % of the picture ignored`}</span>
        <span className="toolbar-spacer" />
        <button type="button" className="btn btn-sm" onClick={add} disabled={regions.length >= 64}><Icon name="plus" size={12} />Add region</button>
        <button type="button" className="btn btn-sm" onClick={() => onChange([])} disabled={regions.length === 0}>Remove all</button>
        <button type="button" className="btn btn-sm" onClick={() => void snapshot.refetch()} disabled={!camera.enabled || snapshot.isFetching}>
          <Icon name="refresh" size={12} />Refresh picture
        </button>
      </div>
      <div ref={surface} className="region-surface" style={{ aspectRatio: aspect }} onPointerDown={onPointerDown} onPointerMove={onPointerMove}
        onPointerUp={onPointerUp} onPointerCancel={onPointerUp} data-testid="region-surface">
        {picture ? <img src={picture} alt={`Current picture of ${camera.name}`} draggable={false} /> : null}
        {!picture ? (
          <div className="region-surface-note muted" role={snapshot.isError ? 'alert' : undefined}>
            {!camera.enabled ? 'The camera is disabled: no picture. Regions can still be drawn.'
              : snapshot.isFetching ? 'Fetching the picture…'
                : snapshot.isError ? `No picture: ${snapshot.error.message}. Regions can still be drawn.` : null}
          </div>
        ) : null}
        {regions.map((r, i) => (
          <div key={i} className="region" data-region={i} data-selected={selected === i} style={regionStyle(r)} role="button" tabIndex={0}
            aria-label={`Exclusion region ${i + 1}, ${describeRegion(r)}`} aria-pressed={selected === i}
            onFocus={() => setSelected(i)} onKeyDown={(e) => onRegionKey(i, e)}>
            <span className="region-label" aria-hidden>{i + 1}</span>
            {selected === i ? HANDLES.map((h) => <span key={h} className="region-handle" data-handle={h} aria-hidden />) : null}
          </div>
        ))}
        {draft ? <div className="region region-draft" style={regionStyle(draft)} aria-hidden /> : null}
      </div>
      <p className="field-hint">
        Drag on the picture to draw a region; drag a region to move it, a corner to resize it. Keyboard: arrows move the focused region
        (Shift: 10 %), Alt+arrows resize it, Delete removes it.
      </p>
      {error ? <em className="field-error" role="alert">{error}</em> : null}
      {regions.length > 0 ? (
        <ol className="region-list" aria-label="Regions">
          {regions.map((r, i) => (
            <li key={i} data-selected={selected === i}>
              <span>Region {i + 1}</span>
              <span className="muted">{describeRegion(r)}</span>
              <button type="button" className="icon-btn" aria-label={`Remove region ${i + 1}`} onClick={() => remove(i)}><Icon name="trash" size={13} /></button>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
