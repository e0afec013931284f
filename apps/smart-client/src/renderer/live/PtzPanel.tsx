/**
 * Pan, tilt and zoom over a tile: hold a direction (or zoom) button to move, release to stop;
 * presets below. Only for cameras that can be steered; the site checks the `ptz` right on each
 * command, and a refusal turns the panel into a plain statement of it.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import type { PointerEvent } from 'react';
import { ApiError, ptzPresetsQuery } from '@nightjar/ui';
import type { CameraBody } from '@nightjar/ui';
import { useSite } from '../session/siteContext';
import { Icon } from '@nightjar/ui';
import type { IconName } from '@nightjar/ui';
import { PtzHold } from './ptzHold';
import type { PtzVector } from './ptzHold';

export interface PtzPanelProps {
  camera: CameraBody;
  onClose: () => void;
}

const PAD: { icon: IconName; label: string; v: [number, number] }[] = [
  { icon: 'arrowUp', label: 'Up', v: [0, 1] },
  { icon: 'arrowLeft', label: 'Left', v: [-1, 0] },
  { icon: 'arrowRight', label: 'Right', v: [1, 0] },
  { icon: 'arrowDown', label: 'Down', v: [0, -1] },
];

function problemOf(e: unknown): string {
  if (e instanceof ApiError && e.status === 403) return 'Your roles do not allow PTZ on this camera.';
  if (e instanceof ApiError && e.status === 0) return 'The site cannot be reached.';
  return e instanceof Error ? e.message : String(e);
}

export function PtzPanel({ camera, onClose }: PtzPanelProps) {
  const { client } = useSite();
  const [speed, setSpeed] = useState(0.5);
  const [problem, setProblem] = useState<string | null>(null);
  const presets = useQuery(ptzPresetsQuery(client, camera.id));
  const hold = useMemo(() => new PtzHold({
    move: (v) => client.ptzMove(camera.id, v),
    stop: () => client.ptzStop(camera.id),
    onError: (e) => setProblem(problemOf(e)),
  }), [client, camera.id]);
  useEffect(() => () => hold.dispose(), [hold]);

  const holdProps = (v: PtzVector, label: string) => ({
    'aria-label': label,
    title: `${label} (hold)`,
    onPointerDown: (e: PointerEvent<HTMLButtonElement>) => {
      e.stopPropagation();
      // Captured, so the release arrives here even if the pointer slid off the button.
      e.currentTarget.setPointerCapture(e.pointerId);
      setProblem(null);
      hold.press(v);
    },
    onPointerUp: () => hold.release(),
    onPointerCancel: () => hold.release(),
    onLostPointerCapture: () => hold.release(),
  });

  const refused = presets.error instanceof ApiError && presets.error.status === 403;
  return (
    <div className="ptz-panel" onPointerDown={(e) => e.stopPropagation()} onDoubleClick={(e) => e.stopPropagation()} role="group" aria-label={`PTZ ${camera.name}`}>
      <div className="ptz-head">
        <span>PTZ</span>
        <button type="button" className="icon-btn" onClick={onClose} aria-label="Close PTZ"><Icon name="close" size={11} /></button>
      </div>
      {refused ? <div className="ptz-problem">{problemOf(presets.error)}</div> : (
        <>
          {camera.ptz.panTilt ? (
            <div className="ptz-pad">
              {PAD.map((d) => (
                <button key={d.label} type="button" className={`ptz-btn ptz-${d.label.toLowerCase()}`} {...holdProps({ pan: d.v[0] * speed, tilt: d.v[1] * speed, zoom: 0 }, d.label)}>
                  <Icon name={d.icon} size={14} />
                </button>
              ))}
              <span className="ptz-center" aria-hidden />
            </div>
          ) : null}
          {camera.ptz.zoom ? (
            <div className="ptz-zoom">
              <button type="button" className="ptz-btn" {...holdProps({ pan: 0, tilt: 0, zoom: -speed }, 'Zoom out')}><Icon name="zoomOut" size={14} /></button>
              <button type="button" className="ptz-btn" {...holdProps({ pan: 0, tilt: 0, zoom: speed }, 'Zoom in')}><Icon name="zoomIn" size={14} /></button>
            </div>
          ) : null}
          <label className="ptz-speed">
            <span>Speed</span>
            <input type="range" min={0.1} max={1} step={0.1} value={speed} onChange={(e) => setSpeed(Number(e.target.value))} />
          </label>
          <div className="ptz-presets">
            {presets.isPending ? <span className="muted">Loading presets…</span> : null}
            {presets.data?.length === 0 ? <span className="muted">No presets</span> : null}
            {presets.data?.map((p) => (
              <button key={p.token} type="button" className="ptz-preset"
                onClick={() => client.gotoPtzPreset(camera.id, p.token).catch((e: unknown) => setProblem(problemOf(e)))}>
                {p.name || p.token}
              </button>
            ))}
          </div>
          {problem ? <div className="ptz-problem" role="alert">{problem}</div> : null}
        </>
      )}
    </div>
  );
}
